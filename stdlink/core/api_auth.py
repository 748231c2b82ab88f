"""Permission rules for the REST API (django-ninja). Every operation must declare one.

`PUBLIC` lets anyone in; `require(codename)` needs a session (or HTTP basic) user holding that
permission. Region scoping of objects happens in the endpoint through `scope_queryset`.
"""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.http import HttpRequest
from ninja.security import HttpBasicAuth, SessionAuth

from stdlink.core.permissions import has_perm


class Public:
    """Anyone, anonymous included. ninja treats a truthy return value as authenticated."""

    rule = "public"

    def __call__(self, request: HttpRequest):
        return request.user if request.user.is_authenticated else "anonymous"


class _PermSession(SessionAuth):
    def __init__(self, codename: str) -> None:
        super().__init__()
        self.codename = codename
        self.rule = f"perm:{codename}"

    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        if user and has_perm(user, self.codename):
            return user
        return None


class _PermBasic(HttpBasicAuth):
    def __init__(self, codename: str) -> None:
        super().__init__()
        self.codename = codename
        self.rule = f"perm:{codename}"

    def authenticate(self, request: HttpRequest, username: str, password: str):
        user = authenticate(request, username=username, password=password)
        if user and user.is_active and has_perm(user, self.codename):
            request.user = user
            return user
        return None


PUBLIC = [Public()]


def require(codename: str) -> list:
    """Session or HTTP basic user holding `codename` (401 otherwise)."""
    return [_PermSession(codename), _PermBasic(codename)]
