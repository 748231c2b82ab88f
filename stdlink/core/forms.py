from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    """Django's form; axes counts failures and locks out after STDLINK_LOGIN_FAILURE_LIMIT."""


def error_summary(errors) -> str:
    """A form's or filterset's errors on one line ("field: message; field: message"), for flash
    messages and API error bodies."""
    return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
