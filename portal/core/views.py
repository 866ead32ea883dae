import logging
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import health
from .models import CrisisContacts
from .roles import (
    MODERATORS,
    RESEARCHERS,
    SAFEGUARDING_LEADS,
    STEERING_GROUP,
    WAGTAIL_ADMIN_ROLES,
    has_role,
    role_names,
)

logger = logging.getLogger(__name__)

# Form fields never echoed back on the CSRF failure page.
SECRET_FIELD_MARKERS = ("password", "token", "csrf", "secret", "code", "otp", "key")
MAX_ECHOED_CHARACTERS = 20_000


@never_cache
@require_safe
def health_check(request):
    """JSON for load balancers and monitoring: 200 when every part works, 503 naming what does not.

    HEAD is answered too: some load balancers and uptime monitors only send HEAD."""
    results = health.run_checks()
    healthy = all(value == "ok" for value in results.values())
    body = {"status": "ok" if healthy else "error", **results}
    if not healthy:
        logger.error("Health check failed: %s", ", ".join(name for name, value in results.items() if value != "ok"))
    return JsonResponse(body, status=200 if healthy else 503)


@require_safe
def robots_txt(request):
    # Sign-in and staff pages are also reached under each language prefix (/pl/accounts/...). The
    # "I'm interested" form and its withdrawal links are for people, not search results.
    private_prefixes = ["accounts/", "staff/", "steering/", "researchers/", "take-part/"]
    disallowed = ["/admin/", *(f"/{prefix}" for prefix in private_prefixes)]
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            disallowed += [f"/{code}/{prefix}" for prefix in private_prefixes]
    return render(
        request,
        "robots.txt",
        {"disallowed": disallowed, "sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


def crisis_help(request):
    """The "Need help now?" page. A plain view, not a CMS page, so it is there even if pages break."""
    return render(request, "core/crisis_help.html", {"contacts": CrisisContacts.shown_to(request)})


@login_required
def staff_home(request):
    """Where staff land after signing in: the areas their roles open, and their sign-in security."""
    roles = role_names(request.user)
    can_use_cms = request.user.is_superuser or bool(roles.intersection(WAGTAIL_ADMIN_ROLES))
    context = {
        "roles": sorted(roles),
        "can_use_cms": can_use_cms,
        "can_moderate": bool(roles & {MODERATORS, SAFEGUARDING_LEADS}),
        "can_steer": has_role(request.user, STEERING_GROUP),
        "can_research": RESEARCHERS in roles,
    }
    return render(request, "core/staff_home.html", context)


def admin_sign_in(request):
    """Where the Wagtail admin sends people it will not let in.

    Visitors who are not signed in go to the one sign-in page (allauth, with MFA and rate limits).
    Signed-in staff whose role does not use the CMS (Steering group, Researchers) go to the staff
    home with an explanation: sending them to the sign-in page would bounce them straight back.
    """
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not request.user.is_authenticated:
        query = f"?{urlencode({REDIRECT_FIELD_NAME: next_url})}" if next_url else ""
        return redirect(reverse("account_login") + query)
    messages.info(request, _("Your role does not include the content management system. Your areas are listed here."))
    return redirect("core:staff_home")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def server_error(request):
    # Rendered without the request, so nothing on the page needs the database or the session,
    # either of which may be why we are here.
    return HttpResponseServerError(loader.render_to_string("500.html"))


@never_cache
def csrf_failure(request, reason=""):
    """A form was sent without a valid security token, usually because the page was open a long
    time or cookies are blocked. Nothing they typed has been saved by this request, so we give
    their words back to them to copy, and explain how to go back.

    Never cached: the page can hold what someone wrote about their care."""
    logger.warning("CSRF failure: %s", reason)
    same_origin = _is_same_origin_referer(request)
    typed = []
    if same_origin and request.method == "POST":
        remaining = MAX_ECHOED_CHARACTERS
        for name, values in request.POST.lists():
            if any(marker in name.lower() for marker in SECRET_FIELD_MARKERS):
                continue
            for value in values:
                value = value.strip()
                if value and remaining > 0:
                    typed.append(value[:remaining])
                    remaining -= len(value)
    context = {
        "typed": typed,
        "back_url": request.META.get("HTTP_REFERER") if same_origin else None,
        "title": _("Sorry, we could not send your answers"),
    }
    return render(request, "403_csrf.html", context, status=403)


def _is_same_origin_referer(request):
    referer = request.META.get("HTTP_REFERER")
    if not referer:
        return False
    parts = urlsplit(referer)
    # The same origin: scheme and host both match (an http:// page is not the https:// site).
    return parts.scheme == request.scheme and parts.netloc == request.get_host()
