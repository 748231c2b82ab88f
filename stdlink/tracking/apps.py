from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "stdlink.tracking"
    label = "tracking"
    verbose_name = "国际标准跟踪转化 / Tracking and conversion"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from stdlink.catalog.signals import standards_changed
        from stdlink.core import navigation, panels
        from stdlink.notify.kinds import register_kind
        from stdlink.tracking import signals, tasks, views  # noqa: F401 — tasks registers the job

        standards_changed.connect(signals.on_standards_changed, dispatch_uid="tracking-watch")
        panels.register("standard_detail", "tracking", views.standard_panel)
        register_kind(
            "tracking.watch",
            _("Watched standards"),
            description=_(
                "A watched standard, committee or ICS field changed, or an adopted international "
                "standard got a new edition."
            ),
            default="immediate",
        )
        navigation.register("tracking", _("Adoption tracking"), "tracking:overview", order=55)
