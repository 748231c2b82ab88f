"""Pagination for long lists: a cached count and a cap on page numbers, so that no page number,
however large, makes the database count or skip the whole table again (issue 9, F8).

`CappedPaginator` is a Django `Paginator`. It also plugs into django-tables2
(`core.tables.configure(..., paginator_class=CappedPaginator)`): tables2 hands the paginator the
table's `BoundRows`, which it unwraps to the table's (already sorted) queryset, so the cached count
and the id paging apply there too; the page's records come back wrapped as `BoundRows` again.
Pages past the cap or past the end answer the last reachable page (Django's `get_page` rule),
whose OFFSET is at most `max_pages * per_page` rows; the list tells the reader to narrow the
filters instead.
"""

from __future__ import annotations

import hashlib
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator

COUNT_TTL = 300  # seconds; imports change counts, a few minutes of staleness is fine for a list
MAX_PAGES = 200


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *args, max_pages: int = MAX_PAGES, **kwargs):
        self._table = None
        rows_data = getattr(getattr(object_list, "data", None), "data", None)
        if hasattr(object_list, "table") and hasattr(rows_data, "query"):
            # django-tables2 BoundRows over a TableQuerysetData: page the queryset itself.
            self._table, self._pinned = object_list.table, object_list.pinned_data
            object_list = rows_data
        super().__init__(object_list, per_page, *args, **kwargs)
        self.max_pages = max_pages

    def _get_page(self, object_list, number, paginator):
        if self._table is not None:
            from django_tables2.rows import BoundRows

            object_list = BoundRows(list(object_list), self._table, self._pinned)
        return super()._get_page(object_list, number, paginator)

    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            sql, params = self.object_list.order_by().query.sql_with_params()
        except Exception:  # noqa: BLE001 - an empty IN () and the like: count it directly
            return super().count
        key = "count:" + hashlib.sha1(f"{sql}|{params}".encode(), usedforsecurity=False).hexdigest()
        n = cache.get(key)
        if n is None:
            n = super().count
            cache.set(key, n, COUNT_TTL)
        return n

    @cached_property
    def num_pages(self) -> int:
        return min(super().num_pages, self.max_pages)

    def page(self, number):
        """The page's rows selected by their ids, which come from the ordering index alone
        (skipping OFFSET rows then costs no joins and reads no table rows)."""
        number = self.validate_number(number)
        qs = self.object_list
        if not hasattr(qs, "values_list") or qs.query.distinct or qs.query.combinator:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        ids = qs.values("pk")[bottom : bottom + self.per_page]  # a subquery: one round trip
        return self._get_page(list(qs.filter(pk__in=ids)), number, self)

    @property
    def capped(self) -> bool:
        """More rows than the reachable pages show."""
        return self.count > self.max_pages * self.per_page
