"""The public "I'm interested" form for one study: start, one question per page, check your
answers, send, thank you. Withdrawing is in portal.research.withdrawal_views.

Built like the feedback journey (docs/adr/0011): the draft is found by a token in a cookie and in a
hidden field of every form, never by the session; every answer is saved (encrypted) as it is given;
sending twice sends once. Views are thin: find the study and the draft, check the form, call
portal.research.services.
"""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

# The feedback journey's helpers, so both journeys read big posts and link errors the same way.
from portal.core.journeys import error_links, post_too_big, set_cookie, token_from
from portal.feedback.selectors import Option, OptionGroup

from . import journey, services
from .choices import CommunicationNeed, ContactMethod, ScreeningAnswer, SupporterRelationship
from .forms import NO_NEEDS, OTHER_NEEDS_LENGTH
from .models import ExpressionOfInterest, StudyPage

DRAFT_COOKIE = "portal_research_draft"
SENT_COOKIE = "portal_research_sent"
SENT_SALT = "portal.research.sent"
# The thank-you page shows the reference code and withdrawal link for an hour: devices on wards
# are shared.
SENT_MAX_AGE = 60 * 60
HONEYPOT_FIELD = "website"


def rate_limited(request, group):
    return is_ratelimited(
        request,
        group=f"research.{group}",
        key="ip",
        rate=settings.RESEARCH_RATE_LIMITS[group],
        increment=True,
    )


def _study(study_id):
    study = StudyPage.objects.live().public().filter(pk=study_id).first()
    if study is None:
        raise Http404("No such study.")
    return study


def _token_from(request):
    return token_from(request, DRAFT_COOKIE)


def _set_draft_cookie(response, token):
    return set_cookie(response, DRAFT_COOKIE, token, max_age=settings.RESEARCH_DRAFT_DAYS * 24 * 60 * 60)


def too_many(request, *, message, study=None, draft=None, token=""):
    context = {"message": message, "study": study, "draft": draft, "draft_token": token}
    return render(request, "research/too_many.html", context, status=429)


def _too_many_starts(request, study):
    return too_many(request, message=_("Lots of people have started this form from your connection."), study=study)


def _closed(request, study):
    """The study stopped looking for people; any draft stays, in case it opens again."""
    return render(request, "research/closed.html", {"study": study, "index": study.get_parent()})


def _live_draft(token, study):
    draft = services.find_draft(token, study=study)
    return draft if draft is not None and not draft.expression_id else None


@never_cache
@require_http_methods(["GET", "HEAD"])
def start(request, study_id):
    study = _study(study_id)
    if not study.is_recruiting:
        return _closed(request, study)
    token = request.COOKIES.get(DRAFT_COOKIE, "")
    draft = _live_draft(token, study)
    answers = services.answers_of(draft) if draft else {}
    resume = journey.next_step(answers, study) if answers else None
    context = {
        "study": study,
        "draft": draft if answers else None,
        "draft_token": token,
        "resume_step": resume,
        "retention_days": settings.RESEARCH_CONTACT_DETAILS_DAYS,
        "has_questions": bool(study.questions),
    }
    return render(request, "research/start.html", context)


@never_cache
@require_POST
def begin(request, study_id):
    """ "Start now" or "Start in easy read": a new draft for this study."""
    study = _study(study_id)
    if not study.is_recruiting:
        return _closed(request, study)
    if rate_limited(request, "start"):
        return _too_many_starts(request, study)
    _draft, token = services.start_draft(study=study, easy_read=request.POST.get("mode") == "easy")
    return _set_draft_cookie(redirect(_step_url(study, journey.FIRST_STEP)), token)


@never_cache
@require_POST
def switch_mode(request, study_id):
    """Switch between standard and easy-read questions, keeping every answer."""
    study = _study(study_id)
    token = _token_from(request)
    draft = _live_draft(token, study)
    if draft is None:
        if rate_limited(request, "start"):
            return _too_many_starts(request, study)
        draft, token = services.start_draft(study=study)
    services.set_easy_read(draft=draft, easy_read=request.POST.get("mode") == "easy")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = _step_url(study, journey.FIRST_STEP)
    return _set_draft_cookie(redirect(next_url), token)


