"""`notify(recipients, kind, subject, body, link, *, dedupe_key)`.

Called inside the transaction that caused the event; nothing happens until it commits
(`transaction.on_commit`): then one inbox row per recipient is stored (unless that person turned
the kind off, or already got this event: `dedupe_key` is unique per person), and a job delivers
the rows whose recipients want this kind immediately (e-mail, webhooks). Daily and weekly digests
pick up the rest (see services/digest.py).

`subject` and `body` may be lazy translations (gettext_lazy, or format_lazy): they are rendered in
each recipient's language (UserSettings.language, zh-Hans by default).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
from django.utils.functional import lazy

from stdlink.notify.kinds import get_kind

BATCH = 1000


def _user_ids(recipients: Any) -> list[int]:
    if recipients is None:
        return []
    if hasattr(recipients, "pk") and not isinstance(recipients, (list, tuple, set)):
        recipients = [recipients]
    if hasattr(recipients, "values_list"):  # a queryset of users
        return list(recipients.values_list("pk", flat=True))
    out = []
    for r in recipients:
        out.append(int(r.pk if hasattr(r, "pk") else r))
    return list(dict.fromkeys(out))


def preferences_for(user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """{user id: frequency} for one kind (the kind's default when a person set nothing)."""
    from stdlink.notify.models import Preference

    ids = list(user_ids)
    default = get_kind(kind).default
    out = dict.fromkeys(ids, default)
    for i in range(0, len(ids), BATCH):
        for uid, freq in Preference.objects.filter(
            kind=kind, user_id__in=ids[i : i + BATCH]
        ).values_list("user_id", "frequency"):
            out[uid] = freq
    return out


def _languages(user_ids: list[int]) -> dict[int, str]:
    from stdlink.notify.models import UserSettings

    out = dict.fromkeys(user_ids, "zh-hans")
    for i in range(0, len(user_ids), BATCH):
        out.update(
            UserSettings.objects.filter(user_id__in=user_ids[i : i + BATCH]).values_list(
                "user_id", "language"
            )
        )
    return out


def _format(message: Any, params: dict[str, Any]) -> str:
    return str(message) % params


#: ``translated(_("Import finished: %(title)s"), {"title": title})``: a subject or body that
#: notify() renders later, in each recipient's language (the message and its parameters).
translated = lazy(_format, str)


def _render(value: Any, lang: str) -> str:
    with translation.override(lang):
        return str(value) if value is not None else ""


def notify(
    recipients: Any,
    kind: str,
    subject: Any,
    body: Any = "",
    link: str = "",
    *,
    dedupe_key: str,
) -> None:
    """Tell `recipients` (users, user ids or a user queryset) about an event, after commit."""
    get_kind(kind)  # fail now, in the caller, on an unregistered kind
    if not dedupe_key:
        raise ValueError("dedupe_key is required: the same event must not notify twice")
    user_ids = _user_ids(recipients)
    if not user_ids:
        return
    transaction.on_commit(
        lambda: _store_and_dispatch(user_ids, kind, subject, body, link, dedupe_key[:200])
    )


def _store_and_dispatch(
    user_ids: list[int], kind: str, subject: Any, body: Any, link: str, dedupe_key: str
) -> list[int]:
    from stdlink.notify.models import Notification

    User = get_user_model()
    prefs = preferences_for(user_ids, kind)
    wanted = [u for u in user_ids if prefs[u] != "off"]
    active = set()
    for i in range(0, len(wanted), BATCH):
        active.update(
            User.objects.filter(pk__in=wanted[i : i + BATCH], is_active=True).values_list(
                "pk", flat=True
            )
        )
    wanted = [u for u in wanted if u in active]
    langs = _languages(wanted)
    rendered: dict[str, tuple[str, str]] = {}
    with transaction.atomic():
        seen = set()
        for i in range(0, len(wanted), BATCH):
            seen.update(
                Notification.objects.filter(
                    dedupe_key=dedupe_key, recipient_id__in=wanted[i : i + BATCH]
                ).values_list("recipient_id", flat=True)
            )
        rows = []
        for uid in wanted:
            if uid in seen:
                continue
            lang = langs[uid]
            if lang not in rendered:
                rendered[lang] = (_render(subject, lang)[:300], _render(body, lang))
            subj, text = rendered[lang]
            rows.append(
                Notification(
                    recipient_id=uid,
                    kind=kind,
                    subject=subj,
                    body=text,
                    link=link[:500],
                    dedupe_key=dedupe_key,
                )
            )
        Notification.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    new_ids = [r.recipient_id for r in rows]
    immediate = [u for u in new_ids if prefs[u] == "immediate"]
    if immediate:
        from stdlink import jobs

        jobs.enqueue("notify.deliver", dedupe_key, immediate, title=f"{kind} {dedupe_key}"[:255])
    return new_ids
