"""Notification kinds, registered by the capabilities that send them (from AppConfig.ready()):

    from stdlink.notify.kinds import register_kind
    register_kind("tbt.alert", _("TBT early warning"), description=_("..."), default="immediate")

Labels are lazy translations (msgid English, zh-Hans in the app's .po)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

FREQUENCIES = ("immediate", "daily", "weekly", "off")


@dataclass(frozen=True)
class Kind:
    key: str
    label: object
    description: object = ""
    default: str = "immediate"


KINDS: dict[str, Kind] = {}


def register_kind(key: str, label: object, *, description: object = "", default: str = "immediate"):
    if default not in FREQUENCIES:
        raise ValueError(f"default must be one of {FREQUENCIES}")
    KINDS[key] = Kind(key, label, description, default)
    return KINDS[key]


def get_kind(key: str) -> Kind:
    try:
        return KINDS[key]
    except KeyError:
        raise KeyError(
            f"notification kind {key!r} is not registered (stdlink.notify.kinds.register_kind)"
        ) from None


def label(key: str) -> object:
    kind = KINDS.get(key)
    return kind.label if kind else key


def group_by_kind(notifications) -> list[dict]:
    """[{kind, label, items}] in the order kinds first appear (newest first within a kind)."""
    groups: OrderedDict[str, list] = OrderedDict()
    for n in sorted(notifications, key=lambda n: (n.created, n.pk), reverse=True):
        groups.setdefault(n.kind, []).append(n)
    return [{"kind": k, "label": label(k), "items": items} for k, items in groups.items()]
