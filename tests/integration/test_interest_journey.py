"""The public "I'm interested" form over HTTP, as people (and the people who support them) use it.

Every test drives the real pages with the test client (cookies, hidden fields, redirects) and checks
what the person sees and what ends up in the database. Answers are read back from the database
only through the key, and the raw columns are checked for anything readable.
"""

import html
import json
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_ratelimit import core as ratelimit_core

from portal.core.crypto import decrypt_text
from portal.core.factories import UserFactory
from portal.core.models import AuditEvent
from portal.research import factories, services
from portal.research.choices import InterestStatus, StudyStatus
from portal.research.models import ExpressionOfInterest, InterestDraft, StudyPage

pytestmark = pytest.mark.django_db

DRAFT_COOKIE = "portal_research_draft"
THANK_YOU_URL = "/take-part/thank-you/"
WITHDRAW_URL = "/take-part/withdraw/"
REFERENCE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")
QUESTIONS = ["Are you 18 or over?", "Have you lived in long-term segregation?"]

NAME = "Philippa Quarrington"
EMAIL = "philippa.q@example.org"
PHONE = "07700 900123"
ADDRESS = "14 Larkspur Close\nNorthtown\nNT4 9QX"
SUPPORTER = "Desmond Aldous-Fry"
SUPPORTER_EMAIL = "desmond.aldous-fry@example.org"
SECRETS = [NAME, "Philippa", "Quarrington", EMAIL, PHONE, "07700900123", "Larkspur", "NT4 9QX", SUPPORTER, "Desmond"]

CONTACT = {
    "email": {"method": "email", "email": EMAIL},
    "phone": {"method": "phone", "phone": PHONE},
    "post": {"method": "post", "address": ADDRESS},
    "supporter": {
        "method": "supporter",
        "supporter_name": SUPPORTER,
        "supporter_relationship": "family",
        "supporter_email": SUPPORTER_EMAIL,
        "supporter_agreed": "on",
    },
}
# What a browser without JavaScript sends: every way's fields, whichever way was chosen.
EVERYTHING_TYPED = {
    "email": EMAIL,
    "phone": PHONE,
    "address": ADDRESS,
    "supporter_name": SUPPORTER,
    "supporter_relationship": "friend",
    "supporter_email": SUPPORTER_EMAIL,
    "supporter_phone": "",
}


@pytest.fixture
def researcher():
    return UserFactory(roles=["Researchers"], with_totp=True, email="researcher@example.org")


@pytest.fixture
def index(site_pages):
    return factories.study_index(site_pages["home"])


@pytest.fixture
def study(index, researcher):
    return factories.study_page(index, team=[researcher], questions=QUESTIONS, contact_phone="0161 496 0000")


def url(study, slug=""):
    return f"/take-part/{study.pk}/{slug + '/' if slug else ''}"


def steps(study, method="email"):
    return [
        ("name", {"name": NAME}),
        ("contact", {**CONTACT[method]}),
        ("needs", {"communication_needs": ["easy_read", "interpreter"], "interpreter_language": "Urdu"}),
        ("screening", {"question_1": "yes", "question_2": "not_sure"}),
        ("consent", {"consent": "on", "consent_future_studies": "on"}),
    ]


def begin(client, study, mode="standard", **extra):
    response = client.post(url(study, "begin"), {"mode": mode}, **extra)
    assert (response.status_code, response["Location"]) == (302, url(study, "name"))
    return response


def walk(client, study, answers, then=None):
    """Open and answer each (slug, answers) in turn: every page shows, and each answer leads to the next."""
    then = then or url(study, "check")
    for position, (slug, values) in enumerate(answers):
        assert client.get(url(study, slug)).status_code == 200, slug
        response = client.post(url(study, slug), values)
        following = url(study, answers[position + 1][0]) if position + 1 < len(answers) else then
        assert (response.status_code, response.get("Location")) == (302, following), (slug, text(response))


