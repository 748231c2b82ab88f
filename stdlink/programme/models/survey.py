"""Annex 2 (参与标准国际化工作需求调查表) and Annex 3 (参与标准国际化活动成果情况表), one row per unit
and reporting month, draft → submitted. Field order and Chinese headers are the annex tables'."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, transition

from stdlink.programme.models.base import ProgrammeRecord

PHONE = RegexValidator(r"^[0-9+()\- ]{5,20}$", "电话号码格式不正确 / not a telephone number")
MOBILE = RegexValidator(r"^1[3-9]\d{9}$", "手机号码应为 11 位 / not an 11-digit mobile number")

# (model field, annex header) in the order of the annex table.
ANNEX2_FIELDS: list[tuple[str, str]] = [
    ("unit_name", "单位名称"),
    ("address", "地址"),
    ("contact", "联系人"),
    ("position", "职务"),
    ("phone", "电话"),
    ("mobile", "手机"),
    ("email", "电子邮箱"),
    ("innovation", "创新成果形成情况"),
    ("patents_awards", "创新成果获得专利、奖励情况"),
    ("international_lead", "创新成果在国际上取得突破或领先情况"),
    ("proposed_standards", "拟制订国际标准或国外先进标准名称"),
    ("committee", "对应的国际标准化组织技术委员会或国内对口技术单位"),
    ("secretariat_intent", "申请组建并承担国际标准化技术组织秘书处意向"),
    ("other_needs", "其他需求"),
]
ANNEX3_FIELDS: list[tuple[str, str]] = [
    ("unit_name", "单位名称"),
    ("address", "地址"),
    ("contact", "联系人"),
    ("position", "职务"),
    ("mobile", "手机"),
    ("fax", "传真"),
    ("email", "电子邮箱"),
    ("results", "形成成果情况"),
    ("main_content", "主要内容和典型经验、方法"),
    ("promotion_willing", "经验、方法宣传推广意愿"),
    ("hosting_willing", "接待其他单位现场学习、观摩意愿"),
    ("other_notes", "其他需要说明的情况"),
]
MONTH_HEADER = "填报月份"


class FiledState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("form state", "draft")
    SUBMITTED = "submitted", pgettext_lazy("form state", "submitted")


class AnnexForm(ProgrammeRecord):
    """What Annex 2 and Annex 3 share: the unit, the month, the state and the report it went in."""

    # `unit` and `monthly_report` are declared by each subclass (their own reverse names).
    month = models.DateField(_("reporting month"), help_text=_("first day of the month"))
    state = FSMField(_("state"), default=FiledState.DRAFT, choices=FiledState.choices)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # The stamped annex or evidence; checked by stdlink.core.uploads.validate_upload.
    attachment = models.FileField(
        _("attachment"), upload_to="programme/annex/%Y/%m/", blank=True, max_length=255
    )

    unit_name = models.CharField("单位名称", max_length=200)
    address = models.CharField("地址", max_length=255, blank=True)
    contact = models.CharField("联系人", max_length=64, blank=True)
    position = models.CharField("职务", max_length=64, blank=True)
    mobile = models.CharField("手机", max_length=20, blank=True, validators=[MOBILE])
    email = models.EmailField("电子邮箱", blank=True)

    #: fields that must be filled before the form can be submitted
    REQUIRED_ON_SUBMIT: tuple[str, ...] = ("unit_name", "contact", "mobile", "email")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.unit_name} {self.month:%Y-%m}"

    @transition(field="state", source=FiledState.DRAFT, target=FiledState.SUBMITTED)
    def submit(self) -> None:
        """Unit or officer submits; missing required fields are checked by the service first."""

    @transition(field="state", source=FiledState.SUBMITTED, target=FiledState.DRAFT)
    def reopen(self) -> None:
        """Back to draft (only while not yet part of a submitted monthly report)."""

    def missing_for_submit(self) -> list[str]:
        return [f for f in self.REQUIRED_ON_SUBMIT if not getattr(self, f)]


class Survey(AnnexForm):
    unit = models.ForeignKey(
        "programme.Unit", on_delete=models.PROTECT, related_name="surveys", verbose_name=_("unit")
    )
    monthly_report = models.ForeignKey(
        "programme.MonthlyReport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        verbose_name=_("monthly report"),
    )
    phone = models.CharField("电话", max_length=32, blank=True, validators=[PHONE])
    innovation = models.TextField("创新成果形成情况", blank=True)
    patents_awards = models.TextField("创新成果获得专利、奖励情况", blank=True)
    international_lead = models.TextField("创新成果在国际上取得突破或领先情况", blank=True)
    proposed_standards = models.TextField("拟制订国际标准或国外先进标准名称", blank=True)
    committee = models.TextField(
        "对应的国际标准化组织技术委员会或国内对口技术单位",
        blank=True,
        help_text="如不清楚，可不填写",
    )
    secretariat_intent = models.TextField("申请组建并承担国际标准化技术组织秘书处意向", blank=True)
    other_needs = models.TextField("其他需求", blank=True)

    ANNEX_FIELDS = ANNEX2_FIELDS
    ANNEX_TITLE = "参与标准国际化工作需求调查表"

    class Meta:
        ordering = ["-month", "unit_name"]
        verbose_name = _("demand survey")
        verbose_name_plural = _("demand surveys")


class Achievement(AnnexForm):
    unit = models.ForeignKey(
        "programme.Unit",
        on_delete=models.PROTECT,
        related_name="achievements",
        verbose_name=_("unit"),
    )
    monthly_report = models.ForeignKey(
        "programme.MonthlyReport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="achievements",
        verbose_name=_("monthly report"),
    )
    fax = models.CharField("传真", max_length=32, blank=True, validators=[PHONE])
    results = models.TextField(
        "形成成果情况",
        blank=True,
        help_text="包括制修订国际标准、承担国际标技委秘书处、参与国际标准化活动、成为国际标准化组织和国外先进标准组织"
        "技术委员会注册专家等情况",
    )
    main_content = models.TextField("主要内容和典型经验、方法", blank=True)
    promotion_willing = models.TextField("经验、方法宣传推广意愿", blank=True)
    hosting_willing = models.TextField("接待其他单位现场学习、观摩意愿", blank=True)
    other_notes = models.TextField("其他需要说明的情况", blank=True)
    # Chosen by the province from accepted achievements (典型案例).
    typical_case = models.BooleanField(_("typical case"), default=False)

    ANNEX_FIELDS = ANNEX3_FIELDS
    ANNEX_TITLE = "参与标准国际化活动成果情况表"

    class Meta:
        ordering = ["-month", "unit_name"]
        verbose_name = _("achievement report")
        verbose_name_plural = _("achievement reports")
