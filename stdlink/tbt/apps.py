from django.apps import AppConfig


class TbtConfig(AppConfig):
    name = "stdlink.tbt"
    label = "tbt"
    verbose_name = "TBT 通报预警 / TBT early warning"