def token_of(client):
    return client.cookies[DRAFT_COOKIE].value


def draft_of(token):
    return InterestDraft.objects.get(token_digest=services.digest(token))


def send(client, study, token, **extra):
    response = client.post(url(study, "check"), {"draft_token": token}, **extra)
    assert (response.status_code, response["Location"]) == (302, THANK_YOU_URL)
    return response


def answered(client, study, method="email"):
    """A draft with every question answered through the pages. Returns its token."""
    begin(client, study)
    walk(client, study, steps(study, method))
    return token_of(client)


def text(response):
    return response.content.decode()


def raw(sql, pk):
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        return cursor.fetchone()[0]


def field_value(response, name):
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', text(response))
    assert match, f"no input {name}"
    return html.unescape(match.group(1))


def withdraw_link(response):
    match = re.search(r'href="(http://testserver/take-part/withdraw/link/\?token=[^"]+)"', text(response))
    assert match, "no withdrawal link"
    return match.group(1).removeprefix("http://testserver")


# 1. The whole journey, for each way of being contacted -------------------------------------------


@pytest.mark.parametrize("method", ["email", "phone", "post", "supporter"])
def test_someone_registers_interest_from_start_to_thank_you(client, study, method):
    start = text(client.get(url(study)))
    assert study.title in start
    assert "about 5 minutes" in start
    assert "fill this in with you or for you" in start
    assert "90 days after the study stops looking for people" in start
    assert 'value="easy"' in start

    begin(client, study)
    walk(client, study, steps(study, method))
    token = token_of(client)
    check = text(client.get(url(study, "check")))
    assert html.escape(NAME) in check
    assert "Are you 18 or over?" in check
    assert "Interpreter language: Urdu" in check
    assert check.count("?change=1") >= 6

    send(client, study, token)

    expression = ExpressionOfInterest.objects.get()
    answers = services.answers_of(expression)
    assert answers == {
        "name": NAME,
        "method": method,
        "email": EMAIL if method == "email" else "",
        "phone": PHONE if method == "phone" else "",
        "address": ADDRESS if method == "post" else "",
        "supporter_name": SUPPORTER if method == "supporter" else "",
        "supporter_relationship": "family" if method == "supporter" else "",
        "supporter_email": SUPPORTER_EMAIL if method == "supporter" else "",
        "supporter_phone": "",
        "supporter_agreed": method == "supporter",
        "communication_needs": ["easy_read", "interpreter"],
        "interpreter_language": "Urdu",
        "other_needs": "",
        "screening": [
            {"id": study.questions[0]["id"], "question": QUESTIONS[0], "answer": "yes"},
            {"id": study.questions[1]["id"], "question": QUESTIONS[1], "answer": "not_sure"},
        ],
    }
    assert (expression.consent_this_study, expression.consent_future_studies) == (True, True)
    assert (expression.status, expression.easy_read, expression.language) == (InterestStatus.NEW, False, "en-gb")
    # The draft keeps nothing once it has been sent.
    assert draft_of(token).encrypted == ""
    assert draft_of(token).expression == expression
    assert AuditEvent.objects.filter(action="research.interest_registered", object_id=str(expression.pk)).count() == 1

    thank_you = client.get(THANK_YOU_URL)
    page = text(thank_you)
    assert REFERENCE.findall(page) == [expression.formatted_reference]
    assert "Keep this link or your reference code" in page
    assert "study@example.org" in page and "0161 496 0000" in page
    assert services.find_by_withdraw_token(withdraw_link(thank_you).split("token=")[1]) == expression
    emailed = method in ("email", "supporter")
    assert ("We are sending" in page) is emailed
    # Nothing a person told us is on the thank-you page, which stays in a shared device's history.
    assert NAME not in page and EMAIL not in page


