from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from stdlink.tbt.classify.objectives import OBJECTIVES
from stdlink.tbt.data.members import GROUPS

GROUP_CHOICES = [("BRI", _("Belt and Road")), *[(k, f"{v[0]} / {v[1]}") for k, v in GROUPS.items()]]
OBJECTIVE_CHOICES = [(k, f"{v[0]} / {v[1]}") for k, v in OBJECTIVES.items()]


def _split(value: str) -> list[str]:
    return [t for t in re.split(r"[\s,;，；、]+", value or "") if t]


class ImportForm(forms.Form):
    files = forms.FileField(label=_("files (.txt, .docx, .html, .xlsx, .json)"), required=False)
    text = forms.CharField(
        label=_("or paste the notification form"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=200_000,
    )

    def clean(self):
        data = super().clean()
        if not data.get("files") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Choose a file or paste a notification."))
        return data


class SubscriptionForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=120)
    hs_codes = forms.CharField(
        label=_("HS codes (any level, e.g. 9503 8516.79)"), required=False, max_length=1000
    )
    ics_codes = forms.CharField(label=_("ICS codes"), required=False, max_length=1000)
    members = forms.CharField(
        label=_("members (ISO codes, e.g. USA EU KEN)"), required=False, max_length=1000
    )
    groups = forms.MultipleChoiceField(
        label=_("country groups"),
        choices=GROUP_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    objectives = forms.MultipleChoiceField(
        label=_("objectives"),
        choices=OBJECTIVE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    keywords = forms.CharField(
        label=_("keywords (zh or en, one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    export_values = forms.CharField(
        label=_("yearly exports by market, USD (e.g. USA=1200000)"), required=False, max_length=1000
    )
    remind_days = forms.IntegerField(
        label=_("remind days before the comment deadline"), min_value=0, max_value=60, initial=7
    )

    def clean_hs_codes(self):
        out = []
        for tok in _split(self.cleaned_data["hs_codes"]):
            digits = re.sub(r"\D", "", tok)
            if len(digits) < 2 or len(digits) > 12:
                raise forms.ValidationError(_("%(code)s is not an HS code") % {"code": tok})
            out.append(digits)
        return out

    def clean_ics_codes(self):
        out = []
        for tok in _split(self.cleaned_data["ics_codes"]):
            if not re.fullmatch(r"\d{2}(\.\d{3}(\.\d{2})?)?", tok):
                raise forms.ValidationError(_("%(code)s is not an ICS code") % {"code": tok})
            out.append(tok)
        return out

    def clean_members(self):
        from stdlink.tbt.models import Country

        codes = [t.upper() for t in _split(self.cleaned_data["members"])]
        known = set(Country.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise forms.ValidationError(
                _("unknown member codes: %(codes)s") % {"codes": ", ".join(unknown)}
            )
        return codes

    def clean_keywords(self):
        return [
            k.strip()[:100] for k in (self.cleaned_data["keywords"] or "").splitlines() if k.strip()
        ][:20]

    def clean_export_values(self):
        out = {}
        for tok in _split(self.cleaned_data["export_values"]):
            m = re.fullmatch(r"([A-Za-z]{2,3})=(\d+(?:\.\d+)?)", tok)
            if not m:
                raise forms.ValidationError(_("write markets as CODE=amount, e.g. USA=1200000"))
            out[m[1].upper()] = float(m[2])
        return out


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("comment"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20_000
    )
    attachment = forms.FileField(label=_("attachment (PDF, Word, Excel)"), required=False)


class CaseForm(forms.Form):
    internal_deadline = forms.DateField(
        label=_("internal deadline for units"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("note to the units"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )


class ConsolidateForm(forms.Form):
    text_zh = forms.CharField(
        label=_("consolidated comments (Chinese)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=50_000,
    )
    text_en = forms.CharField(
        label=_("consolidated comments (English)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=50_000,
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("the member's reply"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000
    )


class ConcernForm(forms.Form):
    concern = forms.CharField(
        label=_("concern"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000
    )
    talking_points_zh = forms.CharField(
        label=_("talking points (Chinese)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20_000,
    )
    talking_points_en = forms.CharField(
        label=_("talking points (English)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20_000,
    )
