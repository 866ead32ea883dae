"""The public feedback journey over HTTP, as the people who give feedback use it.

Every test drives the real pages with the test client (cookies, hidden fields, redirects) and checks
what the person sees and what ends up in the database. Drafts are only made with the factories where
the way the answers got there is not what the test is about.
"""

import html
import json
import re
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_ratelimit import core as ratelimit_core

from portal.core.crypto import decrypt_text
from portal.core.models import AuditEvent
from portal.feedback import factories, services
from portal.feedback.factories import OrganisationFactory, ServiceFactory, complete_draft
from portal.feedback.models import ContactDetails, Draft, Submission

pytestmark = pytest.mark.django_db

DRAFT_COOKIE = "portal_feedback_draft"
START_URL = "/feedback/"
BEGIN_URL = "/feedback/start/"
SWITCH_URL = "/feedback/switch/"
CHECK_URL = "/feedback/check-your-answers/"
THANK_YOU_URL = "/feedback/thank-you/"
LOOKUP_URL = "/feedback/your-feedback/"
REFERENCE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")

WHAT_WAS_GOOD = 'Tea & toast <3 and "proper" biscuits\nThe night staff listened.'
URDU = "عملہ بہت مہربان تھا"
ARABIC = "كان الطاقم لطيفا جدا"
EMOJI = "Thank you 🙏🏽 from all of us 👨‍👩‍👧 🏴󠁧󠁢󠁥󠁮󠁧󠁿"
CONTACT = {"name": "Amina Khan", "method": "email", "email": "amina.khan@example.org", "phone": "07700 900982"}
RISKY = "I don't feel safe on the ward and want to end my life"


def url(slug):
    return f"/feedback/{slug}/"


def patient_steps(service):
    return [
        ("who", {"respondent": "patient_now"}),
        ("service", {"service": str(service.pk)}),
        ("when", {"when": "3m"}),
        ("overall", {"overall": "good"}),
        ("what-was-good", {"what_was_good": "The night staff listened to me."}),
        ("what-could-be-better", {"what_could_be_better": "More to do at weekends."}),
        ("about-you", {"about_you": "no"}),
        ("share", {"consent_to_share": "yes"}),
        ("contact", {"consent_to_contact": "no"}),
    ]


def carer_steps(service):
    return [
        ("who", {"respondent": "carer"}),
        ("service", {"service": str(service.pk)}),
        ("when", {"when": "12m"}),
        ("overall", {"overall": "poor"}),
        ("what-was-good", {"what_was_good": WHAT_WAS_GOOD}),
        ("what-could-be-better", {"what_could_be_better": "Tell families about visiting times."}),
        ("about-you", {"about_you": "yes"}),
        ("ethnic-group", {"ethnic_group": "asian"}),
        ("ethnic-background", {"ethnic_background": "asian_pakistani"}),
        ("learning-disability", {"learning_disability": "no"}),
        ("autism", {"autism": "not_sure"}),
        ("age", {"age_band": "45_54"}),
        ("gender", {"gender": "woman"}),
        ("religion", {"religion": "muslim"}),
        ("share", {"consent_to_share": "no"}),
        ("contact", {"consent_to_contact": "yes"}),
        ("contact-details", CONTACT),
    ]


def begin(client, mode="standard", **extra):
    response = client.post(BEGIN_URL, {"mode": mode}, **extra)
    assert (response.status_code, response["Location"]) == (302, url("who"))
    return response


def walk(client, steps, then=CHECK_URL):
    """Open and answer each (slug, answers) in turn: every page shows, and each answer leads to the next."""
    for position, (slug, answers) in enumerate(steps):
        page = client.get(url(slug))
        assert page.status_code == 200, slug
        response = client.post(url(slug), answers)
        following = url(steps[position + 1][0]) if position + 1 < len(steps) else then
        assert (response.status_code, response.get("Location")) == (302, following), slug


