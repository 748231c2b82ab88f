"""Watch-lists: a person watches standards, a committee or an ICS field and is told when they change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WatchItem(models.Model):
    class Kind(models.TextChoices):
        STANDARD = "standard", _("standard")
        COMMITTEE = "committee", _("committee")
        ICS = "ics", _("ICS field")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="watch_items",
        verbose_name=_("owner"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    standard = models.ForeignKey(
        "catalog.Standard", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Work key of the watched standard: a new edition of the same work is a change of it.
    work_key = models.CharField(_("work key"), max_length=255, blank=True, db_index=True)
    committee = models.ForeignKey(
        "catalog.Committee", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    ics = models.ForeignKey(
        "catalog.ICS", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["owner", "kind", "id"]
        verbose_name = _("watched item")
        verbose_name_plural = _("watched items")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "standard", "committee", "ics"], name="watch_unique"
            )
        ]

    def __str__(self) -> str:
        target = self.standard or self.committee or self.ics
        return f"{self.get_kind_display()}: {target}"
