from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "stdlink.accounts"
    label = "accounts"
    verbose_name = "账户 / Accounts"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from stdlink.core import navigation

        navigation.register("workbench", _("Workbench"), "accounts:workbench", login=True, order=5)
        navigation.register(
            "accounts",
            _("Accounts"),
            "accounts:user-list",
            perm="accounts.view_account",
            order=800,
            section="admin",
        )
        navigation.register(
            "registrations",
            _("Registrations"),
            "accounts:registration-list",
            perm="accounts.view_registration",
            order=810,
            section="admin",
        )
        navigation.register(
            "regions",
            _("Regions and roles"),
            "accounts:region-list",
            perm="core.change_region",
            order=820,
            section="admin",
        )

        from stdlink.notify.kinds import register_kind

        register_kind(
            "accounts.registration",
            _("New enterprise registrations"),
            description=_("An enterprise registered in your region and awaits your approval."),
            default="immediate",
        )
        register_kind(
            "accounts.decision",
            _("Registration decision"),
            description=_("Your enterprise registration was approved."),
            default="immediate",
        )
