from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "stdlink.programme"
    label = "programme"
    verbose_name = "标准国际化专项行动 / Programme"

    def ready(self) -> None:
        from stdlink.core.builtins import BUILTIN_HOOKS
        from stdlink.programme import builtins

        if builtins.load not in BUILTIN_HOOKS:
            BUILTIN_HOOKS.append(builtins.load)

        from django.utils.translation import gettext_lazy as _

        from stdlink.core import navigation

        navigation.register(
            "programme", _("Programme"), "programme:dashboard", login=True, order=60
        )
