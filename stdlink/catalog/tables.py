"""django-tables2 tables of the catalogue (one per list page), rendered by components/table.html."""

from __future__ import annotations

import django_tables2 as tables
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _

from stdlink.catalog.labels import doctype_label
from stdlink.catalog.models import Standard
from stdlink.core.tables import LeanRows
from stdlink.core.templatetags.ui import status_badge

#: What an empty cell shows (django-tables2's default, kept by the lean rows).
EMPTY = "—"


class StandardTable(LeanRows, tables.Table):
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
        verbose_name=_("Committee"),
        accessor="committee__code",
        attrs={"td": {"class": "code-wrap"}},
    )
    doctype = tables.Column(verbose_name=_("Document type"))
    published = tables.DateColumn(verbose_name=_("Published"), attrs={"td": {"class": "nowrap"}})

    #: the model fields the columns read (for ``QuerySet.only``)
    FIELDS = (
        "identifier",
        "title_en",
        "title_zh",
        "title_other",
        "status",
        "year",
        "doctype",
        "published",
        "body__code",
        "committee__code",
    )

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

    # Rows are written by the cell_* methods (core.tables.LeanRows). The list view sets url /
    # committee_url / status_label on the page's records once per page (catalog.views._link_rows:
    # reversing URLs and lazy labels per row cost half the page's time); other callers fall back
    # to computing them per row. Exports read the value_* methods (plain text).

    def cell_identifier(self, record) -> str:
        url = getattr(record, "url", None) or reverse("catalog:standard-detail", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, record.identifier)

    def cell_title(self, record) -> str:
        return escape(record.list_title)

    def cell_status(self, record) -> str:
        label = getattr(record, "status_label", None) or record.get_status_display()
        return status_badge(record.status, label)

    def cell_year(self, record) -> str:
        return EMPTY if record.year is None else str(record.year)

    def cell_body(self, record) -> str:
        if record.body is None:
            return EMPTY
        code = record.body.code
        urls = self.__dict__.setdefault("_body_urls", {})  # a page has a handful of bodies
        if code not in urls:
            urls[code] = reverse("catalog:body-detail", args=[code])
        return format_html('<a href="{}">{}</a>', urls[code], code)

    def cell_committee(self, record) -> str:
        if record.committee is None:
            return EMPTY
        code = record.committee.code
        url = getattr(record, "committee_url", None) or reverse(
            "catalog:committee-detail", args=[code]
        )
        return format_html('<a href="{}">{}</a>', url, code)

    def cell_doctype(self, record) -> str:
        return escape(doctype_label(record.doctype)) if record.doctype else EMPTY

    def cell_published(self, record) -> str:
        return date_format(record.published, "SHORT_DATE_FORMAT") if record.published else EMPTY

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

    def value_status(self, record):
        return record.get_status_display()

    def value_doctype(self, value):
        return doctype_label(value)
