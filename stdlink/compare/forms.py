"""Forms of the comparison workbench: upload or paste two documents, review a row, add a
mutual-recognition entry. Widgets carry Bootstrap 5 classes."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stdlink.compare.models import Relation
from stdlink.compare.models.comparison import Degree
from stdlink.compare.services.comparisons import pasted, read_upload


def _bs(form: forms.Form) -> None:
    for field in form.fields.values():
        w = field.widget
        if isinstance(w, forms.CheckboxInput):
            w.attrs.setdefault("class", "form-check-input")
        elif isinstance(w, forms.Select):
            w.attrs.setdefault("class", "form-select")
        else:
            w.attrs.setdefault("class", "form-control")


class ComparisonForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200)
    product_field = forms.CharField(label=_("product field"), max_length=100, required=False)
    a_code = forms.CharField(label=_("standard number of A"), max_length=120, required=False)
    a_file = forms.FileField(
        label=_("document A (.docx, .pdf with text, .txt)"), required=False, allow_empty_file=True
    )
    a_text = forms.CharField(
        label=_("or paste the text of A"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    b_code = forms.CharField(label=_("standard number of B"), max_length=120, required=False)
    b_file = forms.FileField(
        label=_("document B (.docx, .pdf with text, .txt)"), required=False, allow_empty_file=True
    )
    b_text = forms.CharField(
        label=_("or paste the text of B"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bs(self)

    def _side(self, side: str):
        upload = self.cleaned_data.get(f"{side}_file")
        text = (self.cleaned_data.get(f"{side}_text") or "").strip()
        label = side.upper()
        if upload and text:
            raise ValidationError(
                _("Document %(side)s: upload a file or paste text, not both.") % {"side": label}
            )
        if not upload and not text:
            raise ValidationError(
                _("Document %(side)s: upload a file or paste its text.") % {"side": label}
            )
        try:
            doc = (
                read_upload(upload)
                if upload
                else pasted(text, _("pasted text %(side)s") % {"side": label})
            )
        except ValidationError as exc:
            raise ValidationError(f"{label}: " + "; ".join(exc.messages)) from exc
        doc.code = (self.cleaned_data.get(f"{side}_code") or "").strip()
        return doc

    def clean(self):
        data = super().clean()
        errors = []
        for side in ("a", "b"):
            try:
                data[f"doc_{side}"] = self._side(side)
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        return data


class ReviewForm(forms.Form):
    override = forms.ChoiceField(
        label=_("reviewer's judgement"),
        choices=[("", _("accept the suggested judgement"))] + list(Relation.choices),
        required=False,
    )
    comment = forms.CharField(
        label=_("comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bs(self)


class RecognitionForm(forms.Form):
    cn_code = forms.CharField(label=_("Chinese standard number"), max_length=120)
    cn_title = forms.CharField(label=_("Chinese standard title"), max_length=255, required=False)
    partner_code = forms.CharField(label=_("partner standard number"), max_length=120)
    partner_title = forms.CharField(
        label=_("partner standard title"), max_length=255, required=False
    )
    country_code = forms.CharField(label=_("partner country (ISO3)"), min_length=3, max_length=3)
    country_zh = forms.CharField(
        label=_("partner country (Chinese)"), max_length=64, required=False
    )
    country_en = forms.CharField(
        label=_("partner country (English)"), max_length=64, required=False
    )
    belt_and_road = forms.BooleanField(label=_("Belt and Road country"), required=False)
    product_field = forms.CharField(label=_("product field"), max_length=100)
    degree = forms.ChoiceField(label=_("degree of correspondence"), choices=Degree.choices)
    recognised_on = forms.DateField(
        label=_("recognised on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bs(self)


class ReviewersForm(forms.Form):
    reviewers = forms.MultipleChoiceField(label=_("reviewers"), required=False)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {str(u.pk): u for u in candidates}
        self.fields["reviewers"].choices = [
            (str(u.pk), u.get_full_name() or u.username) for u in candidates
        ]
        self.fields["reviewers"].widget.attrs["class"] = "form-select"

    def selected(self) -> list:
        return [self.candidates[pk] for pk in self.cleaned_data["reviewers"]]
