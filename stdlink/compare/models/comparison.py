"""A comparison of two standards (the user's own copies): draft → under review → confirmed.

The texts are the user's copies of copyrighted documents: they are visible only inside the
comparison's region / unit scope and never shown on a public page or in a public export.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from stdlink.core.models import RegionScopedModel


class ComparisonState(models.TextChoices):
    DRAFT = "draft", _("draft")
    UNDER_REVIEW = "under_review", _("under review")
    CONFIRMED = "confirmed", _("confirmed")


class Relation(models.TextChoices):
    STRICTER = "stricter", _("stricter")
    EQUAL = "equal", _("equal")
    LOOSER = "looser", _("looser")
    DIFFERENT = "different", _("different")
    ONLY_A = "only_a", _("only in A")
    ONLY_B = "only_b", _("only in B")


class Degree(models.TextChoices):
    IDT = "IDT", _("identical (IDT)")
    MOD = "MOD", _("modified (MOD)")
    NEQ = "NEQ", _("not equivalent (NEQ)")


class Comparison(RegionScopedModel):
    title = models.CharField(_("title"), max_length=200)
    product_field = models.CharField(_("product field"), max_length=100, blank=True)
    unit = models.ForeignKey(
        "programme.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit"),
    )
    state = FSMField(_("state"), default=ComparisonState.DRAFT, choices=ComparisonState.choices)
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("reviewers")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    suggested_degree = models.CharField(
        _("suggested degree"), max_length=3, choices=Degree.choices, blank=True
    )
    degree_reason = models.TextField(_("reason for the degree"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    embeddings = models.BooleanField(_("aligned with the embedding service"), default=False)

    region_lookup = "region"
    unit_lookup = "unit_id"

    class Meta:
        ordering = ["-created"]
        permissions = [
            ("review_comparison", "Can review rows of a comparison"),
            ("confirm_comparison", "Can confirm a comparison"),
        ]
        verbose_name = _("comparison")
        verbose_name_plural = _("comparisons")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("compare:detail", args=[self.pk])

    @property
    def languages(self) -> tuple[str, str]:
        docs = {d.side: d.language for d in self.documents.all()}
        return (docs.get("a", ""), docs.get("b", ""))

    def document(self, side: str):
        return next((d for d in self.documents.all() if d.side == side), None)

    @transition(field="state", source=ComparisonState.DRAFT, target=ComparisonState.UNDER_REVIEW)
    def start_review(self) -> None:
        """The first reviewer's judgement or override opens the review."""

    @transition(
        field="state",
        source=[ComparisonState.DRAFT, ComparisonState.UNDER_REVIEW],
        target=ComparisonState.CONFIRMED,
    )
    def confirm(self) -> None:
        """A reviewer with the confirm permission signs the comparison off; it is read-only after."""

    @transition(
        field="state", source=ComparisonState.CONFIRMED, target=ComparisonState.UNDER_REVIEW
    )
    def reopen(self) -> None:
        """Back to review (e.g. a row was judged wrongly)."""


class ComparisonDocument(models.Model):
    class Side(models.TextChoices):
        A = "a", "A"
        B = "b", "B"

    class Kind(models.TextChoices):
        DOCX = "docx", "Word (.docx)"
        PDF = "pdf", "PDF"
        TXT = "txt", _("text file")
        PASTE = "paste", _("pasted text")

    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="documents", verbose_name=_("comparison")
    )
    side = models.CharField(_("side"), max_length=1, choices=Side.choices)
    name = models.CharField(_("file name or label"), max_length=255)
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("document title"), max_length=255, blank=True)
    code = models.CharField(_("standard number"), max_length=120, blank=True)
    standard = models.ForeignKey(
        "catalog.Standard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("catalogue record"),
    )
    text = models.TextField(_("text"))

    class Meta:
        unique_together = [("comparison", "side")]
        ordering = ["comparison", "side"]
        verbose_name = _("compared document")
        verbose_name_plural = _("compared documents")

    def __str__(self) -> str:
        return f"{self.side.upper()}: {self.code or self.name}"

    @property
    def label(self) -> str:
        return self.code or self.title or self.name
