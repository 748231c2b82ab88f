from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "stdlink.ledger"
    label = "ledger"
    verbose_name = "工作台账 / Task ledger"
