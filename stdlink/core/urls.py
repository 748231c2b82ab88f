from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.i18n import set_language

from stdlink.core import views
from stdlink.core.forms import LoginForm
from stdlink.core.permissions import login, public

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("audit/", views.audit_log, name="audit-log"),
    path("style-guide/", views.style_guide, name="style-guide"),
    path("i18n/setlang/", public(set_language), name="set_language"),
    path(
        "accounts/login/",
        public(auth_views.LoginView.as_view(authentication_form=LoginForm)),
        name="login",
    ),
    path("accounts/logout/", login(auth_views.LogoutView.as_view()), name="logout"),
]
