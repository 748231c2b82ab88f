"""The main navigation as data: each app registers its entries once, the header shows what the user may open.

Apps call :func:`register` from their ``AppConfig.ready()``; ``base.html`` renders
:func:`items_for` through the ``site`` context processor. An entry with ``perm`` is shown only to
users whose role grants it (``stdlink.core.permissions.has_perm``); ``login=True`` hides it from
anonymous visitors. Labels are lazy translations, so the menu follows the page language.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from stdlink.core.permissions import has_perm


@dataclass(frozen=True)
class NavItem:
    key: str
    label: object  # a (lazy) translatable string
    url_name: str
    perm: str | None = None
    login: bool = False
    order: int = 100
    # "main", "admin" (the administrator's menu) or "user" (the signed-in person's own pages,
    # listed in the identity menu of the header)
    section: str = "main"

    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


_REGISTRY: dict[str, NavItem] = {}


def register(
    key: str,
    label: object,
    url_name: str,
    *,
    perm: str | None = None,
    login: bool = False,
    order: int = 100,
    section: str = "main",
) -> None:
    """Add (or replace, by ``key``) one navigation entry."""
    _REGISTRY[key] = NavItem(key, label, url_name, perm, login, order, section)


def items_for(user, section: str = "main") -> list[dict]:
    """The entries of ``section`` this user may open, in order, with their resolved URLs."""
    authenticated = bool(user and user.is_authenticated)
    out = []
    for item in sorted(_REGISTRY.values(), key=lambda i: (i.order, i.key)):
        if item.section != section:
            continue
        if (item.login or item.perm) and not authenticated:
            continue
        if item.perm and not has_perm(user, item.perm):
            continue
        url = item.url()
        if url:
            out.append({"key": item.key, "label": item.label, "url": url})
    return out
