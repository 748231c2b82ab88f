from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    """Django's form; axes counts failures and locks out after STDLINK_LOGIN_FAILURE_LIMIT."""
