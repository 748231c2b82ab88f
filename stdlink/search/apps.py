from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "stdlink.search"
    label = "search"
    verbose_name = "检索 / Search"