def token_of(client):
    return client.cookies[DRAFT_COOKIE].value


def draft_of(token):
    return Draft.objects.get(token_digest=services.digest(token))


def answered(client, **answers):
    """A draft with every question answered (the factories' answers, with these), open in client. Returns its token."""
    _draft, token = complete_draft(**answers)
    client.cookies[DRAFT_COOKIE] = token
    return token


def send(client, token, **extra):
    response = client.post(CHECK_URL, {"draft_token": token}, **extra)
    assert (response.status_code, response["Location"]) == (302, THANK_YOU_URL)
    return response


def text(response):
    return response.content.decode()


def textarea(response, name):
    """Exactly what the textarea holds, as the browser would read it."""
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', text(response), re.DOTALL)
    assert match, f"no textarea {name}"
    return html.unescape(match.group(1))


def csrf_token_in(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(response)).group(1)


def raw(sql, pk):
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        return cursor.fetchone()[0]


@pytest.fixture(autouse=True)
def _no_minimum_time(settings):
    # Tests answer in milliseconds; only the "too_fast" test puts the minimum back.
    settings.FEEDBACK_MIN_SECONDS = 0


@pytest.fixture
def service():
    return ServiceFactory(name="Willow Ward", organisation=OrganisationFactory(name="Northshire NHS Trust"))


# 1. The whole journey ---------------------------------------------------------------------------


def test_a_patient_goes_from_start_to_thank_you(client, service):
    assert client.get(START_URL).status_code == 200
    begin(client)
    walk(client, patient_steps(service))
    token = token_of(client)

    check = client.get(CHECK_URL)
    assert check.status_code == 200
    assert "I am a patient now" in text(check)
    assert "Willow Ward, Northshire NHS Trust" in text(check)
    send(client, token)

    submission = Submission.objects.get()
    assert submission.respondent == "patient_now"
    assert submission.service == service
    assert (submission.when, submission.overall) == ("3m", "good")
    assert submission.what_was_good == "The night staff listened to me."
    assert submission.what_could_be_better == "More to do at weekends."
    assert submission.ethnic_group == submission.religion == submission.gender == ""
    assert (submission.consent_to_share, submission.consent_to_contact) == (True, False)
    assert (submission.easy_read, submission.suggested_risk, submission.spam_signals) == (False, False, [])
    assert submission.language == "en-gb"
    assert not ContactDetails.objects.exists()
    # The draft keeps nothing the person wrote once it has been sent.
    assert draft_of(token).answers == {}
    assert draft_of(token).submission == submission

    thank_you = client.get(THANK_YOU_URL)
    assert thank_you.status_code == 200
    assert REFERENCE.findall(text(thank_you)) == [submission.formatted_reference]
    assert AuditEvent.objects.filter(action="feedback.submitted", object_id=str(submission.pk)).count() == 1


