"""Permission rules for the REST API (django-ninja). Every operation must declare one.

`PUBLIC` lets anyone in; `LOGIN` any active signed-in user (for what concerns only that person,
such as their own profile); `require(codename)` needs a user holding that permission. Apart from
`PUBLIC` the user is either
- a script or another system sending a personal API token (`Authorization: Bearer stl_…`, made
  on the page "API tokens" or with `stdlink apitoken create USER NAME`; decision 0008): no CSRF,
  since a browser never attaches such a header to a cross-site request; or
- a browser session (the session cookie), where unsafe methods need the CSRF token as in forms.
Region scoping of objects happens in the endpoint through `scope_queryset`.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from stdlink.core.permissions import has_perm


class Public:
    """Anyone, anonymous included. ninja treats a truthy return value as authenticated."""

    rule = "public"

    def __call__(self, request: HttpRequest):
        return request.user if request.user.is_authenticated else "anonymous"


def _allowed(user, codename: str | None) -> bool:
    """`codename` None: any active user (the `LOGIN` rule)."""
    if codename is None:
        return bool(user and user.is_active)
    return bool(user) and has_perm(user, codename)


class _PermToken(HttpBearer):
    def __init__(self, codename: str | None) -> None:
        super().__init__()
        self.codename = codename
        self.rule = f"perm:{codename}" if codename else "login"

    def authenticate(self, request: HttpRequest, token: str):
        from stdlink.core.services.tokens import user_for_token

        user = user_for_token(token)
        if _allowed(user, self.codename):
            request.user = user
            return user
        return None


class _PermSession(SessionAuth):
    def __init__(self, codename: str | None) -> None:
        super().__init__()
        self.codename = codename
        self.rule = f"perm:{codename}" if codename else "login"

    def __call__(self, request: HttpRequest):
        # No session cookie: not a browser session, so no CSRF verdict either (a token request
        # that failed is then answered 401, not "CSRF check failed").
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        if _allowed(user, self.codename):
            return user
        return None


PUBLIC = [Public()]
LOGIN = [_PermToken(None), _PermSession(None)]


def require(codename: str) -> list:
    """A token or session user holding `codename` (401 otherwise)."""
    return [_PermToken(codename), _PermSession(codename)]
