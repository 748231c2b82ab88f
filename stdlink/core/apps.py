from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "stdlink.core"
    label = "core"
    verbose_name = "核心 / Core"

    def ready(self) -> None:
        from stdlink.core import builtins

        post_migrate.connect(builtins.on_post_migrate, dispatch_uid="stdlink.core.builtins")
        from django.utils.translation import gettext_lazy as _

        from stdlink.core import navigation

        navigation.register(
            "audit",
            _("Audit log"),
            "audit-log",
            perm="core.view_auditlog",
            order=900,
            section="admin",
        )
        navigation.register(
            "api-tokens", _("API tokens"), "api-tokens", login=True, order=950, section="admin"
        )