@never_cache
@require_POST
def discard(request, study_id):
    """ "Delete my answers": for a shared device, or to start again."""
    study = _study(study_id)
    draft = _live_draft(_token_from(request), study)
    if draft is not None:
        services.discard_draft(draft=draft)
    response = render(request, "research/discarded.html", {"study": study})
    response.delete_cookie(DRAFT_COOKIE, samesite="Lax")
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def step(request, study_id, slug):
    # As in the feedback journey: the CSRF middleware would turn a body too big to read into a bare
    # "Bad Request", so this view checks CSRF itself on every request except that one, which only
    # shows the question again with a message and saves nothing.
    if post_too_big(request):
        return _step(request, study_id, slug)
    return _step_with_csrf_check(request, study_id, slug)


def _step(request, study_id, slug):
    study = _study(study_id)
    step = journey.STEPS_BY_SLUG.get(slug)
    if step is None:
        raise Http404("No such question.")
    if not study.is_recruiting:
        return _closed(request, study)
    token = _token_from(request)
    draft = services.find_draft(token, study=study)
    if draft is not None and draft.expression_id:
        return _sent(redirect("research:thank_you"), request, draft.expression)
    answers = services.answers_of(draft) if draft else {}
    if not step.applies(study):
        return redirect(_step_url(study, journey.next_step(answers, study, step)))
    easy_read = bool(draft and draft.easy_read)
    changing = request.GET.get("change") == "1"
    form_options = {"study": study, "answers": answers, "easy_read": easy_read}

    if request.method != "POST" or post_too_big(request):
        initial = step.form_class.initial_from(answers, study)
        # Text that did not pass its checks last time comes back, so it can be put right.
        initial.update(answers.get("_unchecked", {}).get(step.slug, {}))
        form = step.form_class(initial=initial, **form_options)
        if request.method != "POST":
            return _render_step(request, study, step, form, draft, token, changing=changing)
        return _render_step(
            request,
            study,
            step,
            form,
            draft,
            token,
            changing=changing,
            problem=_("What you sent was too big for us to save. Your answers from before are still here."),
            status=413,
        )

    if draft is None:
        if rate_limited(request, "start"):
            return _too_many_starts(request, study)
        draft, token = services.start_draft(study=study)
    if request.POST.get(HONEYPOT_FIELD):
        draft = services.add_spam_signal(draft=draft, signal="honeypot")

    form = step.form_class(request.POST, **form_options)
    unchecked = dict(answers.get("_unchecked", {}))
    try:
        if not form.is_valid():
            typed = {name: form.data[name] for name in step.form_class.text_fields if name in form.data}
            if typed:
                draft = services.save_answers(draft=draft, values={"_unchecked": {**unchecked, step.slug: typed}})
            return _set_draft_cookie(_render_step(request, study, step, form, draft, token, changing=changing), token)
        unchecked.pop(step.slug, None)
        draft = services.save_answers(draft=draft, values={**form.values(), "_unchecked": unchecked})
    except services.DraftAlreadySent as sent:
        return _sent(redirect("research:thank_you"), request, sent.expression)
    answers = services.answers_of(draft)
    following = journey.next_step(answers, study, None if changing else step)
    return _set_draft_cookie(redirect(_step_url(study, following)), token)


_step_with_csrf_check = csrf_protect(_step)


def _step_url(study, step):
    if step is None:
        return reverse("research:check", kwargs={"study_id": study.pk})
    return reverse("research:step", kwargs={"study_id": study.pk, "slug": step.slug})


def _options(choices, pictures=None):
    """Radio or checkbox options as the feedback journey's radios include expects them."""
    return [
        Option(str(value), str(label), picture=(pictures or {}).get(value, ""), number=number)
        for number, (value, label) in enumerate(choices, start=1)
    ]