def test_change_links_come_back_to_check_your_answers(client, study):
    answered(client, study)

    page = text(client.get(url(study, "needs") + "?change=1"))
    assert f'<a class="nhsuk-back-link" href="{url(study, "check")}">' in page
    response = client.post(url(study, "needs") + "?change=1", {"communication_needs": ["none"]})

    assert (response.status_code, response["Location"]) == (302, url(study, "check"))
    assert "No, I do not need any of these" in text(client.get(url(study, "check")))


def test_changing_the_way_of_contact_drops_the_earlier_details(client, study):
    token = answered(client, study, "email")

    response = client.post(url(study, "contact") + "?change=1", {"method": "phone", **EVERYTHING_TYPED})

    assert response.status_code == 302
    answers = services.answers_of(draft_of(token))
    assert (answers["method"], answers["phone"], answers["email"], answers["supporter_name"]) == (
        "phone",
        PHONE,
        "",
        "",
    )
    check = text(client.get(url(study, "check")))
    assert PHONE in check and EMAIL not in check


def test_a_study_without_questions_skips_the_screening_step(client, index):
    study = factories.study_page(index, title="Families of people in segregation")
    begin(client, study)
    walk(client, study, [step for step in steps(study) if step[0] != "screening"])
    assert client.get(url(study, "screening")).status_code == 302
    send(client, study, token_of(client))
    assert services.answers_of(ExpressionOfInterest.objects.get())["screening"] == []


def test_easy_read_uses_easy_words_and_pictures_and_switching_keeps_answers(client, study):
    begin(client, study, "easy")
    page = text(client.get(url(study, "name")))
    assert "What is your name?" in page
    assert "easyread/pictures/person.png" in page
    assert "portal-easy-read-mode" in page
    client.post(url(study, "name"), {"name": NAME})
    contact = text(client.get(url(study, "contact")))
    assert "How can the research team get in touch?" in contact
    assert "easyread/pictures/carer.png" in contact
    assert "They said yes to this" in contact

    response = client.post(
        url(study, "mode"), {"mode": "standard", "next": url(study, "contact"), "draft_token": token_of(client)}
    )
    assert (response.status_code, response["Location"]) == (302, url(study, "contact"))
    contact = text(client.get(url(study, "contact")))
    assert "How should the research team contact you?" in contact
    assert f"{html.escape(NAME)} has agreed that the research team can contact them through this person" in contact
    assert services.answers_of(draft_of(token_of(client)))["name"] == NAME


def test_switching_never_sends_people_to_another_site(client, study):
    begin(client, study)
    response = client.post(url(study, "mode"), {"mode": "easy", "next": "https://example.com/"})
    assert response["Location"] == url(study, "name")


def test_the_start_page_offers_to_continue_or_delete_a_draft(client, study):
    begin(client, study)
    client.post(url(study, "name"), {"name": NAME})

    start = text(client.get(url(study)))
    assert "Continue where you left off" in start
    assert f'href="{url(study, "contact")}"' in start

    response = client.post(url(study, "discard"))
    assert "Your answers have been deleted" in text(response)
    assert not InterestDraft.objects.exists()
    assert "Continue where you left off" not in text(client.get(url(study)))


