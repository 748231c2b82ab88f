from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "stdlink.search"
    label = "search"
    verbose_name = "检索 / Search"

    def ready(self) -> None:
        # Only a signal connection here: jieba loads lazily on the first Chinese text.
        from stdlink.catalog.signals import standards_changed
        from stdlink.search.indexer import on_standards_changed

        standards_changed.connect(on_standards_changed, dispatch_uid="search-index-update")

        from django.utils.translation import gettext_lazy as _

        from stdlink.core import navigation

        navigation.register("search", _("Search"), "search:results", order=50)
