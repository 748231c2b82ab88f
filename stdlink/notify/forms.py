from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from stdlink.notify.channels.webhook.safety import check_url
from stdlink.notify.models import Webhook


class WebhookForm(forms.ModelForm):
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "form-control"}),
    )

    class Meta:
        model = Webhook
        fields = ["name", "url", "active", "allow_private"]
        widgets = {
            "name": forms.TextInput(attrs={"class": "form-control"}),
            "active": forms.CheckboxInput(attrs={"class": "form-check-input"}),
            "allow_private": forms.CheckboxInput(attrs={"class": "form-check-input"}),
        }

    def __init__(self, *args, may_allow_private: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_allow_private = may_allow_private
        if not may_allow_private:
            del self.fields["allow_private"]

    def clean(self):
        data = super().clean()
        url = data.get("url")
        if url:
            allow = data.get("allow_private") if self.may_allow_private else False
            if self.instance.pk and not self.may_allow_private:
                allow = self.instance.allow_private
            try:
                check_url(url, allow_private=bool(allow))
            except forms.ValidationError as exc:
                self.add_error("url", exc)
        return data


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of e-mails and digests"),
        choices=settings.LANGUAGES,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
