"""Form presentation of the catalogue's filters (the filtersets decide what they mean).

The list pages render their FilterSet's form in the filter drawer through crispy-forms; these
helpers give the form its widgets (choices instead of free text where the values are known) and
its layout, without changing the filters the API shares.
"""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Layout, Row
from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from stdlink.catalog import queries
from stdlink.catalog.labels import doctype_label

_ALL = ("", _("all"))


def _doctype_choices() -> list[tuple[str, str]]:
    raw = cache.get("catalog:doctypes")
    if raw is None:
        from stdlink.catalog.models import Standard

        raw = sorted(
            d for d in Standard.objects.order_by().values_list("doctype", flat=True).distinct() if d
        )
        cache.set("catalog:doctypes", raw, 300)
    labelled = [(d, doctype_label(d)) for d in raw]
    counts: dict[str, int] = {}
    for _d, label in labelled:
        counts[label] = counts.get(label, 0) + 1
    # Two raw spellings of one type ("Technical Report", "technical-report") keep the raw value.
    choices = [(d, f"{label} ({d})" if counts[label] > 1 else label) for d, label in labelled]
    return sorted(choices, key=lambda c: c[1])


def standard_filter_form(form: forms.Form) -> forms.Form:
    """Widgets and layout of StandardFilterSet's form for the filter drawer."""
    fields = form.fields
    fields["body"].widget = forms.Select(
        choices=[_ALL]
        + [(b.code, f"{b.code} · {b.display_name}") for b in queries.bodies_with_standards()]
    )
    fields["doctype"].widget = forms.Select(choices=[_ALL] + _doctype_choices())
    fields["status"].widget = forms.CheckboxSelectMultiple(choices=fields["status"].choices)
    fields["q"].label = _("Identifier or title contains")
    fields["body"].label = _("Body")
    fields["doctype"].label = _("Document type")
    fields["status"].label = _("Status")
    fields["ics"].label = _("ICS (code or prefix)")
    fields["ics"].widget.attrs["placeholder"] = "03.120"
    fields["committee"].label = _("Committee")
    fields["committee"].widget.attrs["placeholder"] = "ISO/TC 176"
    fields["year_from"].label = _("From year")
    fields["year_to"].label = _("To year")
    helper = FormHelper(form)
    helper.form_tag = False
    helper.disable_csrf = True
    hidden = [
        Field(name, type="hidden")
        for name in ("year", "ccs", "nature", "source", "work_key")
        if name in fields
    ]
    helper.layout = Layout(
        "q",
        "body",
        "status",
        "doctype",
        "ics",
        "committee",
        Row(Column("year_from", css_class="col-6"), Column("year_to", css_class="col-6")),
        *hidden,
    )
    form.helper = helper
    return form
