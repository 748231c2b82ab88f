"""The comment (评议) workflow: a case on a notification, invitations to the matching units,
their answers, the consolidated submission, the member's reply, and a specific trade concern."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import TimestampedModel


def answer_path(instance, filename: str) -> str:
    return f"tbt/answers/{instance.invitation.case_id}/{filename}"


class CommentCase(TimestampedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("collecting comments")
        CONSOLIDATED = "consolidated", _("consolidated")
        SUBMITTED = "submitted", _("submitted")
        REPLIED = "replied", _("reply received")

    notification = models.ForeignKey(
        "tbt.Notification",
        on_delete=models.PROTECT,
        related_name="comment_cases",
        verbose_name=_("notification"),
    )
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("opened by"),
    )
    internal_deadline = models.DateField(_("internal deadline for units"))
    note = models.TextField(_("note to the units"), blank=True)
    text_zh = models.TextField(_("consolidated comments (Chinese)"), blank=True)
    text_en = models.TextField(_("consolidated comments (English)"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reply = models.TextField(_("the member's reply"), blank=True)
    replied_at = models.DateTimeField(_("reply recorded"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("comment case")
        verbose_name_plural = _("comment cases")

    def __str__(self) -> str:
        return f"{self.notification} ({self.get_status_display()})"


class Invitation(TimestampedModel):
    case = models.ForeignKey(CommentCase, on_delete=models.CASCADE, related_name="invitations")
    unit = models.ForeignKey(
        "programme.Unit",
        on_delete=models.CASCADE,
        related_name="tbt_invitations",
        verbose_name=_("unit"),
    )
    reason = models.CharField(_("why invited"), max_length=255, blank=True)

    unit_lookup = "unit"
    region_lookup = "unit__region"

    class Meta:
        ordering = ["case", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["case", "unit"], name="tbt_invitation_once")]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.unit} ← {self.case}"


class Answer(TimestampedModel):
    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"))
    attachment = models.FileField(_("attachment"), upload_to=answer_path, blank=True)

    class Meta:
        ordering = ["created"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return self.text[:60]


class TradeConcern(TimestampedModel):
    """A specific trade concern proposal for the TBT Committee, escalated from a case."""

    case = models.OneToOneField(CommentCase, on_delete=models.CASCADE, related_name="trade_concern")
    measure = models.CharField(_("measure"), max_length=255)
    member = models.CharField(_("member"), max_length=255)
    concern = models.TextField(_("concern"))
    talking_points_zh = models.TextField(_("talking points (Chinese)"))
    talking_points_en = models.TextField(_("talking points (English)"))
    supporting_units = models.ManyToManyField(
        "programme.Unit", blank=True, related_name="+", verbose_name=_("supporting units")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("specific trade concern proposal")
        verbose_name_plural = _("specific trade concern proposals")

    def __str__(self) -> str:
        return self.measure
