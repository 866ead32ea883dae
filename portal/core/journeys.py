"""What the public journeys share (the feedback journey and "I'm interested"): the draft token in a
cookie and a hidden field, our cookie settings, oversized posts, and error-summary links.

See docs/adr/0011 for why drafts are found by a token rather than the session.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.forms import RadioSelect
from django.utils.functional import Promise


def post_too_big(request):
    """Whether this POST's body is over DATA_UPLOAD_MAX_MEMORY_SIZE.

    The answer is kept on the request: a multipart body is a stream, and reading it a second time
    after the error sees an empty form instead of failing again (which would save "" over an answer).
    """
    if request.method != "POST":
        return False
    if not hasattr(request, "_portal_post_too_big"):
        try:
            request.POST  # noqa: B018 - reading it is what raises RequestDataTooBig
            request._portal_post_too_big = False
        except RequestDataTooBig:
            request._portal_post_too_big = True
    return request._portal_post_too_big


def token_from(request, cookie):
    """The draft token: the form's hidden field first (it survives a lost cookie), else the cookie."""
    if request.method == "POST" and not post_too_big(request):
        posted = request.POST.get("draft_token", "")
        if posted:
            return posted
    return request.COOKIES.get(cookie, "")


def set_cookie(response, name, value, *, max_age, salt=None):
    """Our cookies are for this site's pages only: never read by scripts, sent on top-level links."""
    options = {"max_age": max_age, "secure": settings.SESSION_COOKIE_SECURE, "httponly": True, "samesite": "Lax"}
    if salt is None:
        response.set_cookie(name, value, **options)
    else:
        response.set_signed_cookie(name, value, salt=salt, **options)
    return response


def error_links(form):
    """(anchor, message) for the error summary: radios link to their first option."""
    links = []
    for name, errors in form.errors.items():
        if name not in form.fields:
            links.extend(("", error) for error in errors)
            continue
        field = form[name]
        anchor = f"{field.auto_id}-1" if isinstance(field.field.widget, RadioSelect) else field.auto_id
        links.extend((anchor, error) for error in errors)
    return links


def next_unanswered(steps, answered, after=None):
    """The first step not `answered(step)` after `after` (or from the start), then from the start
    again: a changed answer can open an earlier question. None when every step is answered."""
    start = 0
    if after is not None:
        slugs = [step.slug for step in steps]
        start = slugs.index(after.slug) + 1 if after.slug in slugs else 0
    for step in steps[start:] + steps[:start]:
        if not answered(step):
            return step
    return None


def step_before(steps, step):
    """The step before `step` among `steps`, or None for the first (or one that does not apply)."""
    slugs = [each.slug for each in steps]
    if step.slug not in slugs:
        return None
    position = slugs.index(step.slug)
    return steps[position - 1] if position > 0 else None


@dataclass(frozen=True)
class Question:
    """One page of a public journey: its question in standard words and in easy read (with a
    picture), and the form that checks the answer. Each journey adds when a step applies."""

    slug: str
    form_class: type
    question: Promise
    easy_question: Promise
    picture: str
    hint: Promise | str = ""
    easy_hint: Promise | str = ""
    # The short label on "check your answers".
    summary_label: Promise | str = ""
    # Choices shown with a picture each in easy read (value -> picture file).
    easy_pictures: dict = field(default_factory=dict)

    def title(self, easy_read):
        return self.easy_question if easy_read else self.question

    def hint_text(self, easy_read):
        return self.easy_hint if easy_read else self.hint
