"""Withdrawing interest in a study: with the link from the thank-you page, or with the reference code.

Either way the person sees which study it is first, and confirming deletes their details at once
(portal.research.services.withdraw). Withdrawing again says it is done already and changes nothing.
"""

from django.core import signing
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import services
from .models import ExpressionOfInterest
from .views import rate_limited, too_many

WITHDRAW_SALT = "portal.research.withdraw"
# A reference code typed to withdraw is good for 30 minutes on its confirm page.
WITHDRAW_MAX_AGE = 30 * 60


def _withdrawn(request, expression):
    return render(request, "research/withdrawn.html", {"study": expression.study})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw_by_link(request):
    # The token stays in the query string on the confirming POST too (the form posts to this address).
    expression = services.find_by_withdraw_token(request.GET.get("token", ""))
    if expression is None:
        # 200, not 404: a 4xx is logged with its address, and the address holds the token.
        return render(request, "research/withdraw_link_unknown.html")
    if request.method == "POST" and not expression.withdrawn_at:
        expression = services.withdraw(expression=expression, via="link")
        return _withdrawn(request, expression)
    return render(request, "research/withdraw_confirm.html", {"expression": expression, "study": expression.study})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw_by_code(request):
    """Type the reference code, confirm, and the person's details are deleted."""
    if request.method == "POST" and request.POST.get("confirm"):
        expression = _expression_from_confirmation(request.POST.get("expression", ""))
        if expression is None:
            return redirect("research:withdraw_by_code")
        if not expression.withdrawn_at:
            expression = services.withdraw(expression=expression, via="code")
        return _withdrawn(request, expression)

    error = ""
    typed = ""
    if request.method == "POST":
        typed = request.POST.get("reference", "")[:40]
        if rate_limited(request, "withdraw"):
            return too_many(request, message=_("Lots of reference codes have been tried from your connection."))
        if not services.normalise_reference(typed):
            error = _("Enter your reference code. It is 8 letters and numbers, like 7K3M-Q9TX.")
        else:
            expression = services.find_by_reference(typed)
            if expression is None:
                error = _(
                    "We could not find that reference code. Check it and try again. "
                    "It is 8 letters and numbers, like 7K3M-Q9TX."
                )
            else:
                context = {
                    "expression": expression,
                    "study": expression.study,
                    "confirmation": signing.dumps(expression.pk, salt=WITHDRAW_SALT),
                }
                return render(request, "research/withdraw_confirm.html", context)
    context = {"error": error, "typed": typed, "error_links": [("reference", error)] if error else []}
    return render(request, "research/withdraw_code.html", context)


def _expression_from_confirmation(value):
    try:
        pk = signing.loads(value, salt=WITHDRAW_SALT, max_age=WITHDRAW_MAX_AGE)
    except signing.BadSignature:
        return None
    return ExpressionOfInterest.objects.select_related("study").filter(pk=pk).first()
