"""Root URLs: one include per app; every view declares a permission rule (core.permissions)."""

from __future__ import annotations

import importlib

from django.contrib import admin
from django.urls import include, path

from stdlink.api import api
from stdlink.catalog.views import home

handler403 = "stdlink.core.views.permission_denied"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("stdlink.core.urls")),
    path("", home, name="home"),
]

# App URL modules, each mounted at its own prefix; missing ones (not built yet) are skipped.
APP_URLS = [
    ("search/", "stdlink.search.urls"),
    ("programme/", "stdlink.programme.urls"),
    ("ledger/", "stdlink.ledger.urls"),
    ("tracking/", "stdlink.tracking.urls"),
    ("tbt/", "stdlink.tbt.urls"),
    ("notify/", "stdlink.notify.urls"),
    ("", "stdlink.jobs.urls"),
    ("compare/", "stdlink.compare.urls"),
    ("", "stdlink.accounts.urls"),
    ("", "stdlink.catalog.urls"),
]
for prefix, module_name in APP_URLS:
    try:
        importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        continue
    urlpatterns.append(path(prefix, include(module_name)))
