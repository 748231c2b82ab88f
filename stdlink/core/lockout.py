"""Log-in lock-out policy (decision 0007): django-axes locks a user name *at one address*; a
separate per-address throttle stops spraying many names from one address.

- (user name, address): STDLINK_LOGIN_FAILURE_LIMIT failures lock that name at that address for
  the cool-off (axes, AXES_LOCKOUT_PARAMETERS). The same name from another address, and other
  names from the same address, are not affected; a successful log-in resets only its own pair.
- address: STDLINK_LOGIN_ADDRESS_FAILURE_LIMIT failures of any names (counted from axes' attempt
  rows, so no other user's successful log-in resets them) throttle that address for the cool-off.
- Administrators lift a lock in the admin (Axes → access attempts: delete) or with
  `stdlink axes_reset_username NAME` / `stdlink axes_reset_ip ADDRESS`.
"""

from __future__ import annotations

import datetime as dt
import math

from axes.helpers import get_client_ip_address, get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def _window_start(request: HttpRequest | None) -> dt.datetime:
    return timezone.now() - (get_cool_off(request) or dt.timedelta(minutes=15))


def _minutes_left(request: HttpRequest | None, last: dt.datetime | None) -> int:
    cool_off = get_cool_off(request) or dt.timedelta(minutes=15)
    if last is None:
        return math.ceil(cool_off.total_seconds() / 60)
    left = last + cool_off - timezone.now()
    return max(1, math.ceil(left.total_seconds() / 60))


def address_throttle(request: HttpRequest) -> int:
    """Minutes until this address may try again (0: not throttled)."""
    ip = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    if not ip:
        return 0
    agg = AccessAttempt.objects.filter(
        ip_address=ip, attempt_time__gte=_window_start(request)
    ).aggregate(n=Sum("failures_since_start"), last=Max("attempt_time"))
    if (agg["n"] or 0) < settings.STDLINK_LOGIN_ADDRESS_FAILURE_LIMIT:
        return 0
    return _minutes_left(request, agg["last"])


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """axes' lock-out page: names the account, says it is locked *from this address*, and for
    how many more minutes (AXES_LOCKOUT_CALLABLE)."""
    username = get_client_username(request, credentials) or ""
    ip = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    last = (
        AccessAttempt.objects.filter(username=username, ip_address=ip).aggregate(
            last=Max("attempt_time")
        )["last"]
        if username
        else None
    )
    context = {
        "username": username,
        "minutes": _minutes_left(request, last),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "registration/locked_out.html", context, status=429)


def throttled_response(request: HttpRequest, minutes: int) -> HttpResponse:
    return render(
        request,
        "registration/locked_out.html",
        {"address_throttled": True, "minutes": minutes},
        status=429,
    )
