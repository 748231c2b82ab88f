"""Requests refused before any view runs (issue 9):

- a body larger than STDLINK_MAX_UPLOAD_BYTES (plus room for the form's other fields) gets 413
  before anything reads it (F12); bodies without a length (chunked) are bounded while they are read
  by `core.uploads.LimitedUploadHandler`;
- a NUL character in the path or the query string gets 400 (F7): no page or API operation takes
  one, and PostgreSQL refuses it in any text comparison (a 500 otherwise)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

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


class RejectNulMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path_info or "%00" in query or "\x00" in query:
            message = "请求中含有空字符 / the request contains a NUL character"
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message + "\n", content_type="text/plain; charset=utf-8")
        return self.get_response(request)
