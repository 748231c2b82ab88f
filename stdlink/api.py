"""The REST API under /api/v1/ (django-ninja; OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs).

No default auth on purpose: every router or operation declares its rule (core.api_auth), and
tests/core/test_url_auth.py fails on an operation without one.
"""

from __future__ import annotations

import importlib

from ninja import NinjaAPI
from ninja.constants import NOT_SET

from stdlink.core.api_auth import PUBLIC
from stdlink.core.api_docs import LocalSwagger
from stdlink.core.params import ParamError

api = NinjaAPI(
    title="StdLink 标准联通 API",
    version="1",
    description="标准国际化工作平台接口 / Standards internationalisation platform API",
    urls_namespace="api-v1",
    docs_url="/docs",
    docs=LocalSwagger(),  # assets from the project's static files: works with the network cut off
    openapi_extra={"info": {"x-languages": ["zh-Hans", "en"]}},
)

# (module, mount prefix, tag). Modules that are not there yet are skipped.
ROUTERS = [
    ("stdlink.catalog.api", "/", "catalog"),
    ("stdlink.pubid.api", "/", "identifiers"),
    ("stdlink.search.api", "/", "search"),
    ("stdlink.programme.api", "/programme/", "programme"),
    ("stdlink.ledger.api", "/ledger/", "ledger"),
    ("stdlink.tracking.api", "/tracking/", "tracking"),
    ("stdlink.tbt.api", "/tbt/", "tbt"),
    ("stdlink.jobs.api", "/jobs/", "jobs"),
    ("stdlink.notify.api", "/notify/", "notify"),
    ("stdlink.compare.api", "/compare/", "compare"),
    ("stdlink.accounts.api", "/accounts/", "accounts"),
]


@api.exception_handler(ParamError)
def _bad_parameter(request, exc: ParamError):
    """A malformed or out-of-range parameter (core.params) is the client's error."""
    return api.create_response(request, {"detail": str(exc)}, status=400)


for module_name, prefix, tag in ROUTERS:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        continue
    router = module.router
    if getattr(module, "PERMISSION", None) == "public" and router.auth in (None, NOT_SET):
        router.auth = PUBLIC  # a whole-router public rule declared by the module
    api.add_router(prefix, router, tags=[tag])