# 2. Bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "values", "message"),
    [
        ("name", {"name": ""}, "Enter a name the research team can call you."),
        ("contact", {}, "Choose how the research team should contact you."),
        ("contact", {"method": "email", "email": "philippa@"}, "Enter an email address like name@example.com."),
        ("contact", {"method": "phone", "phone": "0161"}, "Enter a phone number with 10 to 15 digits"),
        ("contact", {"method": "post"}, "Enter your address and postcode"),
        (
            "contact",
            {"method": "supporter", "supporter_name": SUPPORTER, "supporter_relationship": "staff"},
            "an email address or a phone number for the person who supports you",
        ),
        ("needs", {"communication_needs": ["none", "bsl"]}, "Untick one of them."),
        ("needs", {"communication_needs": ["interpreter"]}, "Enter the language you need an interpreter for."),
        ("screening", {"question_1": "yes"}, "Answer “Have you lived in long-term segregation?”"),
        ("consent", {"consent_future_studies": "on"}, "Tick the box to agree that the research team can contact you."),
    ],
)
def test_bad_input_shows_the_error_summary(client, study, slug, values, message):
    begin(client, study)
    client.post(url(study, "name"), {"name": NAME})

    response = client.post(url(study, slug), values)

    assert response.status_code == 200
    page = text(response)
    assert '<h2 class="nhsuk-error-summary__title">There is a problem</h2>' in page
    assert html.escape(message, quote=False) in page.split('class="nhsuk-error-summary__body"')[1].split("</ul>")[0]
    assert "<title>Error:" in page
    assert not ExpressionOfInterest.objects.exists()


def test_what_was_typed_is_kept_when_it_does_not_pass(client, study):
    begin(client, study)
    client.post(url(study, "name"), {"name": NAME})
    typed = {"method": "email", "email": "philippa.q@example", "supporter_name": SUPPORTER}

    response = client.post(url(study, "contact"), typed)

    assert field_value(response, "email") == "philippa.q@example"
    assert 'href="#id_email"' in text(response)
    assert 'value="email" checked' in text(response)
    # Kept in the (encrypted) draft too, so a lost connection or a reload does not lose it.
    again = client.get(url(study, "contact"))
    assert field_value(again, "email") == "philippa.q@example"
    assert "method" not in services.answers_of(draft_of(token_of(client)))

    client.post(url(study, "contact"), {"method": "email", "email": EMAIL})
    answers = services.answers_of(draft_of(token_of(client)))
    assert answers["email"] == EMAIL
    assert answers["_unchecked"] == {}


def test_a_too_long_name_is_kept_to_be_shortened(client, study):
    begin(client, study)
    too_long = "Philippa " * 12

    response = client.post(url(study, "name"), {"name": too_long})

    assert "This is 7 characters too long. Make it 100 characters or fewer." in text(response)
    assert field_value(response, "name") == too_long


def test_consent_is_required_to_send(client, study):
    begin(client, study)
    walk(client, study, steps(study)[:4], then=url(study, "consent"))

    response = client.post(url(study, "consent"), {})
    assert "Tick the box to agree" in text(response)
    # Check your answers sends them back to the question instead of sending.
    response = client.post(url(study, "check"), {"draft_token": token_of(client)})
    assert (response.status_code, response["Location"]) == (302, url(study, "consent"))
    assert not ExpressionOfInterest.objects.exists()


def test_answers_from_tampered_forms_are_refused(client, study):
    begin(client, study)
    response = client.post(url(study, "needs"), {"communication_needs": ["telepathy"]})
    assert "Choose from the answers on the page." in text(response)
    response = client.post(url(study, "contact"), {"method": "supporter", "supporter_relationship": "boss"})
    assert "Choose one of the answers on the page." in text(response)


def test_unknown_questions_and_studies_are_not_found(client, study, index):
    assert client.get(url(study, "favourite-colour")).status_code == 404
    assert client.get("/take-part/999999/").status_code == 404
    assert client.get(f"/take-part/{index.pk}/").status_code == 404
    study.unpublish()
    assert client.get(url(study)).status_code == 404


def test_a_post_too_big_to_read_says_so_and_keeps_the_earlier_answer(settings, study):
    client = Client()
    begin(client, study)
    client.post(url(study, "name"), {"name": NAME})
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000

    response = client.post(url(study, "name"), {"name": "x" * 5_000, "draft_token": token_of(client)})

    assert response.status_code == 413
    assert "What you sent was too big for us to save." in text(response)
    assert field_value(response, "name") == NAME


