"""Request body limit: a body larger than STDLINK_MAX_UPLOAD_BYTES (plus room for the form's other
fields) is refused with 413 before anything reads it (issue 9, F12). Bodies without a length
(chunked) are bounded while they are read by `core.uploads.LimitedUploadHandler`."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

FORM_OVERHEAD = 64 * 1024  # multipart boundaries, the CSRF token and a few text fields


def body_limit() -> int:
    return settings.STDLINK_MAX_UPLOAD_BYTES + FORM_OVERHEAD


class BodySizeLimitMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > body_limit():
            limit = settings.STDLINK_MAX_UPLOAD_BYTES
            return HttpResponse(
                f"请求过大（{length:,} 字节，上传上限 {limit:,} 字节）/ request too large "
                f"({length:,} bytes; uploads are limited to {limit:,} bytes)\n",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
