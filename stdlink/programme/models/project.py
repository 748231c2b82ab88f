"""International-standard projects and their stages (an explicit state machine)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, transition

from stdlink.programme.models.base import ProgrammeRecord


class Stage(models.TextChoices):
    PROPOSAL = "proposal", pgettext_lazy("project stage", "proposal")
    ACCEPTED = "accepted", _("accepted (NP/PWI)")
    WD = "wd", _("working draft (WD)")
    CD = "cd", _("committee draft (CD)")
    DIS = "dis", _("enquiry draft (DIS/CDV)")
    FDIS = "fdis", _("final draft (FDIS)")
    PUBLISHED = "published", pgettext_lazy("project stage", "published")
    WITHDRAWN = "withdrawn", pgettext_lazy("project stage", "withdrawn")


#: the forward order; a project may skip stages (many ISO projects skip CD) but never go back.
ORDER = [Stage.PROPOSAL, Stage.ACCEPTED, Stage.WD, Stage.CD, Stage.DIS, Stage.FDIS, Stage.PUBLISHED]


def _before(stage: str) -> list[str]:
    return [s.value for s in ORDER[: ORDER.index(stage)]]


class Project(ProgrammeRecord):
    class Role(models.TextChoices):
        LEAD = "lead", _("lead (主导)")
        PARTICIPANT = "participant", _("participant (参与)")

    unit = models.ForeignKey(
        "programme.Unit", on_delete=models.PROTECT, related_name="projects", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=300, blank=True)
    reference = models.CharField(
        _("project reference"),
        max_length=64,
        blank=True,
        help_text=_("e.g. ISO/NP 12345 or ISO/PWI 23456"),
    )
    body = models.ForeignKey(
        "catalog.Body",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"annex1": True},
        verbose_name=_("body"),
    )
    committee_code = models.CharField(
        _("committee"), max_length=64, blank=True, help_text=_("e.g. ISO/TC 321")
    )
    committee = models.ForeignKey(
        "catalog.Committee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("catalogue committee"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.LEAD)
    stage = FSMField(_("stage"), default=Stage.PROPOSAL, choices=Stage.choices)
    proposed_on = models.DateField(_("proposed on"), null=True, blank=True)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    standard = models.ForeignKey(
        "catalog.Standard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published standard"),
    )
    subsidy_policy = models.ForeignKey(
        "programme.SubsidyPolicy",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("subsidy policy"),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("international-standard project")
        verbose_name_plural = _("international-standard projects")

    def __str__(self) -> str:
        return self.reference or self.title

    def is_accepted(self) -> bool:
        return self.stage in _before(Stage.PUBLISHED)[1:] + [Stage.PUBLISHED] or (
            self.stage == Stage.WITHDRAWN and self.accepted_on is not None
        )

    # One transition per target stage; the source is every earlier stage.
    @transition(field="stage", source=_before(Stage.ACCEPTED), target=Stage.ACCEPTED)
    def accept(self) -> None: ...

    @transition(field="stage", source=_before(Stage.WD), target=Stage.WD)
    def to_wd(self) -> None: ...

    @transition(field="stage", source=_before(Stage.CD), target=Stage.CD)
    def to_cd(self) -> None: ...

    @transition(field="stage", source=_before(Stage.DIS), target=Stage.DIS)
    def to_dis(self) -> None: ...

    @transition(field="stage", source=_before(Stage.FDIS), target=Stage.FDIS)
    def to_fdis(self) -> None: ...

    @transition(field="stage", source=_before(Stage.PUBLISHED), target=Stage.PUBLISHED)
    def publish(self) -> None: ...

    @transition(field="stage", source=_before(Stage.PUBLISHED), target=Stage.WITHDRAWN)
    def withdraw(self) -> None: ...


#: stage → the transition method that reaches it
TRANSITIONS = {
    Stage.ACCEPTED: "accept",
    Stage.WD: "to_wd",
    Stage.CD: "to_cd",
    Stage.DIS: "to_dis",
    Stage.FDIS: "to_fdis",
    Stage.PUBLISHED: "publish",
    Stage.WITHDRAWN: "withdraw",
}