def test_answering_still_needs_the_csrf_token(study):
    client = Client(enforce_csrf_checks=True)
    page = text(client.get(url(study)))
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    client.post(url(study, "begin"), {"mode": "standard", "csrfmiddlewaretoken": csrf})

    assert client.post(url(study, "name"), {"name": NAME}).status_code == 403
    assert client.post(url(study, "name"), {"name": NAME, "csrfmiddlewaretoken": csrf}).status_code == 302


# 3. Drafts: a cookie and a hidden field, never the session ----------------------------------------


def test_the_draft_survives_a_new_session_with_the_cookie_alone(client, study):
    begin(client, study)
    walk(client, study, steps(study)[:2], then=url(study, "needs"))
    token = token_of(client)
    client.cookies.pop("sessionid", None)

    other = Client()
    other.cookies[DRAFT_COOKIE] = token
    assert "Continue where you left off" in text(other.get(url(study)))
    walk(other, study, steps(study)[2:])
    assert html.escape(NAME) in text(other.get(url(study, "check")))


def test_the_hidden_field_token_works_without_the_cookie(client, study):
    begin(client, study)
    walk(client, study, steps(study)[:3], then=url(study, "screening"))
    token = token_of(client)
    assert f'name="draft_token" value="{token}"' in text(client.get(url(study, "screening")))

    other = Client()
    response = other.post(url(study, "screening"), {"question_1": "no", "question_2": "yes", "draft_token": token})

    assert (response.status_code, response["Location"]) == (302, url(study, "consent"))
    assert other.cookies[DRAFT_COOKIE].value == token
    assert InterestDraft.objects.count() == 1
    assert services.answers_of(draft_of(token))["name"] == NAME


