"""The public feedback pages: start, one question per page, check your answers, thank you, and
"your feedback" (look up a reference code, see what happened, withdraw).

Views are thin: they find the draft, check the form and call portal.feedback.services. The draft
is found by a token in a cookie and in every form (a hidden field), never by the session, so a
session that times out while someone writes cannot lose their words.
"""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from portal.core.journeys import error_links, post_too_big, set_cookie, token_from
from portal.core.models import CrisisContacts

from . import journey, selectors, services
from .forms import MAX_ANSWER_LENGTH
from .models import Submission

DRAFT_COOKIE = "portal_feedback_draft"
SENT_COOKIE = "portal_feedback_sent"
LOOKUP_COOKIE = "portal_feedback_lookup"
SENT_SALT = "portal.feedback.sent"
LOOKUP_SALT = "portal.feedback.lookup"
# The thank-you page shows the reference code for an hour after sending; "your feedback" stays open
# for 30 minutes after the code was typed. Both are short because devices on wards are shared.
SENT_MAX_AGE = 60 * 60
LOOKUP_MAX_AGE = 30 * 60
HONEYPOT_FIELD = "website"


def _rate_limited(request, group):
    return is_ratelimited(
        request,
        group=f"feedback.{group}",
        key="ip",
        rate=settings.FEEDBACK_RATE_LIMITS[group],
        increment=True,
    )


def _token_from(request):
    return token_from(request, DRAFT_COOKIE)


def _set_draft_cookie(response, token):
    return set_cookie(response, DRAFT_COOKIE, token, max_age=settings.FEEDBACK_DRAFT_DAYS * 24 * 60 * 60)


def _too_many_starts(request):
    return _too_many(request, message=_("Lots of people have started feedback from your connection recently."))