def test_a_carer_answers_the_questions_about_them_and_asks_to_be_contacted(client, service):
    begin(client)
    walk(client, carer_steps(service))
    token = token_of(client)

    # Contact details are encrypted from the moment they arrive.
    draft = draft_of(token)
    stored = raw("SELECT contact_encrypted FROM feedback_draft WHERE id = %s", draft.pk)
    for secret in ("amina.khan@example.org", "Amina Khan", "07700 900982", "07700900982", "amina"):
        assert secret not in stored
    assert json.loads(decrypt_text(stored))["email"] == "amina.khan@example.org"

    check = text(client.get(CHECK_URL))
    for shown in ("I am a family member or carer", "Pakistani", "I’m not sure", "45 to 54", "Woman", "Muslim"):
        assert shown in check
    assert "Amina Khan<br>Email<br>amina.khan@example.org" in check
    # What they typed is shown as text, never as markup.
    assert "Tea &amp; toast &lt;3 and &quot;proper&quot; biscuits<br>The night staff listened." in check
    for slug, _answers in carer_steps(service):
        assert f'href="{url(slug)}?change=1"' in check

    send(client, token)

    submission = Submission.objects.get()
    assert submission.respondent == "carer"
    assert submission.what_was_good == WHAT_WAS_GOOD
    assert (submission.ethnic_group, submission.ethnic_background) == ("asian", "asian_pakistani")
    assert (submission.learning_disability, submission.autism) == ("no", "not_sure")
    assert (submission.age_band, submission.gender, submission.religion) == ("45_54", "woman", "muslim")
    assert (submission.consent_to_share, submission.consent_to_contact) == (False, True)

    details = ContactDetails.objects.get(submission=submission)
    stored = raw("SELECT encrypted FROM feedback_contactdetails WHERE id = %s", details.pk)
    for secret in ("amina.khan@example.org", "Amina Khan", "07700 900982", "07700900982", "amina"):
        assert secret not in stored
    assert json.loads(decrypt_text(stored)) == CONTACT
    assert raw("SELECT contact_encrypted FROM feedback_draft WHERE id = %s", draft.pk) == ""

    thank_you = text(client.get(THANK_YOU_URL))
    assert submission.formatted_reference in thank_you
    assert "You asked us to contact you." in thank_you
    assert AuditEvent.objects.filter(action="feedback.submitted", object_id=str(submission.pk)).exists()


def test_change_links_go_back_to_check_your_answers(client, service):
    begin(client)
    walk(client, patient_steps(service))

    page = text(client.get(url("when") + "?change=1"))
    assert f'<a class="nhsuk-back-link" href="{CHECK_URL}">' in page
    assert f'action="{url("when")}?change=1"' in page
    assert "Save and go back to your answers" in page
    response = client.post(url("when") + "?change=1", {"when": "longer"})
    assert (response.status_code, response["Location"]) == (302, CHECK_URL)
    assert "More than a year ago" in text(client.get(CHECK_URL))


# 2. Questions that stop applying ----------------------------------------------------------------


def test_answering_no_to_about_you_after_answering_keeps_the_answers_out_of_the_submission(client, service):
    begin(client)
    walk(client, carer_steps(service))
    token = token_of(client)

    response = client.post(url("about-you") + "?change=1", {"about_you": "no"})
    assert (response.status_code, response["Location"]) == (302, CHECK_URL)
    check = text(client.get(CHECK_URL))
    assert "Ethnic group" not in check
    assert "Muslim" not in check
    send(client, token)

    submission = Submission.objects.get()
    equality = ("ethnic_group", "ethnic_background", "learning_disability", "autism", "age_band", "gender", "religion")
    assert {name: getattr(submission, name) for name in equality} == dict.fromkeys(equality, "")


def test_changing_about_you_to_yes_asks_the_questions_about_you_next(client, service):
    begin(client)
    walk(client, patient_steps(service))

    response = client.post(url("about-you") + "?change=1", {"about_you": "yes"})

    assert response["Location"] == url("ethnic-group")
    assert client.get(CHECK_URL)["Location"] == url("ethnic-group")


def test_prefer_not_to_say_an_ethnic_group_skips_the_background_question(client, service):
    begin(client)
    steps = [step for step in carer_steps(service) if step[0] != "ethnic-background"]
    steps[7] = ("ethnic-group", {"ethnic_group": "prefer_not"})
    walk(client, steps)

    # walk() saw "prefer not to say" lead straight to the learning disability question.
    assert client.get(url("ethnic-background")).status_code == 302
    assert "Background" not in text(client.get(CHECK_URL))
    send(client, token_of(client))
    submission = Submission.objects.get()
    assert (submission.ethnic_group, submission.ethnic_background) == ("prefer_not", "")