def test_the_draft_cookie_is_http_only_and_lasts_the_draft_days(client, study, settings):
    response = begin(client, study)
    cookie = response.cookies[DRAFT_COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == settings.RESEARCH_DRAFT_DAYS * 24 * 60 * 60


def test_a_draft_for_another_study_is_not_used(client, study, index):
    other_study = factories.study_page(index, title="Another study")
    begin(client, study)
    client.post(url(study, "name"), {"name": NAME})

    assert "Continue where you left off" not in text(client.get(url(other_study)))
    client.post(url(other_study, "name"), {"name": "Someone else"})
    assert InterestDraft.objects.filter(study=other_study).count() == 1
    assert services.answers_of(InterestDraft.objects.get(study=study))["name"] == NAME


# 4. What is stored ------------------------------------------------------------------------------


def test_nothing_a_person_tells_us_is_readable_in_the_database(client, study):
    token = answered(client, study, "supporter")
    client.post(url(study, "contact") + "?change=1", {"method": "post", "address": ADDRESS})
    client.post(url(study, "contact") + "?change=1", {"method": "phone", "phone": PHONE})
    draft = draft_of(token)
    stored = raw("SELECT encrypted FROM research_interestdraft WHERE id = %s", draft.pk)
    for secret in SECRETS:
        assert secret not in stored
    assert json.loads(decrypt_text(stored))["phone"] == PHONE

    client.post(url(study, "contact") + "?change=1", {"method": "supporter", **CONTACT["supporter"]})
    send(client, study, token)

    expression = ExpressionOfInterest.objects.get()
    stored = raw("SELECT encrypted FROM research_expressionofinterest WHERE id = %s", expression.pk)
    for secret in [*SECRETS, "Urdu"]:
        assert secret not in stored
    decrypted = json.loads(decrypt_text(stored))
    assert (decrypted["name"], decrypted["supporter_email"]) == (NAME, SUPPORTER_EMAIL)
    assert raw("SELECT encrypted FROM research_interestdraft WHERE id = %s", draft.pk) == ""
    for event in AuditEvent.objects.all():
        for secret in SECRETS:
            assert secret not in json.dumps(event.detail)


# 5. Sending once --------------------------------------------------------------------------------


def test_sending_twice_makes_one_expression_of_interest(client, study):
    token = answered(client, study)

    send(client, study, token)
    first = client.get(THANK_YOU_URL)
    link = withdraw_link(first)
    send(client, study, token)
    second = client.get(THANK_YOU_URL)

    expression = ExpressionOfInterest.objects.get()
    assert expression.formatted_reference in text(second)
    # The second send keeps the first one's withdrawal link in this browser.
    assert withdraw_link(second) == link
    assert AuditEvent.objects.filter(action="research.interest_registered").count() == 1


def test_a_replayed_send_from_another_browser_finds_the_same_one(client, study):
    token = answered(client, study)
    send(client, study, token)
    expression = ExpressionOfInterest.objects.get()

    replay = Client()
    send(replay, study, token)
    page = text(replay.get(THANK_YOU_URL))
    assert expression.formatted_reference in page
    assert "/take-part/withdraw/" in page  # by code: the link's token was only given once

    InterestDraft.objects.all().delete()
    late = Client()
    send(late, study, token)
    assert expression.formatted_reference in text(late.get(THANK_YOU_URL))
    assert ExpressionOfInterest.objects.count() == 1


def test_answering_a_question_after_sending_changes_nothing(client, study):
    token = answered(client, study)
    send(client, study, token)

    response = client.post(url(study, "name"), {"name": "Someone else", "draft_token": token})

    assert (response.status_code, response["Location"]) == (302, THANK_YOU_URL)
    assert services.answers_of(ExpressionOfInterest.objects.get())["name"] == NAME


def test_sending_unknown_answers_says_they_could_not_be_found(client, study):
    response = client.post(url(study, "check"), {"draft_token": "not-a-real-token"})
    assert response.status_code == 404
    assert "We could not find your answers" in text(response)


def test_a_filled_honeypot_is_kept_with_a_signal(client, study):
    begin(client, study)
    client.post(url(study, "name"), {"name": NAME, "website": "https://spam.example"})
    walk(client, study, steps(study)[1:])
    send(client, study, token_of(client))
    event = AuditEvent.objects.get(action="research.interest_registered")
    assert event.detail["spam_signals"] == ["honeypot"]


def test_thank_you_without_a_valid_cookie_shows_no_reference(client, study):
    factories.expression_of_interest(study)
    client.cookies["portal_research_sent"] = "1:forged"

    response = client.get(THANK_YOU_URL)

    assert response.status_code == 200
    assert "Your answers have been sent to the research team." in text(response)
    assert not REFERENCE.search(text(response))


# 6. A study that stops recruiting ----------------------------------------------------------------


def close(study, status=StudyStatus.CLOSED):
    StudyPage.objects.filter(pk=study.pk).update(status=status, closing_date=timezone.localdate())


def test_a_study_that_closes_mid_journey_says_so_and_keeps_the_draft(client, study):
    token = answered(client, study)
    close(study, StudyStatus.PAUSED)

    for response in (client.get(url(study, "needs")), client.post(url(study, "check"), {"draft_token": token})):
        assert response.status_code == 200
        assert "This study is not looking for people now" in text(response)
        assert f'href="{study.url}"' in text(response)
        assert 'href="/take-part-in-research/"' in text(response)
    assert not ExpressionOfInterest.objects.exists()
    assert services.answers_of(draft_of(token))["name"] == NAME


def test_a_study_whose_closing_date_passed_is_not_recruiting(client, study):
    StudyPage.objects.filter(pk=study.pk).update(closing_date=timezone.localdate() - timedelta(days=1))
    assert "This study is not looking for people now" in text(client.get(url(study)))
    assert client.post(url(study, "begin"), {"mode": "standard"}).status_code == 200
    assert not InterestDraft.objects.exists()


def test_closing_between_the_check_and_the_send_keeps_the_draft(client, study, monkeypatch):
    token = answered(client, study)

    def closed(**kwargs):
        raise services.StudyNotRecruiting("closed a moment ago")

    monkeypatch.setattr(services, "send", closed)
    response = client.post(url(study, "check"), {"draft_token": token})

    assert "This study is not looking for people now" in text(response)
    assert draft_of(token).expression is None


# 7. Withdrawing ---------------------------------------------------------------------------------


def test_withdrawing_by_link_deletes_the_details_and_is_audited(client, study):
    send(client, study, answered(client, study))
    link = withdraw_link(client.get(THANK_YOU_URL))

    confirm = text(client.get(link))
    assert "Are you sure you want to withdraw?" in confirm
    assert study.title in confirm
    withdrawn = text(client.post(link))
    assert "Your details have been deleted" in withdrawn

    expression = ExpressionOfInterest.objects.get()
    assert expression.status == InterestStatus.WITHDRAWN
    assert raw("SELECT encrypted FROM research_expressionofinterest WHERE id = %s", expression.pk) == ""
    event = AuditEvent.objects.get(action="research.interest_withdrawn", object_id=str(expression.pk))
    assert (event.detail["by"], event.detail["via"]) == ("person", "link")
    assert event.actor is None

    # Following the link again says so, and changes nothing.
    assert "You have already withdrawn" in text(client.get(link))
    client.post(link)
    assert AuditEvent.objects.filter(action="research.interest_withdrawn").count() == 1


def test_an_unknown_withdrawal_link_is_explained_without_a_404(client):
    # A 4xx is logged with its address, and a withdrawal link's address holds its token.
    response = client.get("/take-part/withdraw/link/?token=not-a-real-token")
    assert response.status_code == 200
    assert "This withdrawal link does not work" in text(response)


def test_withdrawing_by_code_deletes_the_details_and_is_audited(client, study):
    expression, _token = factories.expression_of_interest(study, name=NAME, email=EMAIL)
    typed = expression.formatted_reference.lower().replace("-", " ")

    wrong = client.post(WITHDRAW_URL, {"reference": "ZZZZ-ZZZZ"})
    assert "We could not find that reference code." in text(wrong)
    assert field_value(wrong, "reference") == "ZZZZ-ZZZZ"
    assert 'href="#reference"' in text(wrong)
    assert "Enter your reference code." in text(client.post(WITHDRAW_URL, {"reference": ""}))

    confirm = client.post(WITHDRAW_URL, {"reference": typed})
    assert "Are you sure you want to withdraw?" in text(confirm)
    assert study.title in text(confirm)
    assert ExpressionOfInterest.objects.get().status == InterestStatus.NEW
    confirmation = field_value(confirm, "expression")

    withdrawn = client.post(WITHDRAW_URL, {"expression": confirmation, "confirm": "1"})
    assert "Your details have been deleted" in text(withdrawn)
    expression.refresh_from_db()
    assert expression.status == InterestStatus.WITHDRAWN
    assert raw("SELECT encrypted FROM research_expressionofinterest WHERE id = %s", expression.pk) == ""
    event = AuditEvent.objects.get(action="research.interest_withdrawn", object_id=str(expression.pk))
    assert event.detail["via"] == "code"

    assert "You have already withdrawn" in text(client.post(WITHDRAW_URL, {"reference": typed}))


def test_a_forged_confirmation_withdraws_nothing(client, study):
    expression, _token = factories.expression_of_interest(study)
    response = client.post(WITHDRAW_URL, {"expression": str(expression.pk), "confirm": "1"})
    assert (response.status_code, response["Location"]) == (302, WITHDRAW_URL)
    assert ExpressionOfInterest.objects.get().status == InterestStatus.NEW


# 8. Rate limits ---------------------------------------------------------------------------------


@pytest.fixture
def tight_limits(settings, monkeypatch):
    settings.RESEARCH_RATE_LIMITS = {"start": "2/m", "submit": "1/m", "withdraw": "2/m"}
    # One fixed moment for django-ratelimit, so a window cannot end between two requests of a test.
    monkeypatch.setattr(ratelimit_core, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))


