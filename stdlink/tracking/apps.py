from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "stdlink.tracking"
    label = "tracking"
    verbose_name = "国际标准跟踪转化 / Tracking and conversion"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from stdlink.catalog.signals import standards_changed
        from stdlink.core import navigation, panels
        from stdlink.tracking import signals, views

        standards_changed.connect(signals.on_standards_changed, dispatch_uid="tracking-watch")
        panels.register("standard_detail", "tracking", views.standard_panel)
        navigation.register("tracking", _("Adoption tracking"), "tracking:overview", order=55)