# 3. Nothing is lost ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "over"),
    [
        pytest.param("x" * 5_001, "1 character", id="one over"),
        pytest.param(("Staff were kind 😀 " * 400)[:5_999] + "😀", "1,000 characters", id="6,000 with emoji"),
    ],
)
def test_a_too_long_answer_is_kept_and_can_be_shortened(client, typed, over):
    begin(client)
    client.post(url("who"), {"respondent": "patient_now"})
    token = token_of(client)

    response = client.post(url("what-was-good"), {"what_was_good": typed})

    assert response.status_code == 200
    page = text(response)
    message = f"Your answer is {over} too long. Make it 5,000 characters or fewer. We have kept what you wrote."
    assert 'class="nhsuk-error-summary"' in page
    assert f'<a href="#id_what_was_good">{message}</a>' in page
    assert '<span class="nhsuk-error-message" id="id_what_was_good-error">' in page
    assert page.count(message) == 2
    assert textarea(response, "what_was_good") == typed
    answers = draft_of(token).answers
    assert answers["_unchecked"]["what_was_good"] == typed
    assert "what_was_good" not in answers

    shortened = typed[:4_000].strip()
    response = client.post(url("what-was-good"), {"what_was_good": shortened})
    assert (response.status_code, response["Location"]) == (302, url("what-could-be-better"))
    assert draft_of(token).answers["what_was_good"] == shortened
    # Coming back to the question shows what was saved, not the earlier text that was too long.
    assert textarea(client.get(url("what-was-good")), "what_was_good") == shortened


def test_losing_the_session_does_not_lose_the_draft(client, service):
    begin(client)
    walk(client, patient_steps(service)[:4], then=url("what-was-good"))
    token = token_of(client)
    client.cookies.pop("sessionid", None)

    walk(client, patient_steps(service)[4:])
    assert client.get(CHECK_URL).status_code == 200

    # A new browser with only the draft cookie sees the same answers.
    other = Client()
    other.cookies[DRAFT_COOKIE] = token
    check = other.get(CHECK_URL)
    assert check.status_code == 200
    assert "The night staff listened to me." in text(check)


def test_the_posted_draft_token_alone_finds_the_draft(client, service):
    begin(client)
    walk(client, patient_steps(service)[:5], then=url("what-could-be-better"))
    token = token_of(client)

    other = Client()
    response = other.post(
        url("what-could-be-better"), {"what_could_be_better": "Quieter nights.", "draft_token": token}
    )

    assert (response.status_code, response["Location"]) == (302, url("about-you"))
    assert other.cookies[DRAFT_COOKIE].value == token
    assert Draft.objects.count() == 1
    assert draft_of(token).answers["what_could_be_better"] == "Quieter nights."
    assert draft_of(token).answers["what_was_good"] == "The night staff listened to me."


def test_answering_a_question_with_no_draft_starts_one(client):
    response = client.post(url("who"), {"respondent": "carer"})

    assert (response.status_code, response["Location"]) == (302, url("service"))
    assert draft_of(token_of(client)).answers == {"respondent": "carer"}


# 4. Bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("who", "Choose the answer that describes you best."),
        ("service", "Choose a service, or choose “I’d rather not say”."),
        ("overall", "Choose how your experience was overall, or “Don’t know”."),
        ("about-you", "Choose “Yes” to answer questions about you, or “No” to skip them."),
    ],
)
def test_an_unanswered_question_gets_a_kind_message_and_saves_nothing(client, slug, message):
    begin(client)
    token = token_of(client)

    response = client.post(url(slug), {"draft_token": token})

    assert response.status_code == 200
    page = text(response)
    assert 'class="nhsuk-error-summary"' in page
    assert page.count(message) == 2  # in the summary and beside the question
    assert "<title>Error:" in page
    assert draft_of(token).answers == {}


