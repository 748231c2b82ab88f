"""User accounts as the application sees them: a proxy of Django's user that carries the
permissions of account management (roles grant them like any other permission)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _


def person_name(user) -> str:
    """The person's name as people read it (full name, else the login name)."""
    if user is None:
        return ""
    full = (user.get_full_name() or "").strip()
    return full or user.get_username()


class Account(User):
    """A user account. `view/add/change_account` are granted through roles: the province manages
    every account, a city officer the unit (enterprise) accounts of its own region."""

    class Meta:
        proxy = True
        verbose_name = _("user account")
        verbose_name_plural = _("user accounts")

    def __str__(self) -> str:
        return person_name(self)
