"""A WTO TBT notification and what was classified from it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import TimestampedModel


class Notification(TimestampedModel):
    class Kind(models.TextChoices):
        NEW = "new", _("new notification")
        ADDENDUM = "addendum", _("addendum")
        REVISION = "revision", _("revision")
        CORRIGENDUM = "corrigendum", _("corrigendum")
        SUPPLEMENT = "supplement", _("supplement")

    class Status(models.TextChoices):
        OPEN = "open", _("open for comment")
        CLOSED = "closed", _("comment period closed")
        ADOPTED = "adopted", _("adopted")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Precision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")
        YEAR = "year", _("year")
        NONE = "", _("not a date")

    symbol = models.CharField(_("symbol"), max_length=80, unique=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.NEW, db_index=True
    )
    kind_number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    base_symbol = models.CharField(_("base symbol"), max_length=80, blank=True, db_index=True)
    base = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="amendments",
        verbose_name=_("base notification"),
    )
    root_symbol = models.CharField(_("chain"), max_length=80, db_index=True)
    members = models.ManyToManyField(
        "tbt.Country", related_name="notifications", verbose_name=_("members"), blank=True
    )
    member_text = models.CharField(_("notifying member (as written)"), max_length=255, blank=True)
    agency = models.TextField(_("agency responsible"), blank=True)
    article = models.CharField(_("notified under article"), max_length=100, blank=True)
    products_text = models.TextField(_("products covered"), blank=True)
    hs_text = models.JSONField(_("HS codes as notified"), default=list, blank=True)
    ics_text = models.JSONField(_("ICS codes as notified"), default=list, blank=True)
    title = models.TextField(_("title"), blank=True)
    language = models.CharField(_("document language"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    objective_text = models.TextField(_("objective and rationale"), blank=True)
    objectives = models.JSONField(_("objectives"), default=list, blank=True)
    distribution_date = models.DateField(
        _("distribution date"), null=True, blank=True, db_index=True
    )
    distribution_raw = models.CharField(
        _("distribution date (as written)"), max_length=100, blank=True
    )
    proposed_adoption_date = models.DateField(_("proposed date of adoption"), null=True, blank=True)
    proposed_adoption_precision = models.CharField(
        max_length=5, choices=Precision.choices, blank=True
    )
    proposed_adoption_raw = models.TextField(
        _("proposed date of adoption (as written)"), blank=True
    )
    proposed_entry_into_force = models.DateField(
        _("proposed date of entry into force"), null=True, blank=True
    )
    proposed_entry_into_force_precision = models.CharField(
        max_length=5, choices=Precision.choices, blank=True
    )
    proposed_entry_into_force_raw = models.TextField(
        _("proposed date of entry into force (as written)"), blank=True
    )
    comment_deadline = models.DateField(
        _("final date for comments"), null=True, blank=True, db_index=True
    )
    comment_deadline_raw = models.TextField(_("final date for comments (as written)"), blank=True)
    comment_deadline_rule = models.CharField(_("deadline rule"), max_length=40, blank=True)
    related_symbols = models.JSONField(_("related symbols"), default=list, blank=True)
    measure_type = models.CharField(_("measure type"), max_length=24, blank=True, db_index=True)
    stage = models.CharField(_("stage"), max_length=12, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    addendum_reasons = models.JSONField(_("what the addendum reports"), default=list, blank=True)
    changes = models.JSONField(_("what changed"), default=dict, blank=True)
    text_language = models.CharField(_("text language"), max_length=2, blank=True)
    source = models.CharField(_("source file"), max_length=500, blank=True)
    source_format = models.CharField(_("source format"), max_length=16, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    external_id = models.CharField(_("ePing id"), max_length=40, blank=True, db_index=True)

    class Meta:
        ordering = ["-distribution_date", "-symbol"]
        verbose_name = _("TBT notification")
        verbose_name_plural = _("TBT notifications")

    def __str__(self) -> str:
        return self.symbol


class NotificationHs(models.Model):
    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="hs_codes"
    )
    raw = models.CharField(_("as notified"), max_length=40)
    digits = models.CharField(_("digits"), max_length=16)
    hs2 = models.CharField(max_length=2, db_index=True)
    hs4 = models.CharField(max_length=4, blank=True, db_index=True)
    hs6 = models.CharField(max_length=6, blank=True, db_index=True)
    inferred = models.BooleanField(_("inferred"), default=False)
    via = models.CharField(_("inferred from"), max_length=16, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("HS code of a notification")

    def __str__(self) -> str:
        return self.raw


class NotificationIcs(models.Model):
    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="ics_codes"
    )
    code = models.CharField(_("ICS code"), max_length=16, db_index=True)
    ics = models.ForeignKey(
        "catalog.ICS", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    inferred = models.BooleanField(_("inferred"), default=False)
    via = models.CharField(_("inferred from"), max_length=16, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("ICS code of a notification")

    def __str__(self) -> str:
        return self.code


class CitedStandard(models.Model):
    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="cited_standards"
    )
    raw = models.CharField(_("as cited"), max_length=200)
    normalized = models.CharField(_("identifier"), max_length=200)
    work_key = models.CharField(_("work key"), max_length=200, db_index=True)
    parsed = models.BooleanField(_("parsed"), default=True)
    standard = models.ForeignKey(
        "catalog.Standard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tbt_citations",
        verbose_name=_("catalogue record"),
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("cited standard")
        verbose_name_plural = _("cited standards")

    def __str__(self) -> str:
        return self.normalized
