"""django-tables2 tables of the catalogue (one per list page), rendered by components/table.html."""

from __future__ import annotations

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from stdlink.catalog.labels import doctype_label
from stdlink.catalog.models import Standard
from stdlink.core.templatetags.ui import status_badge


class StandardTable(tables.Table):
    identifier = tables.Column(
        verbose_name=_("Identifier"), attrs={"td": {"class": "nowrap"}}, order_by=("identifier",)
    )
    title = tables.Column(
        verbose_name=_("Title"),
        accessor="title",
        orderable=False,
        attrs={"td": {"class": "text"}},
    )
    status = tables.Column(verbose_name=_("Status"))
    year = tables.Column(
        verbose_name=_("Year"), attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    body = tables.Column(verbose_name=_("Body"), accessor="body__code")
    committee = tables.Column(
        verbose_name=_("Committee"), accessor="committee__code", attrs={"td": {"class": "code-wrap"}}
    )
    doctype = tables.Column(verbose_name=_("Document type"))
    published = tables.DateColumn(verbose_name=_("Published"), attrs={"td": {"class": "nowrap"}})

    class Meta:
        model = Standard
        fields = ()
        sequence = (
            "identifier",
            "title",
            "status",
            "year",
            "body",
            "committee",
            "doctype",
            "published",
        )
        attrs = {"id": "standard-table", "class": "table table-sm table-hover table-cards"}
        empty_text = _("No standards match these filters.")
        optional_columns = ("status", "year", "body", "committee", "doctype", "published")
        hidden_by_default = ("body", "doctype", "published")
        order_by = ("-year", "identifier")

    def render_identifier(self, record, value):
        return format_html(
            '<a href="{}">{}</a>', reverse("catalog:standard-detail", args=[record.pk]), value
        )

    def value_identifier(self, value):
        return value

    def value_committee(self, value):
        return value

    def value_body(self, value):
        return value

    def value_year(self, value):
        return value

    def value_title(self, value):
        return value

    def render_title(self, value):
        return value[:200] + ("…" if len(value) > 200 else "")

    def render_status(self, record):
        return status_badge(record.status, record.get_status_display())

    def value_status(self, record):
        return record.get_status_display()

    def render_year(self, value):
        return str(value)

    def render_committee(self, record, value):
        return format_html(
            '<a href="{}">{}</a>', reverse("catalog:committee-detail", args=[value]), value
        )

    def render_body(self, record, value):
        return format_html(
            '<a href="{}">{}</a>', reverse("catalog:body-detail", args=[value]), value
        )

    def render_doctype(self, value):
        return doctype_label(value)

    def value_doctype(self, value):
        return doctype_label(value)
