from django.conf import settings


def site(request):
    return {"STDLINK_DEBUG": settings.DEBUG}
