"""One validation rule for integer, date and month parameters, used by views, filtersets and the
API: a value out of range or malformed is the client's error (400/422), never a 500.

- `parse_int`, `parse_month`, `parse_date`: plain functions for a view reading `request.GET`
  (raise `ParamError`, a Django `BadRequest` → 400; the API answers it as JSON, see stdlink/api.py).
- `IdFilter`, `IntFilter`, `MonthFilter`: django-filter filters whose form fields carry the same
  bounds (a bad value is a form error, shown on the page, 400 in the API through `checked`).
- `Pagination`: ninja's page-number pagination with a bounded page number.
"""

from __future__ import annotations

import datetime as dt
import re

import django_filters
from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

MAX_ID = 2**63 - 1  # BigAutoField, and SQLite's INTEGER
MAX_PAGE = 100_000  # no list of this site has more pages
_MONTH = re.compile(r"^\s*(\d{1,4})-(\d{1,2})\s*$")


class ParamError(BadRequest):
    """A malformed or out-of-range request parameter (400)."""


def parse_int(value, name: str, *, low: int = 1, high: int = MAX_ID) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ParamError(f"参数 {name} 应为整数 / {name} must be an integer") from None
    if not low <= number <= high:
        raise ParamError(f"参数 {name} 超出范围 / {name} must be between {low} and {high}")
    return number


def month_or_none(value) -> dt.date | None:
    """'YYYY-MM' (year 1–9999, month 1–12) → the first day of that month; None if malformed."""
    if isinstance(value, dt.date):
        return value.replace(day=1)
    m = _MONTH.match(str(value or ""))
    if not m or not 1 <= int(m[1]) <= 9999 or not 1 <= int(m[2]) <= 12:
        return None
    return dt.date(int(m[1]), int(m[2]), 1)


def parse_month(value, name: str = "month") -> dt.date | None:
    if value in (None, ""):
        return None
    month = month_or_none(value)
    if month is None:
        raise ParamError(f"参数 {name} 应为 YYYY-MM / {name} must be a month as YYYY-MM")
    return month


def parse_date(value, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ParamError(
            f"参数 {name} 应为 YYYY-MM-DD / {name} must be a date as YYYY-MM-DD"
        ) from None


# --- form fields and filters -------------------------------------------------------------------


class BoundedIntegerField(forms.IntegerField):
    def __init__(self, *args, low: int = 1, high: int = MAX_ID, **kwargs) -> None:
        kwargs.setdefault("min_value", low)
        kwargs.setdefault("max_value", high)
        super().__init__(*args, **kwargs)


class MonthFormField(forms.Field):
    """YYYY-MM → the first day of that month."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        month = month_or_none(value)
        if month is None:
            raise ValidationError(_("Enter a month as YYYY-MM."), code="invalid")
        return month


class IdFilter(django_filters.NumberFilter):
    """A primary key or foreign key (1 … 2⁶³−1)."""

    field_class = BoundedIntegerField


class IntFilter(django_filters.NumberFilter):
    """An integer with bounds: IntFilter(field_name="year", low=1, high=9999)."""

    field_class = BoundedIntegerField

    def __init__(self, *args, low: int = 1, high: int = MAX_ID, **kwargs) -> None:
        kwargs.update(low=low, high=high)
        super().__init__(*args, **kwargs)


class MonthFilter(django_filters.Filter):
    """A month field stored as the first day of the month, given as YYYY-MM."""

    field_class = MonthFormField


def checked(filterset):
    """The filterset's queryset, or ParamError (400) naming every bad parameter (API, exports)."""
    from stdlink.core.forms import error_summary

    if not filterset.is_valid():
        raise ParamError(error_summary(filterset.errors))
    return filterset.qs


class Pagination(PageNumberPagination):
    """ninja's page-number pagination with bounded numbers (422 beyond them)."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=1000)
