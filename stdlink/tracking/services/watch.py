"""Watch-lists: add and remove watched items (audited)."""

from __future__ import annotations

from django.db import transaction

from stdlink.core.services.audit import log_change, snapshot
from stdlink.tracking.models import WatchItem


@transaction.atomic
def add_watch(*, acting_user, standard=None, committee=None, ics=None) -> WatchItem:
    if sum(x is not None for x in (standard, committee, ics)) != 1:
        raise ValueError("watch exactly one of standard, committee or ICS / 只能关注一项")
    kind = (
        WatchItem.Kind.STANDARD
        if standard
        else WatchItem.Kind.COMMITTEE
        if committee
        else WatchItem.Kind.ICS
    )
    obj, created = WatchItem.objects.get_or_create(
        owner=acting_user,
        kind=kind,
        standard=standard,
        committee=committee,
        ics=ics,
        defaults={"work_key": standard.work_key if standard else ""},
    )
    if created:
        log_change(acting_user=acting_user, obj=obj, action="create", after=snapshot(obj))
    return obj


@transaction.atomic
def remove_watch(*, acting_user, item: WatchItem) -> None:
    before = snapshot(item)
    log_change(acting_user=acting_user, obj=item, action="delete", before=before)
    item.delete()
