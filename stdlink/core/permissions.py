"""Access control: every view declares a rule; region-scoped objects outside a user's region are 404.

Rules (the URL-walk test in tests/core/test_url_auth.py proves every URL has one):
- `public`: anyone, including anonymous users;
- `login`: any signed-in user;
- `perm("app.codename")`: a signed-in user holding a role with that permission (else 403).
Object-level: `scope_queryset()` narrows a queryset to the user's regions; `get_for_user()` returns
`(obj, can_write)` or raises Http404 when the object is outside the user's scope.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy

RULE_ATTR = "stdlink_rule"


def _mark(view: Callable, rule: str) -> Callable:
    setattr(view, RULE_ATTR, rule)
    return view


def public(view: Callable) -> Callable:
    """Open to everyone, including anonymous visitors."""
    return _mark(view, "public")


def login(view: Callable) -> Callable:
    """Any signed-in user."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return _mark(wrapped, "login")


def perm(codename: str) -> Callable[[Callable], Callable]:
    """A signed-in user whose roles grant `codename` in at least one region (else 403)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_perm(request.user, codename):
                raise PermissionDenied(denied_message(request.user, codename))
            return view(request, *args, **kwargs)

        return _mark(wrapped, f"perm:{codename}")

    return decorator


def _memberships(user) -> list:
    cache = getattr(user, "_stdlink_memberships", None)
    if cache is None:
        from stdlink.core.models import Membership

        cache = list(
            Membership.objects.filter(user=user)
            .select_related("role", "region")
            .prefetch_related("role__permissions__content_type")
        )
        user._stdlink_memberships = cache
    return cache


def _role_perms(role) -> set[str]:
    cached = getattr(role, "_perm_codes", None)
    if cached is None:
        cached = {f"{p.content_type.app_label}.{p.codename}" for p in role.permissions.all()}
        role._perm_codes = cached
    return cached


def memberships_with(user, codename: str) -> list:
    if not getattr(user, "is_authenticated", False):
        return []
    return [m for m in _memberships(user) if codename in _role_perms(m.role)]


def has_perm(user, codename: str, region=None) -> bool:
    """Does `user` hold `codename`, anywhere (region=None) or over `region`?"""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    for membership in memberships_with(user, codename):
        if region is None or membership.role.scope == "all":
            return True
        if region is not None and region.path.startswith(membership.region.path):
            return True
    return False


def officers_in_scope(acting_user, codename: str) -> QuerySet:
    """Active users who hold `codename` as officers (a province or region role, never a unit
    account) in a region the acting user holds `codename` over — the people a record of the
    acting user's jurisdiction may be assigned to."""
    from django.contrib.auth import get_user_model

    members = _officer_memberships(codename)
    if not acting_user.is_superuser:
        own = memberships_with(acting_user, codename)
        if not any(m.role.scope == "all" for m in own):
            paths = [m.region.path for m in own if m.role.scope == "region"]
            if not paths:
                return get_user_model().objects.none()
            q = Q(pk__in=[])
            for path in paths:
                q |= Q(region__path__startswith=path)
            members = members.filter(q)
    return get_user_model().objects.filter(pk__in=members.values("user_id")).order_by("username")


def officers_over(region, codename: str) -> QuerySet:
    """Active users who hold `codename` as officers (a province or region role, never a unit
    account) over `region`: a role of scope "all", or a "region" role whose region is `region` or
    contains it — the people to tell about a record of that region when there is no acting
    officer (officers_in_scope starts from one). Superusers without such a membership are not
    included: they are administrators, not the region's officers."""
    from django.contrib.auth import get_user_model

    parts = [p for p in region.path.split("/") if p]
    ancestors = ["".join(f"{p}/" for p in parts[: i + 1]) for i in range(len(parts))]
    members = _officer_memberships(codename).filter(
        Q(role__scope="all") | Q(role__scope="region", region__path__in=ancestors)
    )
    return get_user_model().objects.filter(pk__in=members.values("user_id")).order_by("username")


def _officer_memberships(codename: str) -> QuerySet:
    """Memberships of active users whose province or region role grants `codename`."""
    from stdlink.core.models import Membership

    app_label, code = codename.split(".", 1)
    return Membership.objects.filter(
        role__permissions__content_type__app_label=app_label,
        role__permissions__codename=code,
        role__scope__in=["all", "region"],
        user__is_active=True,
    )


_FROM_MODEL = object()


