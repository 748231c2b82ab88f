from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from stdlink.core.spreadsheets import refuses


class LoginForm(AuthenticationForm):
    """Django's form; axes counts failures and locks out after STDLINK_LOGIN_FAILURE_LIMIT."""


def error_summary(errors) -> str:
    """A form's or filterset's errors on one line ("field: message; field: message"), for flash
    messages and API error bodies."""
    return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())


class SpreadsheetSafeMixin:
    """Refuse text a spreadsheet would evaluate (= + - @ …) in every text field of the form, or in
    `formula_fields` when set: anything a user types may reach an Excel export
    (core.spreadsheets, the one formula rule; phone fields accept "+86 …")."""

    formula_fields: tuple[str, ...] | None = None

    def clean(self):
        data = super().clean()
        # A copy: add_error() removes the field from cleaned_data while we walk it.
        for name, value in list(data.items()):
            if self.formula_fields is not None and name not in self.formula_fields:
                continue
            if refuses(name, value):
                self.add_error(name, _("Text may not start with = + - @ (spreadsheet formula)."))
        return data
