"""Shared django-tables2 machinery: sorting, pagination, column choice and .xlsx/.csv export.

A list view builds its queryset through the app's FilterSet, wraps it in a ``tables.Table`` and
calls :func:`configure`; :func:`export_response` turns the same filtered table into a file, so a
download always matches what the page shows (all pages, the chosen columns). Every exported cell
goes through the formula rule of :mod:`stdlink.core.spreadsheets`.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from stdlink.core.spreadsheets import rows_to_csv, rows_to_xlsx

EXPORT_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
#: More rows than this are refused with a message (narrow the filters first).
EXPORT_MAX_ROWS = 20_000
COLUMN_PARAM = "col"
EXPORT_PARAM = "export"


class LeanRows:
    """Mixin for a ``tables.Table`` whose body rows are written by one method per column,
    ``cell_<name>(record) -> str`` (escaped HTML: ``format_html``/``escape``), instead of
    django-tables2's per-cell machinery (a bound cell per column per row, accessor resolution,
    signature inspection and a template variable each: on the 50-row standards list that was
    60 % of the page's server time). Header, sorting, pagination, column choice and export stay
    django-tables2's; components/table.html writes the rows from :meth:`lean_rows`. A column's
    ``td`` attributes must be static (no callables): they are rendered once per page.
    """

    is_lean = True

    def lean_rows(self) -> list[SafeString]:
        cells = []
        for column in self.columns:  # the visible ones, in order
            opening = format_html('<td{} data-label="{}">', _attrs(column), column.header)
            cells.append((mark_safe(opening), getattr(self, f"cell_{column.name}")))
        rows = []
        for row in self.paginated_rows:
            record = row.record
            rows.append(
                mark_safe(
                    "<tr>" + "".join(f"{o}{cell(record)}</td>" for o, cell in cells) + "</tr>"
                )
            )
        return rows


def _attrs(column) -> SafeString:
    html = column.attrs["td"].as_html()
    return mark_safe(" " + html) if html else mark_safe("")


def configure(request: HttpRequest, table, *, per_page: int = 50, paginator_class=None):
    """Apply the request's sort order, page and column choice (``?col=a&col=b``) to ``table``.

    ``paginator_class``: e.g. a paginator that caches its count or caps page numbers."""
    chosen = request.GET.getlist(COLUMN_PARAM)
    optional = set(getattr(table.Meta, "optional_columns", ()))
    default_hidden = set(getattr(table.Meta, "hidden_by_default", ()))
    for column in table.columns.iterall():
        if column.name not in optional:
            continue
        visible = column.name in chosen if chosen else column.name not in default_hidden
        (table.columns.show if visible else table.columns.hide)(column.name)
    paginate = {"per_page": per_page}
    if paginator_class is not None:
        paginate["paginator_class"] = paginator_class
    RequestConfig(request, paginate=paginate).configure(table)
    return table


def filter_state(request: HttpRequest) -> str:
    """The request's filter values alone (not its page, sort order, columns or export): the
    key under which a public list caches its rendered filter drawer."""
    table_params = {"page", "sort", COLUMN_PARAM, EXPORT_PARAM}
    return urlencode(
        sorted((k, v) for k, values in request.GET.lists() if k not in table_params for v in values)
    )


def column_choices(table) -> list[dict]:
    """The optional columns with their headers and whether they are shown (for the column picker)."""
    optional = getattr(table.Meta, "optional_columns", ())
    return [
        {"name": c.name, "header": c.header, "visible": c.visible}
        for c in table.columns.iterall()
        if c.name in optional
    ]


def export_response(request: HttpRequest, table, basename: str) -> HttpResponse | None:
    """The file for ``?export=xlsx|csv``, or None when the request asks for no export."""
    fmt = request.GET.get(EXPORT_PARAM, "")
    if fmt not in EXPORT_FORMATS:
        return None
    total = len(table.rows)
    if total > EXPORT_MAX_ROWS:
        messages.error(
            request,
            _(
                "%(n)s rows match: an export holds at most %(max)s. Narrow the filters and try again."
            )
            % {"n": f"{total:,}", "max": f"{EXPORT_MAX_ROWS:,}"},
        )
        query = request.GET.copy()
        query.pop(EXPORT_PARAM, None)
        return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")
    hidden = [c.name for c in table.columns.iterall() if not c.visible]
    rows = table.as_values(exclude_columns=hidden)
    data = rows_to_xlsx(rows, sheet_title=basename) if fmt == "xlsx" else rows_to_csv(rows)
    response = HttpResponse(data, content_type=EXPORT_FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{basename}.{fmt}"'
    return response
