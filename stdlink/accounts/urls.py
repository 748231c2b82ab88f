from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from stdlink.accounts.views import regions, registrations, users, workbench
from stdlink.core.permissions import login, public

app_name = "accounts"

urlpatterns = [
    path("workbench/", workbench.workbench, name="workbench"),
    path("accounts/users/", users.user_list, name="user-list"),
    path("accounts/users/new/", users.user_create, name="user-new"),
    path("accounts/users/<int:pk>/", users.user_detail, name="user-detail"),
    path("accounts/users/<int:pk>/edit/", users.user_edit, name="user-edit"),
    path("accounts/users/<int:pk>/active/", users.user_active, name="user-active"),
    path("accounts/users/<int:pk>/reset/", users.user_reset, name="user-reset"),
    path("accounts/users/<int:pk>/roles/", users.membership_add, name="membership-add"),
    path(
        "accounts/users/<int:pk>/roles/<int:membership_pk>/remove/",
        users.membership_remove,
        name="membership-remove",
    ),
    path("accounts/register/", registrations.register, name="register"),
    path("accounts/registrations/", registrations.registration_list, name="registration-list"),
    path(
        "accounts/registrations/<int:pk>/",
        registrations.registration_detail,
        name="registration-detail",
    ),
    path(
        "accounts/registrations/<int:pk>/decide/",
        registrations.registration_decide,
        name="registration-decide",
    ),
    path("accounts/regions/", regions.region_list, name="region-list"),
    path("accounts/regions/new/", regions.region_edit, name="region-new"),
    path("accounts/regions/<int:pk>/", regions.region_edit, name="region-edit"),
    # Changing one's own password (after a one-time password from a manager).
    path(
        "accounts/password/",
        login(
            auth_views.PasswordChangeView.as_view(
                template_name="accounts/password_change.html",
                success_url=reverse_lazy("accounts:workbench"),
            )
        ),
        name="password-change",
    ),
    # Password reset by e-mail (Django's views; the e-mail goes out as STDLINK_EMAIL configures all e-mail).
    # Deliberately sent directly by PasswordResetView, not through stdlink.notify.services.notify:
    # notify applies each person's per-kind preference (a kind can be switched off or folded into
    # a daily or weekly digest), drops inactive accounts, stores an inbox row and delivers through
    # the job queue after commit — a reset link must reach the address asked for, at once, always,
    # and, being a credential, must not be kept as an inbox row. (A rejected self-registration's
    # account stays inactive too: its e-mail is queued by notify.services.mail_address.)
    path(
        "accounts/password-reset/",
        public(
            auth_views.PasswordResetView.as_view(
                template_name="accounts/password_reset_form.html",
                email_template_name="accounts/password_reset_email.txt",
                subject_template_name="accounts/password_reset_subject.txt",
                success_url=reverse_lazy("accounts:password-reset-done"),
            )
        ),
        name="password-reset",
    ),
    path(
        "accounts/password-reset/sent/",
        public(
            auth_views.PasswordResetDoneView.as_view(
                template_name="accounts/password_reset_done.html"
            )
        ),
        name="password-reset-done",
    ),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        public(
            auth_views.PasswordResetConfirmView.as_view(
                template_name="accounts/password_reset_confirm.html",
                success_url=reverse_lazy("accounts:password-reset-complete"),
            )
        ),
        name="password-reset-confirm",
    ),
    path(
        "accounts/password-reset/done/",
        public(
            auth_views.PasswordResetCompleteView.as_view(
                template_name="accounts/password_reset_complete.html"
            )
        ),
        name="password-reset-complete",
    ),
]
