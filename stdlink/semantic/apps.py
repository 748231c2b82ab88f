from django.apps import AppConfig


class SemanticConfig(AppConfig):
    name = "stdlink.semantic"
    label = "semantic"
    verbose_name = "语义向量 / Semantic vectors"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Models load lazily on first use (the web workers that never search pay nothing).
        from stdlink.catalog.signals import standards_changed
        from stdlink.semantic.services.build import on_standards_changed

        standards_changed.connect(on_standards_changed, dispatch_uid="semantic-vectors-update")
