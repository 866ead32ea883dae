"""The portal's URLs plus /media/, which the reverse proxy serves in production (see
docs/operations/deployment.md) and Django serves only in debug mode."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from portal.urls import handler403, handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]

urlpatterns = [
    re_path(r"^media/(?P<path>images/.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *portal_urlpatterns,
]
