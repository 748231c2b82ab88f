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

        from django.utils.translation import gettext_lazy as _

        from stdlink.core import navigation

        navigation.register("standards", _("Standards"), "catalog:standard-list", order=10)
        # the browsers of the catalogue share one menu (the header fits every role's menu)
        navigation.register("bodies", _("Bodies"), "catalog:body-list", order=20, section="catalog")
        navigation.register(
            "committees", _("Committees"), "catalog:committee-list", order=30, section="catalog"
        )
        navigation.register("ics", _("ICS"), "catalog:ics-list", order=40, section="catalog")
        navigation.register("ccs", _("CCS"), "catalog:ccs-list", order=45, section="catalog")

        # The web imports page (stdlink.jobs.imports) runs the same importers as the CLI.
        from stdlink.catalog import import_kinds

        import_kinds.register()
