"""The mutual-recognition catalogue (标准互认目录): a Chinese (Zhejiang) standard and a partner
country's or an international standard recognised as equivalent, with the comparison as evidence.

Entries are public (identifiers, titles, country, field, date); the evidence comparison and its
texts stay private to the comparison's scope.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.compare.models.comparison import Comparison, Degree
from stdlink.core.models import RegionScopedModel


class Recognition(RegionScopedModel):
    cn_code = models.CharField(_("Chinese standard number"), max_length=120)
    cn_title = models.CharField(_("Chinese standard title"), max_length=255, blank=True)
    cn_standard = models.ForeignKey(
        "catalog.Standard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Chinese catalogue record"),
    )
    partner_code = models.CharField(_("partner standard number"), max_length=120)
    partner_title = models.CharField(_("partner standard title"), max_length=255, blank=True)
    partner_standard = models.ForeignKey(
        "catalog.Standard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("partner catalogue record"),
    )
    # ISO 3166-1 alpha-3 code; "INT" for an international standard (ISO, IEC, ITU ...).
    country_code = models.CharField(_("partner country (ISO3)"), max_length=3)
    country_zh = models.CharField(_("partner country (Chinese)"), max_length=64, blank=True)
    country_en = models.CharField(_("partner country (English)"), max_length=64, blank=True)
    belt_and_road = models.BooleanField(_("Belt and Road country"), default=False)
    product_field = models.CharField(_("product field"), max_length=100)
    degree = models.CharField(_("degree of correspondence"), max_length=3, choices=Degree.choices)
    recognised_on = models.DateField(_("recognised on"))
    comparison = models.ForeignKey(
        Comparison,
        on_delete=models.PROTECT,
        related_name="recognitions",
        verbose_name=_("evidence comparison"),
    )
    note = models.TextField(_("note"), blank=True)

    region_lookup = "region"
    unit_lookup = None

    class Meta:
        ordering = ["-recognised_on", "cn_code"]
        unique_together = [("cn_code", "partner_code")]
        verbose_name = _("mutual recognition")
        verbose_name_plural = _("mutual-recognition catalogue")

    def __str__(self) -> str:
        return f"{self.cn_code} ≙ {self.partner_code}"
