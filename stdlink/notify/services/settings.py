"""A person's own notification settings: preferences, language, feed token, webhooks (audited)."""

from __future__ import annotations

from django.db import transaction

from stdlink.core.services.audit import log_change, snapshot
from stdlink.notify.models import Preference, UserSettings, Webhook
from stdlink.notify.models.preference import new_token


@transaction.atomic
def save_preferences(
    user, choices: dict[str, str], language: str | None = None, *, acting_user
) -> int:
    """Set `kind → frequency` for `user`; return how many changed."""
    changed = 0
    for kind, frequency in choices.items():
        pref, created = Preference.objects.get_or_create(
            user=user, kind=kind, defaults={"frequency": frequency}
        )
        if not created and pref.frequency != frequency:
            before = snapshot(pref)
            pref.frequency = frequency
            pref.save(update_fields=["frequency"])
            log_change(acting_user=acting_user, obj=pref, action="update", before=before)
            changed += 1
        elif created:
            log_change(acting_user=acting_user, obj=pref, action="create")
            changed += 1
    if language:
        st = UserSettings.for_user(user)
        if st.language != language:
            before = snapshot(st)
            st.language = language
            st.save(update_fields=["language"])
            log_change(acting_user=acting_user, obj=st, action="update", before=before)
    return changed


@transaction.atomic
def renew_feed_token(user, *, acting_user) -> UserSettings:
    st = UserSettings.for_user(user)
    st.feed_token = new_token()
    st.save(update_fields=["feed_token"])
    # the token itself is a credential: the audit row says that it changed, not what it is
    log_change(acting_user=acting_user, obj=st, action="update", after={"feed_token": "renewed"})
    return st


def _public(hook: Webhook) -> dict:
    """What the audit log keeps of a webhook: never its secret or the URL's path and query."""
    return {
        "name": hook.name,
        "url": hook.safe_url,
        "active": hook.active,
        "allow_private": hook.allow_private,
    }


@transaction.atomic
def create_webhook(form, *, acting_user) -> Webhook:
    hook = form.save(commit=False)
    hook.owner = acting_user
    hook.save()
    log_change(acting_user=acting_user, obj=hook, action="create", after=_public(hook))
    return hook


@transaction.atomic
def delete_webhook(hook: Webhook, *, acting_user) -> None:
    if hook.owner_id != acting_user.pk:
        raise PermissionError("not your webhook")
    before = _public(hook)
    log_change(acting_user=acting_user, obj=hook, action="delete", before=before)
    hook.delete()