def test_tampered_choices_are_refused(client, service):
    inactive_service = ServiceFactory(is_active=False)
    closed = ServiceFactory(organisation=OrganisationFactory(is_active=False))
    begin(client)
    token = token_of(client)
    tampered = [
        ("who", {"respondent": "admin"}, "Choose one of the answers on the page."),
        ("service", {"service": "999999"}, "Choose one of the services on the page"),
        ("service", {"service": str(inactive_service.pk)}, "Choose one of the services on the page"),
        ("service", {"service": str(closed.pk)}, "Choose one of the services on the page"),
        ("service", {"service": "1 OR 1=1"}, "Choose one of the services on the page"),
        ("overall", {"overall": "<script>"}, "Choose one of the answers on the page."),
    ]
    for slug, answers, message in tampered:
        response = client.post(url(slug), answers)
        assert response.status_code == 200, answers
        assert message in text(response), answers
    assert draft_of(token).answers == {}


def test_a_background_from_another_ethnic_group_is_refused(client):
    begin(client)
    client.post(url("about-you"), {"about_you": "yes"})
    client.post(url("ethnic-group"), {"ethnic_group": "asian"})

    page = client.get(url("ethnic-background"))
    assert "Pakistani" in text(page)
    assert "Irish" not in text(page)
    response = client.post(url("ethnic-background"), {"ethnic_background": "white_irish"})
    assert response.status_code == 200
    assert "Choose one of the answers on the page." in text(response)
    assert "ethnic_background" not in draft_of(token_of(client)).answers


def test_markup_is_removed_and_never_shown_as_html(client):
    token = answered(client)

    response = client.post(url("what-was-good"), {"what_was_good": "<script>alert(1)</script>Hello <b>there</b>"})
    client.post(url("what-could-be-better"), {"what_could_be_better": "a\u200bb\x00c\u202e"})

    assert response.status_code == 302
    check = text(client.get(CHECK_URL))
    assert "<script>" not in check
    assert "alert(1)" not in check
    assert "Hello there" in check
    send(client, token)
    submission = Submission.objects.get()
    assert (submission.what_was_good, submission.what_could_be_better) == ("Hello there", "abc")


def test_emoji_urdu_and_arabic_are_kept_exactly(client):
    token = answered(client, respondent="patient_before")

    client.post(url("what-was-good"), {"what_was_good": f"{URDU}\n{EMOJI}"})
    client.post(url("what-could-be-better"), {"what_could_be_better": ARABIC})
    check = text(client.get(CHECK_URL))
    assert URDU in check
    assert EMOJI in check
    assert ARABIC in check
    send(client, token)

    submission = Submission.objects.get()
    assert submission.what_was_good == f"{URDU}\n{EMOJI}"
    assert submission.what_could_be_better == ARABIC


@pytest.mark.parametrize("encoding", ["urlencoded", "multipart"])
def test_a_post_too_big_to_read_says_so_and_keeps_the_earlier_answer(settings, encoding):
    # CSRF checks on, as in production: the check reads the body too, and must not turn this into a bare 400.
    client = Client(enforce_csrf_checks=True)
    csrf = csrf_token_in(client.get(START_URL))
    client.post(BEGIN_URL, {"mode": "standard", "csrfmiddlewaretoken": csrf})
    client.post(url("what-was-good"), {"what_was_good": "Kind nurses.", "csrfmiddlewaretoken": csrf})
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000

    answers = {"csrfmiddlewaretoken": csrf, "draft_token": token_of(client), "what_was_good": "y" * 5_000}
    if encoding == "urlencoded":
        # What a browser sends for a form without an enctype.
        response = client.post(
            url("what-was-good"), urlencode(answers), content_type="application/x-www-form-urlencoded"
        )
    else:
        response = client.post(url("what-was-good"), answers)

    assert response.status_code == 413
    assert "What you sent was too big for us to save. Your answers from before are still here." in text(response)
    assert 'class="nhsuk-header' in text(response)
    assert textarea(response, "what_was_good") == "Kind nurses."
    assert draft_of(token_of(client)).answers["what_was_good"] == "Kind nurses."