def _render_step(request, study, step, form, draft, token, *, changing=False, problem="", status=200):
    easy_read = bool(draft and draft.easy_read)
    previous = journey.previous_step(study, step)
    if changing:
        back_url = reverse("research:check", kwargs={"study_id": study.pk})
    elif previous is not None:
        back_url = _step_url(study, previous)
    else:
        back_url = reverse("research:start", kwargs={"study_id": study.pk})
    steps = journey.applicable_steps(study)
    position = next((index for index, each in enumerate(steps, start=1) if each.slug == step.slug), 1)
    context = {
        "study": study,
        "step": step,
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
        "retention_days": settings.RESEARCH_CONTACT_DETAILS_DAYS,
    }
    if step.slug == journey.CONTACT:
        pictures = step.easy_pictures if easy_read else {}
        context["methods"] = _options(ContactMethod.choices, pictures)
        context["relationships"] = [OptionGroup("", _options(SupporterRelationship.choices))]
    elif step.slug == journey.NEEDS:
        context["needs"] = _options(CommunicationNeed.choices)
        context["no_needs"] = NO_NEEDS
        context["no_needs_number"] = len(CommunicationNeed.choices) + 1
        context["interpreter"] = CommunicationNeed.INTERPRETER
        context["max_length"] = OTHER_NEEDS_LENGTH
    elif step.slug == journey.SCREENING:
        context["questions"] = [
            (form[name], [OptionGroup("", _options(ScreeningAnswer.choices))]) for name in form.fields
        ]
    return render(request, f"research/steps/{step.slug}.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def check_answers(request, study_id):
    study = _study(study_id)
    token = _token_from(request)
    draft = services.find_draft(token, study=study)
    if draft is None:
        if request.method == "POST" and token:
            # A replayed or late "Send": the draft has gone, but its expression of interest may exist.
            expression = ExpressionOfInterest.objects.filter(draft_digest=services.digest(token)).first()
            if expression is not None:
                return _sent(redirect("research:thank_you"), request, expression)
        status = 404 if request.method == "POST" else 200
        return render(
            request,
            "research/no_answers.html",
            {"study": study, "draft_days": settings.RESEARCH_DRAFT_DAYS},
            status=status,
        )
    if draft.expression_id:
        return _sent(redirect("research:thank_you"), request, draft.expression)
    if not study.is_recruiting:
        return _closed(request, study)
    answers = services.answers_of(draft)
    missing = journey.next_step(answers, study)
    if missing is not None:
        return redirect(_step_url(study, missing))

    if request.method == "POST":
        if request.POST.get(HONEYPOT_FIELD):
            draft = services.add_spam_signal(draft=draft, signal="honeypot")
        if rate_limited(request, "submit"):
            return too_many(
                request,
                message=_("Lots of forms have been sent from your connection recently."),
                study=study,
                draft=draft,
                token=token,
            )
        try:
            expression, withdraw_token, _created = services.send(
                draft=draft,
                answers=journey.expression_answers(answers, study),
                consent_future_studies=bool(answers.get("consent_future_studies")),
                language=get_language() or "",
            )
        except services.StudyNotRecruiting:
            return _closed(request, study)
        response = _sent(redirect("research:thank_you"), request, expression, withdraw_token)
        response.delete_cookie(DRAFT_COOKIE, samesite="Lax")
        return response

    context = {
        "study": study,
        "draft": draft,
        "draft_token": token,
        "easy_read": draft.easy_read,
        "rows": journey.answer_rows(study, answers),
        "honeypot_field": HONEYPOT_FIELD,
    }
    return _set_draft_cookie(render(request, "research/check_answers.html", context), token)


def _sent(response, request, expression, withdraw_token=""):
    """Remember what was sent for the thank-you page, in a signed cookie that lasts an hour.

    The withdrawal token is given only once, when the expression is made: a replayed send keeps
    the cookie of the first one, so the link is not lost from this browser.
    """
    if not withdraw_token:
        remembered = _sent_from_cookie(request)
        if remembered is not None and remembered[0] == str(expression.pk):
            return response
    return set_cookie(response, SENT_COOKIE, f"{expression.pk}:{withdraw_token}", salt=SENT_SALT, max_age=SENT_MAX_AGE)


def _sent_from_cookie(request):
    try:
        value = request.get_signed_cookie(SENT_COOKIE, salt=SENT_SALT, max_age=SENT_MAX_AGE)
    except (KeyError, signing.BadSignature):
        return None
    pk, _sep, token = value.partition(":")
    return pk, token


@never_cache
@require_http_methods(["GET", "HEAD"])
def thank_you(request):
    remembered = _sent_from_cookie(request)
    expression = None
    withdraw_url = ""
    if remembered is not None and remembered[0].isdigit():
        expression = ExpressionOfInterest.objects.select_related("study").filter(pk=remembered[0]).first()
    answers = services.answers_of(expression) if expression else {}
    if expression is not None and remembered[1]:
        link = reverse("research:withdraw_by_link") + "?" + urlencode({"token": remembered[1]})
        withdraw_url = request.build_absolute_uri(link)
    method = answers.get("method")
    emailed = (method == ContactMethod.EMAIL and answers.get("email")) or (
        method == ContactMethod.SUPPORTER and answers.get("supporter_email")
    )
    context = {
        "expression": expression,
        "study": expression.study if expression else None,
        "easy_read": bool(expression and expression.easy_read),
        "withdraw_url": withdraw_url,
        "emailed": bool(emailed),
        "through_supporter": method == ContactMethod.SUPPORTER,
    }
    return render(request, "research/thank_you.html", context)