def _too_many(request, *, message, draft=None, token=""):
    return render(
        request,
        "feedback/too_many.html",
        {"message": message, "draft": draft, "draft_token": token},
        status=429,
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def start(request):
    token = request.COOKIES.get(DRAFT_COOKIE, "")
    draft = services.find_draft(token)
    resume = None
    if draft is not None and draft.submission_id is None and draft.answers:
        resume = journey.next_step(draft.answers, has_contact=bool(draft.contact_encrypted))
    return render(
        request,
        "feedback/start.html",
        {"draft": draft if draft and not draft.submission_id else None, "resume_step": resume, "easy_read": False},
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def start_easy_read(request):
    return render(request, "feedback/start_easy_read.html", {"easy_read": True})


@never_cache
@require_POST
def begin(request):
    """ "Start now": a new draft, in easy read if the person chose it."""
    easy_read = request.POST.get("mode") == "easy"
    if _rate_limited(request, "start"):
        return _too_many_starts(request)
    _draft, token = services.start_draft(easy_read=easy_read)
    return _set_draft_cookie(redirect("feedback:step", slug=journey.FIRST_STEP.slug), token)


@never_cache
@require_POST
def switch_mode(request):
    """Switch between standard and easy-read questions, keeping every answer."""
    token = _token_from(request)
    draft = services.find_draft(token)
    if draft is None:
        if _rate_limited(request, "start"):
            return _too_many_starts(request)
        draft, token = services.start_draft()
    services.set_easy_read(draft=draft, easy_read=request.POST.get("mode") == "easy")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = reverse("feedback:step", kwargs={"slug": journey.FIRST_STEP.slug})
    return _set_draft_cookie(redirect(next_url), token)


@never_cache
@require_POST
def discard(request):
    """ "Delete my answers": for a shared device, or to start again."""
    draft = services.find_draft(_token_from(request))
    if draft is not None:
        services.discard_draft(draft=draft)
    response = render(request, "feedback/discarded.html")
    response.delete_cookie(DRAFT_COOKIE, samesite="Lax")
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def step(request, slug):
    # The CSRF middleware reads the body first, and a body too big to read would become a bare "Bad
    # Request" page there. So this view is exempt and checks CSRF itself (csrf_protect) on every
    # request except that one, which only shows the question again with a message and saves nothing.
    if post_too_big(request):
        return _step(request, slug)
    return _step_with_csrf_check(request, slug)


def _step(request, slug):
    step = journey.STEPS_BY_SLUG.get(slug)
    if step is None:
        raise Http404("No such question.")
    token = _token_from(request)
    draft = services.find_draft(token)
    if draft is not None and draft.submission_id:
        return redirect("feedback:thank_you")
    answers = draft.answers if draft else {}
    if not step.applies(answers):
        following = journey.next_step(answers, step, has_contact=bool(draft and draft.contact_encrypted))
        return redirect(_step_url(following))
    easy_read = bool(draft and draft.easy_read)
    changing = request.GET.get("change") == "1"

    if request.method != "POST":
        form = step.form_class(initial=_initial(step, draft), answers=answers, easy_read=easy_read)
        return _render_step(request, step, form, draft, token, changing=changing)

    if post_too_big(request):
        form = step.form_class(initial=_initial(step, draft), answers=answers, easy_read=easy_read)
        return _render_step(
            request,
            step,
            form,
            draft,
            token,
            changing=changing,
            problem=_("What you sent was too big for us to save. Your answers from before are still here."),
            status=413,
        )

    if draft is None:
        if _rate_limited(request, "start"):
            return _too_many_starts(request)
        draft, token = services.start_draft()
    if request.POST.get(HONEYPOT_FIELD):
        draft = services.add_spam_signal(draft=draft, signal="honeypot")

    form = step.form_class(request.POST, answers=draft.answers, easy_read=draft.easy_read)
    if not form.is_valid():
        typed = {name: form.data.get(name, "") for name in step.text_fields if name in form.data}
        if typed:
            draft = services.keep_unchecked_text(draft=draft, step=step, values=typed)
        return _set_draft_cookie(_render_step(request, step, form, draft, token, changing=changing), token)

    try:
        draft = services.save_answers(draft=draft, step=step, cleaned_data=form.cleaned_data)
    except services.DraftAlreadySent:
        return redirect("feedback:thank_you")
    has_contact = bool(draft.contact_encrypted)
    following = journey.next_step(draft.answers, step, has_contact=has_contact)
    if changing:
        following = journey.next_step(draft.answers, has_contact=has_contact)
    return _set_draft_cookie(redirect(_step_url(following)), token)


_step_with_csrf_check = csrf_protect(_step)


def _step_url(step):
    if step is None:
        return reverse("feedback:check")
    return reverse("feedback:step", kwargs={"slug": step.slug})


def _initial(step, draft):
    if draft is None:
        return {}
    if step.slug == journey.CONTACT_DETAILS:
        return services.contact_details_of(draft)
    initial = {name: draft.answers[name] for name in step.fields if name in draft.answers}
    # Text that did not pass its checks last time (too long) comes back so it can be shortened.
    initial.update({k: v for k, v in draft.answers.get("_unchecked", {}).items() if k in step.fields})
    return initial


def _step_kind(step):
    if step.slug == journey.CONTACT_DETAILS:
        return "contact"
    if step.text_fields:
        return "text"
    return "radios"


def _render_step(request, step, form, draft, token, *, changing=False, problem="", status=200):
    easy_read = bool(draft and draft.easy_read)
    answers = draft.answers if draft else {}
    previous = journey.previous_step(answers, step)
    if changing:
        back_url = reverse("feedback:check")
    elif previous is not None:
        back_url = _step_url(previous)
    else:
        back_url = reverse("feedback:start")
    steps = journey.applicable_steps(answers)
    position = next((index for index, each in enumerate(steps, start=1) if each.slug == step.slug), 1)
    context = {
        "step": step,
        "kind": _step_kind(step),
        "form": form,
        "error_links": error_links(form),
        "draft": draft,
        "draft_token": token,
        "easy_read": easy_read,
        "title": step.title(easy_read),
        "hint": step.hint_text(easy_read),
        "back_url": back_url,
        "changing": changing,
        "problem": problem,
        "position": position,
        "total": len(steps),
        "honeypot_field": HONEYPOT_FIELD if step is journey.FIRST_STEP else "",
        "options": selectors.options_for(step, form, easy_read=easy_read),
        "max_length": MAX_ANSWER_LENGTH,
    }
    return render(request, "feedback/step.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def check_answers(request):
    token = _token_from(request)
    draft = services.find_draft(token)
    if draft is None:
        if request.method == "POST":
            # A replayed or late "Send": the draft has gone, but its submission may exist.
            submission = Submission.objects.filter(draft_digest=services.digest(token)).first() if token else None
            if submission is not None:
                return _sent(redirect("feedback:thank_you"), submission)
        return render(request, "feedback/no_answers.html", status=404 if request.method == "POST" else 200)
    if draft.submission_id:
        return _sent(redirect("feedback:thank_you"), draft.submission)
    has_contact = bool(draft.contact_encrypted)
    missing = journey.next_step(draft.answers, has_contact=has_contact)
    if missing is not None:
        return redirect(_step_url(missing))

    if request.method == "POST":
        if request.POST.get(HONEYPOT_FIELD):
            draft = services.add_spam_signal(draft=draft, signal="honeypot")
        if _rate_limited(request, "submit"):
            return _too_many(
                request,
                message=_("Lots of feedback has been sent from your connection recently."),
                draft=draft,
                token=token,
            )
        submission, _created = services.submit(draft=draft, language=get_language() or "")
        response = _sent(redirect("feedback:thank_you"), submission)
        response.delete_cookie(DRAFT_COOKIE, samesite="Lax")
        return response

    context = {
        "draft": draft,
        "draft_token": token,
        "easy_read": draft.easy_read,
        "rows": selectors.answer_rows(draft),
        "honeypot_field": HONEYPOT_FIELD,
    }
    return _set_draft_cookie(render(request, "feedback/check_answers.html", context), token)


def _sent(response, submission):
    return set_cookie(response, SENT_COOKIE, str(submission.pk), salt=SENT_SALT, max_age=SENT_MAX_AGE)


def _submission_from_cookie(request, name, salt, max_age):
    try:
        pk = request.get_signed_cookie(name, salt=salt, max_age=max_age)
    except (KeyError, signing.BadSignature):
        return None
    return Submission.objects.select_related("service__organisation").filter(pk=pk).first()


@never_cache
@require_http_methods(["GET", "HEAD"])
def thank_you(request):
    submission = _submission_from_cookie(request, SENT_COOKIE, SENT_SALT, SENT_MAX_AGE)
    context = {
        "submission": submission,
        "easy_read": bool(submission and submission.easy_read),
        "contacts": CrisisContacts.shown_to(request),
    }
    return render(request, "feedback/thank_you.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def lookup(request):
    """ "Your feedback": type the reference code to see what happened to it."""
    error = ""
    typed = ""
    if request.method == "POST":
        typed = request.POST.get("reference", "")[:40]
        if _rate_limited(request, "lookup"):
            return _too_many(request, message=_("Lots of reference codes have been tried from your connection."))
        reference = services.normalise_reference(typed)
        if not reference:
            error = _("Enter your reference code. It is 8 letters and numbers, like 7K3M-Q9TX.")
        else:
            submission = Submission.objects.filter(reference=reference).first()
            if submission is None:
                error = _(
                    "We could not find feedback with that reference code. Check the code and try again. "
                    "It is 8 letters and numbers, like 7K3M-Q9TX."
                )
            else:
                response = redirect("feedback:status")
                return set_cookie(response, LOOKUP_COOKIE, str(submission.pk), salt=LOOKUP_SALT, max_age=LOOKUP_MAX_AGE)
    context = {"error": error, "typed": typed, "error_links": [("reference", error)] if error else []}
    return render(request, "feedback/lookup.html", context)


@never_cache
@require_http_methods(["GET", "HEAD"])
def status(request):
    submission = _submission_from_cookie(request, LOOKUP_COOKIE, LOOKUP_SALT, LOOKUP_MAX_AGE)
    if submission is None:
        return redirect("feedback:lookup")
    context = {
        "submission": submission,
        "stages": selectors.stages(submission),
        "actions": selectors.actions_for(submission),
    }
    return render(request, "feedback/status.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request):
    submission = _submission_from_cookie(request, LOOKUP_COOKIE, LOOKUP_SALT, LOOKUP_MAX_AGE)
    if submission is None:
        return redirect("feedback:lookup")
    if request.method == "POST":
        services.withdraw(submission=submission)
        response = render(request, "feedback/withdrawn.html", {"submission": submission})
        response.delete_cookie(LOOKUP_COOKIE, samesite="Lax")
        return response
    return render(request, "feedback/withdraw.html", {"submission": submission})
