from django.apps import AppConfig


class CompareConfig(AppConfig):
    name = "stdlink.compare"
    label = "compare"
    verbose_name = "标准比对 / Comparison"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from stdlink.compare import metrics  # noqa: F401 - registers the programme metric
        from stdlink.core import navigation

        navigation.register(
            "compare", _("Comparisons"), "compare:list", perm="compare.view_comparison", order=70
        )
        navigation.register(
            "recognitions", _("Mutual recognition"), "compare:recognitions", order=71
        )