def test_starting_too_often_from_one_address_is_paused(client, study, tight_limits):
    begin(client, study)
    begin(client, study)

    response = client.post(url(study, "begin"), {"mode": "standard"})

    assert response.status_code == 429
    assert "Please wait a few minutes" in text(response)
    assert InterestDraft.objects.count() == 2
    begin(client, study, REMOTE_ADDR="203.0.113.7")


def test_sending_too_often_from_one_address_keeps_the_answers(study, tight_limits):
    first, second = Client(REMOTE_ADDR="203.0.113.1"), Client(REMOTE_ADDR="203.0.113.2")
    first_token, second_token = answered(first, study), answered(second, study, "phone")
    send(Client(), study, first_token)

    response = Client().post(url(study, "check"), {"draft_token": second_token})

    assert response.status_code == 429
    assert "Your answers are saved." in text(response)
    assert services.answers_of(draft_of(second_token))["phone"] == PHONE
    send(Client(), study, second_token, REMOTE_ADDR="203.0.113.7")
    assert ExpressionOfInterest.objects.count() == 2


def test_trying_reference_codes_too_often_is_paused(client, tight_limits):
    for _attempt in range(2):
        assert "We could not find that reference code" in text(client.post(WITHDRAW_URL, {"reference": "AAAA-AAAA"}))

    response = client.post(WITHDRAW_URL, {"reference": "AAAA-AAAB"})

    assert response.status_code == 429
    assert "Please wait a few minutes" in text(response)
    assert client.post(WITHDRAW_URL, {"reference": "AAAA-AAAB"}, REMOTE_ADDR="203.0.113.7").status_code == 200


