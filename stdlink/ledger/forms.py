"""Forms of the ledger pages."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from stdlink.core.forms import SpreadsheetSafeMixin
from stdlink.core.permissions import officers_in_scope
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
    """The owner is one of the officers the acting user may hand a task to (core.permissions.
    officers_in_scope): never a unit account, never another city's staff."""

    owner = forms.ModelChoiceField(
        label=_("owner"), required=False, queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["owner"].queryset = officers_in_scope(user, "ledger.change_task")


def officers_for(user):
    """Who may own a task: the officers the acting user may hand it to (one rule for the form and
    the service: core.permissions.officers_in_scope)."""
    if user is None:
        return get_user_model().objects.none()
    return officers_in_scope(user, "ledger.change_task")


class OwnerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        full = (obj.get_full_name() or "").strip()
        return full or obj.get_username()


class TaskUpdateForm(forms.Form):
    """One form for the task page: a progress note (optional), the status and the owner."""

    text = forms.CharField(
        label=_("progress"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = forms.FileField(label=_("evidence (pdf, docx, xlsx, png, jpg)"), required=False)
    status = forms.ChoiceField(label=_("status"), choices=Task.Status.choices)
    owner = OwnerChoice(label=_("owner"), required=False, queryset=None)

    def __init__(self, *args, user=None, **kwargs) -> None:
        from crispy_forms.helper import FormHelper
        from crispy_forms.layout import Column, Layout, Row

        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = officers_for(user)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "text",
            Row(
                Column("status", css_class="col-md-4"),
                Column("owner", css_class="col-md-4"),
                Column("evidence", css_class="col-md-4"),
            ),
        )

    def clean(self):
        data = super().clean()
        if data.get("evidence") and not (data.get("text") or "").strip():
            self.add_error("text", _("Say what the evidence shows."))
        return data


class ProgressNoteForm(forms.Form):
    text = forms.CharField(label=_("progress"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("evidence (pdf, docx, xlsx, png, jpg)"), required=False)
    status = forms.ChoiceField(
        label=_("new status"), required=False, choices=[("", "—"), *Task.Status.choices]
    )
