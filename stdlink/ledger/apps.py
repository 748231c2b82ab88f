from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "stdlink.ledger"
    label = "ledger"
    verbose_name = "工作台账 / Task ledger"

    def ready(self) -> None:
        from stdlink.core.builtins import BUILTIN_HOOKS
        from stdlink.ledger import builtins

        if builtins.load not in BUILTIN_HOOKS:
            BUILTIN_HOOKS.append(builtins.load)

        from django.utils.translation import gettext_lazy as _

        from stdlink.core import navigation

        navigation.register("ledger", _("Ledger"), "ledger:document-list", login=True, order=70)