def scope_filter(user, model, codename: str, region_lookup=_FROM_MODEL) -> Q | None:
    """A Q narrowing `model` to what `user` may access under `codename`; None: no restriction.

    Role scopes: "all" sees everything; "region" sees the subtree of the membership's region
    through the model's `region_lookup` (a model with `region_lookup = None` has no region and is
    visible to any holder); "unit" sees only records whose `unit_lookup` equals the membership's
    `unit_id`, and nothing of models without a unit. Anonymous or inactive users see nothing.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return None
    if region_lookup is _FROM_MODEL:
        region_lookup = getattr(model, "region_lookup", "region")
    unit_lookup = getattr(model, "unit_lookup", None)
    q = Q(pk__in=[])
    for m in memberships_with(user, codename):
        if m.role.scope == "all":
            return None
        if m.role.scope == "unit":
            if m.unit_id and unit_lookup:
                q |= Q(**{unit_lookup: m.unit_id})
        elif region_lookup:
            q |= Q(**{f"{region_lookup}__path__startswith": m.region.path})
        else:
            return None
    return q


def scope_queryset(user, queryset: QuerySet, codename: str, region_lookup=_FROM_MODEL) -> QuerySet:
    """`queryset` narrowed to what `user` may see under `codename` (empty for no permission)."""
    q = scope_filter(user, queryset.model, codename, region_lookup)
    return queryset if q is None else queryset.filter(q)


def get_for_user(
    user,
    queryset: QuerySet,
    view_perm: str,
    change_perm: str | None = None,
    region_lookup=_FROM_MODEL,
    **lookup: Any,
) -> tuple[Model, bool]:
    """Fetch one object the user may see, and whether they may change it.

    Outside the user's scope (or absent) → Http404, so that existence never leaks.
    """
    try:
        obj = scope_queryset(user, queryset, view_perm, region_lookup).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("未找到 / not found") from None
    can_write = bool(change_perm) and can(user, obj, change_perm, region_lookup)
    return obj, can_write


def can(user, obj: Model, codename: str, region_lookup=_FROM_MODEL) -> bool:
    """Does `user` hold `codename` over `obj`? (Services re-check with it inside the write.)"""
    manager = type(obj)._default_manager
    return scope_queryset(user, manager.all(), codename, region_lookup).filter(pk=obj.pk).exists()


def require_write(can_write: bool, user=None) -> None:
    if not can_write:
        raise PermissionDenied(read_only_message(user))


# What a permission lets a person do, in words (never the internal codename).
_DOING = {
    "view": gettext_lazy("see %(what)s"),
    "add": gettext_lazy("create %(what)s"),
    "change": gettext_lazy("change %(what)s"),
    "delete": gettext_lazy("delete %(what)s"),
}
# Permissions beyond Django's view/add/change/delete (the models' Meta.permissions).
_SPECIAL = {
    "programme.submit_monthlyreport": gettext_lazy("submit your city's monthly report"),
    "programme.review_monthlyreport": gettext_lazy("accept or return monthly reports"),
    "programme.designate_unit": gettext_lazy("designate units"),
    "compare.review_comparison": gettext_lazy("review the rows of comparisons"),
    "compare.confirm_comparison": gettext_lazy("confirm comparisons"),
    "notify.allow_private_webhook": gettext_lazy("send webhooks to private network addresses"),
}


def permission_action(codename: str) -> str:
    """What `codename` lets a person do, in words and never the internal name: "create demand
    surveys" for programme.add_survey; "do this" for an unknown or empty codename."""
    from django.apps import apps

    if codename in _SPECIAL:
        return str(_SPECIAL[codename])
    app_label, _dot, code = codename.partition(".")
    action, _u, model_name = code.partition("_")
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        model = None
    if model is None or action not in _DOING:
        return str(gettext_lazy("do this"))
    return str(_DOING[action] % {"what": model._meta.verbose_name_plural})


def whom_to_ask(user) -> str:
    """Who can give `user` more rights: the city bureau for units, the province for officers."""
    scopes = (
        {m.role.scope for m in _memberships(user)}
        if getattr(user, "is_authenticated", False)
        else set()
    )
    if scopes and scopes <= {"unit"}:
        return str(gettext_lazy("your city's market-regulation bureau"))
    return str(gettext_lazy("the provincial administrator"))


def denied_message(user, codename: str) -> str:
    """The one refusal for a missing permission — raised by `perm()` and by services, shown by
    the 403 page: what `codename` would let `user` do, in words, and whom this user should ask."""
    return str(
        gettext_lazy("You cannot %(action)s with your role. If your work needs it, ask %(whom)s.")
        % {"action": permission_action(codename), "whom": whom_to_ask(user)}
    )


def ask_message(user=None) -> str:
    """Whom `user` should ask, as a sentence to follow a refusal that already says what was
    refused (the 403 page adds it to a service's own words)."""
    return str(gettext_lazy("If your work needs it, ask %(whom)s.") % {"whom": whom_to_ask(user)})


def read_only_message(user=None) -> str:
    return str(
        gettext_lazy(
            "You may look at this record but not change it. If your work needs it, ask %(whom)s."
        )
        % {"whom": whom_to_ask(user)}
    )


def outside_message(user=None) -> str:
    return str(
        gettext_lazy(
            "This record lies outside your region or unit, so you cannot change it. "
            "If that is wrong, ask %(whom)s."
        )
        % {"whom": whom_to_ask(user)}
    )
