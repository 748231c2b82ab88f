from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "stdlink.catalog"
    label = "catalog"
    verbose_name = "标准目录 / Catalogue"

    def ready(self) -> None:
        from stdlink.catalog import builtins
        from stdlink.core.builtins import BUILTIN_HOOKS

        if builtins.load not in BUILTIN_HOOKS:
            BUILTIN_HOOKS.append(builtins.load)
