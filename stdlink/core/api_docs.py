"""API documentation served entirely from the project's static files (no CDN).

django-ninja renders its Swagger page from a CDN unless ``ninja`` is an installed app; we keep our
own template instead so the assets come from npm ``swagger-ui-dist`` (static ``vendor/swagger-ui``)
and the page script is a static file (CSP: no inline script). ``validatorUrl: null`` stops Swagger
UI from sending the schema to validator.swagger.io.
"""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import Swagger


class LocalSwagger(Swagger):
    template = "api/swagger.html"
    default_settings = {
        "layout": "BaseLayout",
        "deepLinking": True,
        "validatorUrl": None,
        "tryItOutEnabled": False,
    }

    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        settings = dict(self.settings, url=self.get_openapi_url(api, kwargs))
        return render(
            request,
            self.template,
            {"swagger_settings": json.dumps(settings), "api": api},
        )
