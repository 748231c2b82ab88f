from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "stdlink.programme"
    label = "programme"
    verbose_name = "标准国际化专项行动 / Programme"
