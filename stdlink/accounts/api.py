"""/api/v1/accounts/: the signed-in person's own account (token or session, any active user)."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from ninja import Router, Schema

from stdlink.core.api_auth import LOGIN
from stdlink.core.context_processors import identity_of

router = Router(auth=LOGIN)


class RegionOut(Schema):
    code: str
    name: str


class MembershipOut(Schema):
    role: str  # the role's code, e.g. "city_officer"
    role_name: str  # in the request's language
    scope: str  # "all", "region" or "unit"
    region: RegionOut
    unit_id: int | None = None
    unit: str = ""


class MeOut(Schema):
    username: str
    name: str
    email: str
    organisation: str
    role: str  # as the page header shows it
    is_superuser: bool
    language: str  # the language notifications are written in
    memberships: list[MembershipOut]


def _language(user) -> str:
    """The person's language preference (notify.UserSettings); the site default when unset."""
    if apps.is_installed("stdlink.notify"):
        chosen = (
            apps.get_model("notify", "UserSettings")
            .objects.filter(user=user)
            .values_list("language", flat=True)
            .first()
        )
        if chosen:
            return chosen
    return settings.LANGUAGE_CODE


def _memberships(user) -> list[dict]:
    memberships = list(
        user.memberships.select_related("role", "region").order_by("role__code", "id")
    )
    unit_names: dict[int, str] = {}
    unit_ids = {m.unit_id for m in memberships if m.unit_id}
    if unit_ids and apps.is_installed("stdlink.programme"):
        unit_names = dict(
            apps.get_model("programme", "Unit")
            .objects.filter(pk__in=unit_ids)
            .values_list("pk", "name")
        )
    return [
        {
            "role": m.role.code,
            "role_name": str(m.role),
            "scope": m.role.scope,
            "region": {"code": m.region.code, "name": m.region.display_name},
            "unit_id": m.unit_id,
            "unit": unit_names.get(m.unit_id, "") if m.unit_id else "",
        }
        for m in memberships
    ]


@router.get("/me", response=MeOut)
def me(request: HttpRequest):
    """The signed-in person's profile: names, organisation, roles by region, language."""
    user = request.user
    return {
        **identity_of(user),
        "email": user.email,
        "is_superuser": user.is_superuser,
        "language": _language(user),
        "memberships": _memberships(user),
    }
