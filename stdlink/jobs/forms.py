from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stdlink.core.uploads import validate_upload
from stdlink.jobs.imports import KINDS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What to import"), widget=forms.Select(attrs={"class": "form-select"})
    )
    files = MultipleFileField(
        label=_("Files"),
        widget=MultipleFileInput(attrs={"class": "form-control", "multiple": True}),
    )

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = kinds if kinds is not None else list(KINDS.values())
        self.fields["kind"].choices = [(k.key, k.label) for k in kinds]

    def clean(self):
        data = super().clean()
        kind = KINDS.get(data.get("kind", ""))
        files = data.get("files") or []
        if kind is None or not files:
            return data
        if len(files) > 1 and not kind.multiple:
            self.add_error("files", _("This kind takes one file."))
            return data
        for f in files:
            try:
                validate_upload(f, kind.allowed)
            except ValidationError as exc:
                self.add_error("files", exc)
        return data