def test_answering_a_question_still_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    csrf = csrf_token_in(client.get(START_URL))
    client.post(BEGIN_URL, {"mode": "standard", "csrfmiddlewaretoken": csrf})

    refused = client.post(url("who"), {"respondent": "carer"})
    accepted = client.post(url("who"), {"respondent": "patient_now", "csrfmiddlewaretoken": csrf})

    assert refused.status_code == 403
    assert accepted.status_code == 302
    assert draft_of(token_of(client)).answers == {"respondent": "patient_now"}


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"method": "email"}, "Enter your email address, or choose another way to contact you."),
        ({"method": "email", "email": "amina@"}, "Enter an email address like name@example.com."),
        ({"method": "phone"}, "Enter your phone number, or choose another way to contact you."),
        ({"method": "text", "phone": "call me"}, "Enter a phone number with 10 or 11 digits"),
        ({"method": "phone", "phone": "0770"}, "Enter a phone number with 10 or 11 digits"),
        ({"email": "amina@example.org"}, "Choose how we should contact you."),
    ],
)
def test_contact_details_that_cannot_be_used_get_a_clear_message(client, answers, message):
    token = answered(client, consent_to_contact="yes")

    response = client.post(url("contact-details"), answers)

    assert response.status_code == 200
    assert message in text(response)
    assert draft_of(token).contact_encrypted == ""


# 5. Replays and double submits -------------------------------------------------------------------


def test_sending_twice_makes_one_submission(client):
    token = answered(client)

    send(client, token)
    first = text(client.get(THANK_YOU_URL))
    send(client, token)

    submission = Submission.objects.get()
    assert submission.formatted_reference in first
    assert submission.formatted_reference in text(client.get(THANK_YOU_URL))
    assert AuditEvent.objects.filter(action="feedback.submitted").count() == 1


def test_a_replayed_send_from_another_browser_finds_the_same_submission(client):
    token = answered(client)
    send(client, token)
    submission = Submission.objects.get()

    replay = Client()
    send(replay, token)
    assert submission.formatted_reference in text(replay.get(THANK_YOU_URL))

    # Even once the draft itself has been purged.
    Draft.objects.all().delete()
    late = Client()
    send(late, token)
    assert submission.formatted_reference in text(late.get(THANK_YOU_URL))
    assert Submission.objects.count() == 1


def test_answering_a_question_after_sending_changes_nothing(client):
    token = answered(client)
    send(client, token)

    response = client.post(url("what-was-good"), {"what_was_good": "Changed my mind.", "draft_token": token})

    assert (response.status_code, response["Location"]) == (302, THANK_YOU_URL)
    assert Submission.objects.get().what_was_good == "The staff listened to me."
    assert draft_of(token).answers == {}


def test_check_your_answers_sends_people_to_the_first_question_they_have_not_answered(client):
    begin(client)
    assert client.get(CHECK_URL)["Location"] == url("who")

    client.post(url("who"), {"respondent": "staff"})
    client.post(url("when"), {"when": "now"})
    assert client.get(CHECK_URL)["Location"] == url("service")
    response = client.post(CHECK_URL, {"draft_token": token_of(client)})
    assert response["Location"] == url("service")
    assert not Submission.objects.exists()


def test_sending_unknown_answers_says_they_could_not_be_found(client):
    response = client.post(CHECK_URL, {"draft_token": "not-a-real-token"})

    assert response.status_code == 404
    assert "We could not find your answers" in text(response)
    assert not Submission.objects.exists()


# 6. Spam signals ---------------------------------------------------------------------------------


def test_a_filled_honeypot_on_the_first_question_is_kept_with_a_signal(client, service):
    begin(client)
    assert 'name="website"' in text(client.get(url("who")))
    steps = patient_steps(service)
    steps[0] = ("who", {"respondent": "other", "website": "http://spam.example"})
    walk(client, steps)
    send(client, token_of(client))

    submission = Submission.objects.get()
    assert submission.spam_signals == ["honeypot"]
    assert submission.what_was_good == "The night staff listened to me."


