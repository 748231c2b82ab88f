from django.apps import AppConfig


class TbtConfig(AppConfig):
    name = "stdlink.tbt"
    label = "tbt"
    verbose_name = "TBT 通报预警 / TBT early warning"

    def ready(self) -> None:
        from stdlink.core.builtins import BUILTIN_HOOKS
        from stdlink.tbt import builtins

        if builtins.load not in BUILTIN_HOOKS:
            BUILTIN_HOOKS.append(builtins.load)

        from django.utils.translation import gettext_lazy as _

        from stdlink.core import navigation

        navigation.register("tbt", _("TBT notifications"), "tbt:notification-list", order=60)

        from stdlink.notify.kinds import register_kind

        register_kind(
            "tbt.alert",
            _("TBT early warning"),
            description=_("A new WTO TBT notification matches one of your subscriptions."),
        )
        register_kind(
            "tbt.reminder",
            _("TBT comment deadline reminder"),
            description=_("The comment period of a notification you were alerted to ends soon."),
        )
        register_kind(
            "tbt.comment",
            _("TBT comment invitation"),
            description=_("The enquiry point invites your unit to comment on a notification."),
        )

        from stdlink.tbt.import_kinds import register as register_import_kind

        register_import_kind()

        from stdlink.tbt.panels import register as register_panel

        register_panel()
