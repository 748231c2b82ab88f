"""Standards, their titles per language and their dates by type."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Standard(models.Model):
    class Status(models.TextChoices):
        CURRENT = "current", pgettext_lazy("standard status", "current")
        WITHDRAWN = "withdrawn", pgettext_lazy("standard status", "withdrawn")
        REPLACED = "replaced", pgettext_lazy("standard status", "replaced")
        UPCOMING = "upcoming", pgettext_lazy("standard status", "upcoming")
        DRAFT = "draft", pgettext_lazy("standard status", "draft")
        UNKNOWN = "unknown", pgettext_lazy("standard status", "unknown")

    class Nature(models.TextChoices):
        MANDATORY = "mandatory", _("mandatory")
        RECOMMENDED = "recommended", _("recommended")
        GUIDANCE = "guidance", _("guidance")
        NONE = "", _("not stated")

    # Identity. `uid` is the upsert key: the exact pubid key, plus the edition where the
    # identifier itself carries no year (ECMA-262 editions 1–16 share one docid).
    uid = models.CharField(_("unique key"), max_length=255, unique=True)
    identifier = models.CharField(_("identifier"), max_length=255, db_index=True)
    key = models.CharField(_("normalised key"), max_length=255, db_index=True)
    work_key = models.CharField(_("work key"), max_length=255, db_index=True)
    body = models.ForeignKey(
        "catalog.Body", on_delete=models.PROTECT, related_name="standards", verbose_name=_("body")
    )
    doctype = models.CharField(_("document type"), max_length=64, blank=True, db_index=True)

    title_zh = models.TextField(_("Chinese title"), blank=True)
    title_en = models.TextField(_("English title"), blank=True)
    # A title in another language (ja, fr, ru ...) when there is no zh/en one, with its code.
    title_other = models.TextField(_("title (other language)"), blank=True)
    title_other_lang = models.CharField(max_length=8, blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNKNOWN, db_index=True
    )
    stage = models.CharField(
        _("stage"),
        max_length=64,
        blank=True,
        help_text=_("raw stage as published, e.g. ISO 90.93 or 'In force'"),
    )
    published = models.DateField(pgettext_lazy("standard", "published"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)

    committee = models.ForeignKey(
        "catalog.Committee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="standards",
        verbose_name=_("committee"),
    )
    committees = models.ManyToManyField(
        "catalog.Committee", blank=True, related_name="+", verbose_name=_("all committees")
    )
    ics = models.ManyToManyField(
        "catalog.ICS", blank=True, related_name="standards", verbose_name=_("ICS")
    )
    ccs = models.ManyToManyField(
        "catalog.CCS", blank=True, related_name="standards", verbose_name=_("CCS")
    )

    nature = models.CharField(_("nature"), max_length=12, choices=Nature.choices, blank=True)
    edition = models.CharField(_("edition"), max_length=32, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    abstract = models.TextField(_("abstract"), blank=True)
    abstract_lang = models.CharField(max_length=8, blank=True)
    extra = models.JSONField(_("other fields"), default=dict, blank=True)

    source = models.CharField(_("source"), max_length=32, db_index=True)
    content_hash = models.CharField(max_length=40, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["body__code", "identifier"]
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        indexes = [
            models.Index(fields=["body", "status"], name="std_body_status"),
            models.Index(fields=["work_key", "year"], name="std_work_year"),
        ]

    def __str__(self) -> str:
        return self.identifier

    @property
    def title(self) -> str:
        """The title in the reader's language, falling back to any title."""
        if (get_language() or "").startswith("en"):
            return self.title_en or self.title_zh or self.title_other
        return self.title_zh or self.title_en or self.title_other


class Title(models.Model):
    """One title part in one language, keeping Relaton's intro / main / part split."""

    class Type(models.TextChoices):
        INTRO = "title-intro", _("introductory element")
        MAIN = "title-main", _("main element")
        PART = "title-part", _("part element")
        FULL = "main", _("full title")
        AMD = "title-amd", _("amendment title")
        OTHER = "other", _("other")

    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="titles")
    language = models.CharField(max_length=8, blank=True)
    script = models.CharField(max_length=8, blank=True)
    type = models.CharField(max_length=16, choices=Type.choices)
    text = models.TextField()

    class Meta:
        ordering = ["standard", "language", "id"]

    def __str__(self) -> str:
        return f"[{self.language}:{self.type}] {self.text}"


class StandardDate(models.Model):
    """A dated event: published, implemented, withdrawn, confirmed, updated, issued ..."""

    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="dates")
    type = models.CharField(max_length=24)
    value = models.DateField(null=True, blank=True)
    raw = models.CharField(max_length=32, help_text=_("as published: 2015, 2015-09, 2015-09-01"))

    class Meta:
        ordering = ["standard", "value"]

    def __str__(self) -> str:
        return f"{self.type} {self.raw}"
