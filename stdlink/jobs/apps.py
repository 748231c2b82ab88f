from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "stdlink.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")

    def ready(self) -> None:
        from stdlink.core import navigation

        navigation.register(
            "imports",
            _("Imports"),
            "jobs:imports",
            perm="catalog.view_importbatch",
            order=10,
            section="admin",
        )
        navigation.register(
            "jobs", _("Jobs"), "jobs:job-list", perm="jobs.view_job", order=20, section="admin"
        )
        # Every app's tasks.py registers its jobs, in the web process as in the worker.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("tasks")