def test_a_filled_honeypot_on_check_your_answers_is_kept_with_a_signal(client):
    token = answered(client)

    response = client.post(CHECK_URL, {"draft_token": token, "website": "http://spam.example"})

    assert response["Location"] == THANK_YOU_URL
    assert Submission.objects.get().spam_signals == ["honeypot"]


def test_sending_sooner_than_a_person_could_is_kept_with_a_signal(client, settings):
    settings.FEEDBACK_MIN_SECONDS = 3_600
    token = answered(client)

    send(client, token)

    assert Submission.objects.get().spam_signals == ["too_fast"]


# 7. Rate limits ----------------------------------------------------------------------------------


@pytest.fixture
def tight_limits(settings, monkeypatch):
    settings.FEEDBACK_RATE_LIMITS = {"start": "2/m", "submit": "1/m", "lookup": "2/m"}
    # One fixed moment for django-ratelimit, so a window cannot end between two requests of a test.
    monkeypatch.setattr(ratelimit_core, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))


def test_starting_too_often_from_one_address_is_paused(client, tight_limits):
    begin(client)
    begin(client)

    response = client.post(BEGIN_URL, {"mode": "standard"})

    assert response.status_code == 429
    assert "Please wait a few minutes" in text(response)
    assert Draft.objects.count() == 2
    begin(client, REMOTE_ADDR="203.0.113.7")


def test_sending_too_often_from_one_address_keeps_the_answers(client, tight_limits):
    _first, first_token = complete_draft()
    _second, second_token = complete_draft(what_was_good="Second person's words.")
    send(client, first_token)

    response = client.post(CHECK_URL, {"draft_token": second_token})

    assert response.status_code == 429
    assert "Your answers are saved." in text(response)
    second = draft_of(second_token)
    assert second.submission_id is None
    assert second.answers["what_was_good"] == "Second person's words."
    assert Submission.objects.count() == 1
    send(Client(), second_token, REMOTE_ADDR="203.0.113.7")
    assert Submission.objects.count() == 2


def test_trying_reference_codes_too_often_is_paused(client, tight_limits):
    for _attempt in range(2):
        assert "We could not find feedback" in text(client.post(LOOKUP_URL, {"reference": "AAAA-AAAA"}))

    response = client.post(LOOKUP_URL, {"reference": "AAAA-AAAB"})

    assert response.status_code == 429
    assert "Please wait a few minutes" in text(response)
    assert client.post(LOOKUP_URL, {"reference": "AAAA-AAAB"}, REMOTE_ADDR="203.0.113.7").status_code == 200


# 8. Thank you ------------------------------------------------------------------------------------


def test_thank_you_puts_crisis_help_first_when_the_words_suggest_risk(client):
    token = answered(client, what_could_be_better=RISKY)

    send(client, token)
    page = text(client.get(THANK_YOU_URL))

    assert Submission.objects.get().suggested_risk is True
    assert "In an emergency</span></h2>" in page
    assert page.index("nhsuk-card--care--emergency") < page.index('class="portal-reference"')


def test_thank_you_shows_the_ordinary_inset_otherwise(client):
    token = answered(client)

    send(client, token)
    page = text(client.get(THANK_YOU_URL))

    assert Submission.objects.get().suggested_risk is False
    assert "nhsuk-card--care" not in page
    assert '<h1 class="nhsuk-panel__title">Thank you for your feedback</h1>' in page
    assert page.index('class="portal-reference"') < page.index('<div class="nhsuk-inset-text">')


