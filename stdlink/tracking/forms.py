from __future__ import annotations

import csv
import io

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stdlink.core.uploads import validate_upload
from stdlink.tracking.rate import GROUPINGS

MAX_LIST = 50_000


class DecisionForm(forms.Form):
    candidate = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("confirm", _("Confirm")), ("reject", _("Reject"))])
    degree = forms.ChoiceField(
        label=_("Degree"),
        choices=[
            ("IDT", _("identical (IDT)")),
            ("MOD", _("modified (MOD)")),
            ("NEQ", _("not equivalent (NEQ)")),
        ],
        initial="IDT",
    )
    comment = forms.CharField(label=_("Comment"), max_length=500, required=False)


class WatchForm(forms.Form):
    standard = forms.IntegerField(min_value=1, max_value=2**31 - 1, required=False)
    committee = forms.IntegerField(min_value=1, max_value=2**31 - 1, required=False)
    ics = forms.CharField(max_length=16, required=False)
    next = forms.CharField(max_length=500, required=False)


class RateListForm(forms.Form):
    file = forms.FileField(
        label=_("List of international standards"),
        help_text=_("One identifier a line (.txt or .csv), or the first column of an .xlsx sheet."),
    )
    by = forms.ChoiceField(
        label=_("Break down by"),
        choices=[("", "—")] + [(g, g) for g in GROUPINGS if g != "sector"],
        required=False,
    )

    def identifiers(self) -> list[str]:
        f = self.cleaned_data["file"]
        kind = validate_upload(f, allowed={"txt", "csv", "xlsx"})
        name = getattr(f, "name", "list")
        if kind == "xlsx":
            from stdlink.core.uploads import iter_xlsx_rows  # inflation-guarded, streamed

            rows = [r[0] for r in iter_xlsx_rows(f, name) if r and r[0]]
        else:
            data = f.read()
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                try:
                    text = data.decode("gb18030")
                except UnicodeDecodeError as exc:
                    raise ValidationError(
                        _("%(f)s: not UTF-8 or GB18030 text") % {"f": name}
                    ) from exc
            rows = [r[0] for r in csv.reader(io.StringIO(text)) if r and r[0].strip()]
        ids = [str(r).strip() for r in rows if str(r).strip()]
        if not ids:
            raise ValidationError(_("%(f)s: the list is empty") % {"f": name})
        if len(ids) > MAX_LIST:
            raise ValidationError(
                _("%(f)s: more than %(n)s identifiers") % {"f": name, "n": f"{MAX_LIST:,}"}
            )
        return ids
