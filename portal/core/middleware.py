from allauth.mfa.utils import is_mfa_enabled
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _

from .roles import is_staff_member


def path_without_language(path):
    """ "/ur/staff/" -> "/staff/": staff areas are the same whatever the language prefix."""
    language = get_language_from_path(path)
    if language and path.startswith(f"/{language}/"):
        return path[len(language) + 1 :]
    return path


def is_staff_area(path):
    return path_without_language(path).startswith(tuple(settings.PORTAL_STAFF_AREA_PREFIXES))


class RequireMFAForStaffMiddleware:
    """Staff in any role reach no staff area until they have set up MFA.

    Allauth already asks for the second factor at every sign-in once one is set up; this closes the
    gap before that, when an account has a password only.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_staff_area(request.path_info) and is_staff_member(request.user) and not is_mfa_enabled(request.user):
            messages.warning(
                request,
                _("Set up two-step sign-in before you use the staff areas. It keeps people’s feedback safe."),
            )
            return redirect("mfa_index")
        return self.get_response(request)


class PortalCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, except the Wagtail admin, whose own templates still use inline
    script and style (see docs/adr/0004-content-security-policy.md)."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.PORTAL_WAGTAIL_ADMIN_PREFIX):
            parts.replace = {
                **(parts.replace or {}),
                "script-src": settings.PORTAL_ADMIN_CSP_SCRIPT_SRC,
                "style-src": settings.PORTAL_ADMIN_CSP_STYLE_SRC,
            }
        return parts
