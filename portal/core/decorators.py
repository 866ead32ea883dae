"""The one way a staff area's views check who may use them (the steering and research areas).

The MFA middleware (RequireMFAForStaffMiddleware) covers the areas by URL prefix; this checks the
role. Views are never cached, and only the listed methods are allowed: read-only pages take GET
and HEAD, pages with a form POST too (CsrfViewMiddleware checks every POST).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

READ_ONLY = ("GET", "HEAD")
WITH_FORM = ("GET", "HEAD", "POST")


def staff_area_view(allowed, *, methods=READ_ONLY):
    """Signed in and `allowed(user)`, or refused (403); only `methods` are allowed."""

    def decorator(view):
        @login_required
        @never_cache
        @require_http_methods(list(methods))
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