# 9. Emails --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "address"), [("email", EMAIL), ("supporter", SUPPORTER_EMAIL)])
def test_the_worker_sends_a_confirmation_and_a_team_notice_without_personal_data(
    client, study, run_worker, django_capture_on_commit_callbacks, method, address
):
    token = answered(client, study, method)
    with django_capture_on_commit_callbacks(execute=True):
        send(client, study, token)
    assert mail.outbox == []

    run_worker()

    expression = ExpressionOfInterest.objects.get()
    to_person = [message for message in mail.outbox if message.to == [address]]
    to_team = [message for message in mail.outbox if message.to == ["researcher@example.org"]]
    assert len(to_person) == len(to_team) == 1 and len(mail.outbox) == 2
    assert expression.formatted_reference in to_person[0].body
    assert study.title in to_person[0].subject
    notice = to_team[0].subject + to_team[0].body
    assert study.title in notice
    for secret in [*SECRETS, expression.reference, expression.formatted_reference, "Urdu", SUPPORTER_EMAIL]:
        assert secret not in notice


def test_no_confirmation_email_goes_to_someone_contacted_by_phone(
    client, study, run_worker, django_capture_on_commit_callbacks
):
    token = answered(client, study, "phone")
    with django_capture_on_commit_callbacks(execute=True):
        send(client, study, token)
    run_worker()

    assert [message.to for message in mail.outbox] == [["researcher@example.org"]]
    assert "We are sending" not in text(client.get(THANK_YOU_URL))


# 10. Query budgets ------------------------------------------------------------------------------


def test_the_start_page_stays_within_its_query_budget(client, study, django_assert_max_num_queries):
    begin(client, study)
    client.post(url(study, "name"), {"name": NAME})
    client.get(url(study))
    # The study (and its view restrictions), the draft, the site and its settings.
    with django_assert_max_num_queries(5):
        assert client.get(url(study)).status_code == 200


def test_a_question_stays_within_its_query_budget(client, study, django_assert_max_num_queries):
    begin(client, study)
    client.post(url(study, "name"), {"name": NAME})
    client.get(url(study, "screening"))
    with django_assert_max_num_queries(5):
        assert client.get(url(study, "screening")).status_code == 200
