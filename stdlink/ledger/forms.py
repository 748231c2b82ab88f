"""Forms of the ledger pages."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from stdlink.core.forms import SpreadsheetSafeMixin
from stdlink.ledger.models import Task


class ImportForm(SpreadsheetSafeMixin, forms.Form):
    formula_fields = ("title",)  # the title heads the ledger export

    file = forms.FileField(label=_("file (.txt or .docx)"), required=False)
    text = forms.CharField(
        label=_("or paste the text"), required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    title = forms.CharField(
        label=_("title (optional, overrides the detected one)"), required=False, max_length=300
    )

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Upload a file or paste the text."))
        return data


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=Task.Status.choices)


class TaskOwnerForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("owner"),
        required=False,
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
    )


class ProgressNoteForm(forms.Form):
    text = forms.CharField(label=_("progress"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("evidence (pdf, docx, xlsx, png, jpg)"), required=False)
    status = forms.ChoiceField(
        label=_("new status"), required=False, choices=[("", "—"), *Task.Status.choices]
    )
