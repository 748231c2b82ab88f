"""Create and revoke personal API tokens (audited)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from stdlink.core.models import ApiToken
from stdlink.core.models.token import digest, new_token
from stdlink.core.services.audit import log_change


def may_manage(acting_user, token_user) -> bool:
    """Users manage their own tokens; superusers and staff with core.change_apitoken any."""
    return acting_user.pk == token_user.pk or (
        acting_user.is_active
        and (
            acting_user.is_superuser
            or (acting_user.is_staff and acting_user.has_perm("core.change_apitoken"))
        )
    )


@transaction.atomic
def create_token(*, acting_user, user, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; returns (token row, the token text, shown only this once)."""
    if not may_manage(acting_user, user):
        raise PermissionDenied
    text = new_token()
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100] or "token", key_hash=digest(text), hint=text[:8]
    )
    log_change(
        acting_user=acting_user,
        obj=token,
        action="create",
        after={"name": token.name, "user": user.pk},
    )
    return token, text


@transaction.atomic
def revoke_token(*, acting_user, token: ApiToken) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if not may_manage(acting_user, token.user):
        raise PermissionDenied
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
        log_change(
            acting_user=acting_user,
            obj=token,
            action="revoke",
            after={"revoked": token.revoked.isoformat()},
        )
    return token


def user_for_token(text: str):
    """The active user of an unrevoked token, or None; records when the token was last used."""
    if not text or not text.startswith("stl_"):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=digest(text), revoked__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or (now - token.last_used).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user