@pytest.mark.parametrize("cookie", [None, "1", "1:forged:signature"])
def test_thank_you_without_a_valid_cookie_shows_no_reference(client, cookie):
    factories.submission()
    if cookie is not None:
        client.cookies["portal_feedback_sent"] = cookie

    response = client.get(THANK_YOU_URL)

    assert response.status_code == 200
    assert "Your feedback has been sent." in text(response)
    assert not REFERENCE.search(text(response))


# 9. Query budgets --------------------------------------------------------------------------------


def count_queries(client, path):
    """Queries for one GET of path, with the caches a live site has warm (site root, settings)."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("path", "budget"), [(START_URL, 4), ("/feedback/easy-read/", 4)])
def test_the_start_pages_stay_within_their_query_budget(
    client, site_pages, django_assert_max_num_queries, path, budget
):
    client.get(path)
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200


def test_a_question_stays_within_its_query_budget(client, site_pages, django_assert_max_num_queries):
    begin(client)
    client.get(url("overall"))
    with django_assert_max_num_queries(5):
        assert client.get(url("overall")).status_code == 200


def test_the_service_question_does_not_query_per_service(client, site_pages, django_assert_max_num_queries):
    trusts = [OrganisationFactory(name=f"Trust {letter}") for letter in "ABC"]
    ServiceFactory(organisation=trusts[0])
    begin(client)
    with_one = count_queries(client, url("service"))
    for number in range(1, 12):
        ServiceFactory(organisation=trusts[number // 4])

    page = client.get(url("service"))
    assert text(page).count('name="service"') == 13  # 3 trusts x 4 services, and "I'd rather not say"
    assert count_queries(client, url("service")) == with_one
    with django_assert_max_num_queries(6):
        client.get(url("service"))


def test_check_your_answers_stays_within_its_query_budget(client, site_pages, service, django_assert_max_num_queries):
    answered(client, service=service, contact=CONTACT)
    client.get(CHECK_URL)
    with django_assert_max_num_queries(6):
        assert client.get(CHECK_URL).status_code == 200


def test_thank_you_stays_within_its_query_budget(client, site_pages, django_assert_max_num_queries):
    token = answered(client, what_could_be_better=RISKY)
    send(client, token)
    client.get(THANK_YOU_URL)
    with django_assert_max_num_queries(6):
        assert client.get(THANK_YOU_URL).status_code == 200


# 10. Easy read -----------------------------------------------------------------------------------


def test_easy_read_questions_have_short_words_and_pictures(client, service):
    start = text(client.get("/feedback/easy-read/"))
    assert 'name="mode" value="easy"' in start
    begin(client, mode="easy")

    who = text(client.get(url("who")))
    assert "<span>Who are you?</span>" in who
    assert "easyread/pictures/person.png" in who
    overall = text(client.get(url("overall")))
    for face in ("face-very-happy.png", "face-neither.png", "face-very-sad.png"):
        assert f"easyread/pictures/{face}" in overall

    steps = patient_steps(service)
    walk(client, steps)
    send(client, token_of(client))
    assert Submission.objects.get().easy_read is True


def test_switching_to_standard_questions_keeps_the_answers(client, service):
    begin(client, mode="easy")
    walk(client, patient_steps(service)[:4], then=url("what-was-good"))
    token = token_of(client)
    before = draft_of(token).answers

    response = client.post(SWITCH_URL, {"mode": "standard", "draft_token": token, "next": url("overall")})

    assert (response.status_code, response["Location"]) == (302, url("overall"))
    page = text(client.get(url("overall")))
    assert "Overall, how was your experience of the service?" in page
    assert "face-happy.png" not in page
    assert 'value="good" checked' in page  # the answer they gave is still chosen
    draft = draft_of(token)
    assert (draft.answers, draft.easy_read) == (before, False)


def test_switching_never_sends_people_to_another_site(client):
    begin(client)

    response = client.post(SWITCH_URL, {"mode": "easy", "next": "https://evil.example/"})

    assert response["Location"] == url("who")
    assert draft_of(token_of(client)).easy_read is True
