"""The portal's URLs plus test-only views: two that fail on purpose (to reach the 403 and 500 handlers
over HTTP) and one whose template uses the CSP nonce, as an inline script of ours would."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from portal.urls import handler403, handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def forbidden(request):
    raise PermissionDenied("only for moderators")


def broken(request):
    raise RuntimeError("failed while handling feedback from sam@example.org")


NONCE_TEMPLATE = '<!DOCTYPE html><title>Nonce</title><script nonce="{{ request.csp_nonce }}">var ok = 1;</script>'


def inline_script(request):
    return HttpResponse(engines["django"].from_string(NONCE_TEMPLATE).render({}, request))


urlpatterns = [
    path("test-only/forbidden/", forbidden),
    path("test-only/broken/", broken),
    path("test-only/inline-script/", inline_script),
    *portal_urlpatterns,
]
