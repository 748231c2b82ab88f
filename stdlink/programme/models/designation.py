"""标准国际化示范单位 / 试点单位 / 培育基地: designations by the province, with seed 000's criteria."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.programme.models.base import ProgrammeRecord

# Seed 000, 二（五）: the criteria for each designation, verbatim.
CRITERIA = {
    "demonstration": "已主导制定国际标准或国外先进标准、有效推动“浙江制造”标准等团体标准“走出去”的企事业单位",
    "pilot": "拟提出国际标准提案、牵头组织开展相关国外先进标准制定工作的企事业单位",
    "cultivation": "有效开展国际标准化活动、大力开展标准国际化人才培养、积极争取多领域国际标准话语权的企事业单位",
}


class Designation(ProgrammeRecord):
    class Kind(models.TextChoices):
        DEMONSTRATION = "demonstration", _("demonstration unit (示范单位)")
        PILOT = "pilot", _("pilot unit (试点单位)")
        CULTIVATION = "cultivation", _("cultivation base (培育基地)")

    unit = models.ForeignKey(
        "programme.Unit",
        on_delete=models.PROTECT,
        related_name="designations",
        verbose_name=_("unit"),
    )
    kind = models.CharField(_("designation"), max_length=16, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    batch = models.CharField(_("batch"), max_length=64, blank=True, help_text=_("e.g. 首批"))
    criteria_note = models.TextField(_("how the criteria are met"))
    evidence = models.ManyToManyField(
        "programme.Achievement",
        blank=True,
        related_name="+",
        verbose_name=_("evidence (achievements)"),
    )

    class Meta:
        ordering = ["-year", "kind"]
        unique_together = [("unit", "kind", "year")]
        permissions = [("designate_unit", "Can designate units")]
        verbose_name = _("designation")
        verbose_name_plural = _("designations")

    def __str__(self) -> str:
        return f"{self.unit} · {self.get_kind_display()} {self.year}"

    @property
    def criteria(self) -> str:
        return CRITERIA.get(self.kind, "")
