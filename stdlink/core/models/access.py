"""Roles and memberships: permissions are data, scoped to a region subtree (NetBox-style)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Role(models.Model):
    class Scope(models.TextChoices):
        ALL = "all", _("all regions")
        REGION = "region", _("own region and below")
        UNIT = "unit", _("own unit only")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=64)
    name_en = models.CharField(_("English name"), max_length=64)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    permissions = models.ManyToManyField(Permission, blank=True, verbose_name=_("permissions"))
    builtin = models.BooleanField(_("built-in"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.name_en if (get_language() or "").startswith("en") else self.name_zh


class Membership(models.Model):
    """A user holds a role in a region (and, for unit users, for one unit: see programme)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="memberships")
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("region"),
    )
    # For unit-scoped roles: the unit the user acts for (a programme.Unit primary key).
    unit_id = models.BigIntegerField(_("unit"), null=True, blank=True)

    class Meta:
        unique_together = [("user", "role", "region")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.role} · {self.region}"
