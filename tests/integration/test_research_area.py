"""The research area over HTTP: only a study's own research team reaches its expressions of
interest (anything else is "not found", superusers included), every look at personal data is
audited, the export asks for the password again, and the list's query count does not grow."""

import csv
import io
import re
import time
from urllib.parse import urlsplit

import pytest
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.core import roles
from portal.core.factories import PASSWORD, UserFactory
from portal.core.models import AuditEvent
from portal.research import factories, services
from portal.research.choices import InterestStatus
from portal.research.models import ExpressionOfInterest, InterestNote

pytestmark = pytest.mark.django_db

QUESTIONS = ["Have you lived in long-term segregation?", "Are you 18 or over?"]
PERSON = {
    "name": "Philippa Quarrington",
    "method": "supporter",
    "email": "",
    "supporter_name": "Desmond Aldous-Fry",
    "supporter_relationship": "family",
    "supporter_email": "desmond.aldous-fry@example.org",
    "supporter_phone": "07700 900123",
    "supporter_agreed": True,
    "communication_needs": ["easy_read", "interpreter"],
    "interpreter_language": "Tigrinya",
    "other_needs": "Mornings are better",
}
OTHER_NAME = "Bartholomew Ennis-Stroud"


@pytest.fixture
def researcher():
    return UserFactory(roles=[roles.RESEARCHERS], with_totp=True)


@pytest.fixture
def index(site_pages):
    return factories.study_index(site_pages["home"])


@pytest.fixture
def study(index, researcher):
    return factories.study_page(index, title="Living in long-term segregation", team=[researcher], questions=QUESTIONS)


@pytest.fixture
def other_study(index):
    other_team = UserFactory(roles=[roles.RESEARCHERS], with_totp=True)
    return factories.study_page(index, title="Families of people in segregation", team=[other_team])


def with_screening(study, *answers):
    return [
        {"id": question["id"], "question": question["question"], "answer": answer}
        for question, answer in zip(study.questions, answers, strict=False)
    ]


@pytest.fixture
def interest(study):
    expression, _token = factories.expression_of_interest(
        study, consent_future_studies=True, screening=with_screening(study, "yes", "not_sure"), **PERSON
    )
    return expression


@pytest.fixture
def other_interest(other_study):
    expression, _token = factories.expression_of_interest(other_study, name=OTHER_NAME, email="b.ennis@example.org")
    return expression


@pytest.fixture
def signed_in(client, researcher):
    client.force_login(researcher)
    return client


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def text(response):
    content = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(content.split())


def research_events(action=None):
    events = AuditEvent.objects.filter(action__startswith="research.").exclude(
        action__in=["research.interest_registered", "research.emails_sent", "research.emails_failed"]
    )
    return events.filter(action=action) if action else events


def reauthenticated(client, *, seconds_ago=0):
    """Enter the password again, as allauth asks, as if `seconds_ago` (allauth keeps the time in the session)."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    if seconds_ago:
        session = client.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {**record, "at": record["at"] - seconds_ago} for record in session[AUTHENTICATION_METHODS_SESSION_KEY]
        ]
        session.save()


def area_urls(study, expression):
    return {
        "study": reverse("research_area:study", args=[study.pk]),
        "export": reverse("research_area:export", args=[study.pk]),
        "expression": reverse("research_area:expression", args=[expression.public_id]),
        "withdraw": reverse("research_area:record_withdrawal", args=[expression.public_id]),
    }


# Who gets in --------------------------------------------------------------------------------------


def test_a_researcher_sees_only_their_own_studies_and_the_people_interested_in_them(
    signed_in, study, other_study, interest, other_interest
):
    home = signed_in.get(reverse("research_area:home"))
    listed = signed_in.get(reverse("research_area:study", args=[study.pk]))

    assert home.status_code == listed.status_code == 200
    assert "Living in long-term segregation" in text(home)
    assert "Families of people in segregation" not in text(home)
    assert [each.pk for each in home.context["studies"]] == [study.pk]
    assert "Philippa Quarrington" in text(listed)
    assert OTHER_NAME not in text(listed)
    assert [row["expression"].pk for row in listed.context["rows"]] == [interest.pk]


def test_another_studys_interest_is_not_found_at_any_address_and_nothing_changes(
    signed_in, study, other_study, other_interest
):
    urls = area_urls(other_study, other_interest)
    InterestNote.objects.create(expression=other_interest, author=None, encrypted=other_interest.encrypted)
    before = ExpressionOfInterest.objects.values().get(pk=other_interest.pk)
    reauthenticated(signed_in)  # so the export's answer is about the study, not about the password

    for url in urls.values():
        assert signed_in.get(url).status_code == 404, url
    assert signed_in.post(urls["export"]).status_code == 404
    assert signed_in.post(urls["expression"], {"status": "enrolled", "change_status": "1"}).status_code == 404
    assert signed_in.post(urls["expression"], {"text": "Called them", "add_note": "1"}).status_code == 404
    assert signed_in.post(urls["withdraw"]).status_code == 404

    assert ExpressionOfInterest.objects.values().get(pk=other_interest.pk) == before
    assert InterestNote.objects.filter(expression=other_interest).count() == 1
    assert not research_events().exists()


def test_a_made_up_address_is_not_found(signed_in, study):
    assert signed_in.get("/researchers/interest/0b7c6f0e-5d8a-4a51-9a4b-3f1f7b7f3a11/").status_code == 404
    assert signed_in.get(reverse("research_area:study", args=[study.pk + 1000])).status_code == 404


def test_staff_without_the_researchers_role_are_refused(client, study, interest):
    client.force_login(UserFactory(roles=[roles.MODERATORS, roles.STEERING_GROUP], with_totp=True))

    for url in [reverse("research_area:home"), *area_urls(study, interest).values()]:
        assert client.get(url).status_code == 403, url
    assert client.post(area_urls(study, interest)["withdraw"]).status_code == 403
    assert ExpressionOfInterest.objects.get(pk=interest.pk).status == InterestStatus.NEW


def test_anonymous_visitors_are_sent_to_sign_in(client, study, interest):
    for url in [reverse("research_area:home"), *area_urls(study, interest).values()]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_a_researcher_without_two_step_sign_in_is_sent_to_set_it_up(client, index):
    researcher = UserFactory(roles=[roles.RESEARCHERS])
    study = factories.study_page(index, team=[researcher])
    client.force_login(researcher)

    for url in (reverse("research_area:home"), reverse("research_area:study", args=[study.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_index")


def test_superusers_are_no_exception(client, study, interest):
    superuser = UserFactory(is_superuser=True, is_staff=True, with_totp=True)
    client.force_login(superuser)
    assert client.get(reverse("research_area:home")).status_code == 403

    superuser.groups.add(*UserFactory(roles=[roles.RESEARCHERS]).groups.all())
    home = client.get(reverse("research_area:home"))
    assert home.status_code == 200
    assert "You are not on any study’s research team yet. Ask an editor to add you on the study’s page." in text(home)
    for url in area_urls(study, interest).values():
        assert client.get(url).status_code == 404, url
    assert not research_events().exists()


def test_the_staff_home_leads_researchers_to_their_area(signed_in):
    html = signed_in.get(reverse("core:staff_home")).content.decode()

    assert f'href="{reverse("research_area:home")}"' in html
    assert "Research area: your studies" in html


# The list -----------------------------------------------------------------------------------------


def test_the_home_page_counts_each_study_by_status(signed_in, study, interest):
    factories.expression_of_interest(study, name="Second")
    services.set_status(expression=interest, status=InterestStatus.CONTACTED, by=None)

    response = signed_in.get(reverse("research_area:home"))

    page = text(response)
    assert "2 in all" in page
    assert "New: 1" in page
    assert "Contacted: 1" in page
    assert study.closing_date.strftime("%-d %B %Y") in page


def test_the_list_shows_names_contact_needs_and_status_and_is_audited_without_names(
    signed_in, researcher, study, interest
):
    withdrawn, _token = factories.expression_of_interest(study, name="Gwendolyn Withdrawn")
    services.withdraw(expression=withdrawn, via="link")

    response = signed_in.get(reverse("research_area:study", args=[study.pk]))

    page = text(response)
    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store") == 1
    assert "Philippa Quarrington" in page
    assert "Through a supporter" in page
    assert "Easy read, Interpreter (Tigrinya), Other" in page
    assert "Gwendolyn" not in page
    assert "Details deleted" in page
    assert page.index(withdrawn.formatted_reference) < page.index(interest.formatted_reference)  # newest first
    assert "All (2)" in page
    assert "Withdrawn (1)" in page
    event = research_events("research.interests_listed").get()
    assert event.actor == researcher
    assert event.detail == {"study": study.pk, "page": 1, "rows": 2}
    assert "Philippa" not in str(event.detail)


def test_the_list_filters_by_status_and_shows_a_wrong_value_as_an_error(signed_in, study, interest):
    other, _token = factories.expression_of_interest(study, name="Ivor Contacted")
    services.set_status(expression=other, status=InterestStatus.CONTACTED, by=None)
    url = reverse("research_area:study", args=[study.pk])

    filtered = signed_in.get(url, {"status": "contacted"})
    wrong = signed_in.get(url, {"status": "everyone"})

    assert [row["name"] for row in filtered.context["rows"]] == ["Ivor Contacted"]
    assert "There is a problem" in text(wrong)
    assert "Choose a status from the list" in text(wrong)
    assert text(wrong).startswith("Error:")
    assert len(wrong.context["rows"]) == 2


def test_the_list_is_paginated_by_fifty(signed_in, study):
    for number in range(51):
        factories.expression_of_interest(study, name=f"Person {number}")
    url = reverse("research_area:study", args=[study.pk])

    first = signed_in.get(url)
    second = signed_in.get(url, {"page": 2})

    assert len(first.context["rows"]) == 50
    assert [row["name"] for row in second.context["rows"]] == ["Person 0"]
    assert research_events("research.interests_listed").order_by("pk").last().detail == {
        "study": study.pk,
        "page": 2,
        "rows": 1,
    }


def test_the_lists_query_count_does_not_grow_with_its_rows(signed_in, study, session_read_queries):
    url = reverse("research_area:study", args=[study.pk])
    factories.expression_of_interest(study)
    signed_in.get(url)  # content types and the like, cached once per process

    with CaptureQueriesContext(connection) as one:
        assert signed_in.get(url).status_code == 200
    for number in range(29):
        factories.expression_of_interest(study, name=f"Person {number}")
    with CaptureQueriesContext(connection) as thirty:
        response = signed_in.get(url)

    assert len(response.context["rows"]) == 30
    # Session, user, roles, MFA, study, counts, page count, page, audit; then the layout's own.
    assert len(one) == len(thirty) == 15 + session_read_queries


def test_the_home_pages_query_count_does_not_grow_with_studies(signed_in, researcher, index, study):
    url = reverse("research_area:home")
    factories.expression_of_interest(study)
    signed_in.get(url)

    with CaptureQueriesContext(connection) as one:
        signed_in.get(url)
    for number in range(3):
        more = factories.study_page(index, title=f"Study {number}", team=[researcher])
        factories.expression_of_interest(more)
    with CaptureQueriesContext(connection) as four:
        response = signed_in.get(url)

    assert len(response.context["studies"]) == 4
    assert len(one) == len(four)


def test_an_empty_home_page_says_what_to_do(signed_in):
    response = signed_in.get(reverse("research_area:home"))

    assert "Ask an editor to add you on the study’s page." in text(response)


# One expression of interest ---------------------------------------------------------------------


def test_the_detail_shows_every_answer_and_the_notes_and_is_audited(signed_in, study, interest):
    services.add_note(expression=interest, text="Left a voicemail for Desmond", by=None)
    url = reverse("research_area:expression", args=[interest.public_id])

    response = signed_in.get(url)

    page = text(response)
    assert response.status_code == 200
    for words in (
        "Philippa Quarrington",
        "Through someone who supports me, such as a carer or a member of staff",
        "Desmond Aldous-Fry",
        "Family member or carer",
        "desmond.aldous-fry@example.org",
        "07700 900123",
        "The person agreed to be contacted through them Yes",
        "Easy read",
        "An interpreter",
        "Interpreter language Tigrinya",
        "Anything else Mornings are better",
        "Have you lived in long-term segregation? Yes",
        "Are you 18 or over? Not sure",
        "Agreed to be contacted about this study Yes",
        "Agreed to hear about future studies Yes",
        "Used the easy-read form No",
        "Left a voicemail for Desmond",
        interest.formatted_reference,
    ):
        assert words in page, words
    event = research_events("research.interest_viewed").get()
    assert event.object_id == str(interest.pk)
    assert event.detail == {"study": study.pk, "status": "new"}


def test_missing_answers_show_nothing(signed_in, study):
    expression, _token = factories.expression_of_interest(study, name="Mo", method="phone", phone="0161 496 0000")
    ExpressionOfInterest.objects.filter(pk=expression.pk).update(
        encrypted=services._encrypt({"name": "Mo", "method": "phone", "phone": "0161 496 0000"})
    )

    response = signed_in.get(reverse("research_area:expression", args=[expression.public_id]))

    page = text(response)
    assert response.status_code == 200
    assert "0161 496 0000" in page
    assert "Their supporter" not in page
    assert "Screening questions" not in page


def test_a_researcher_changes_the_status_and_it_is_audited(signed_in, interest):
    url = reverse("research_area:expression", args=[interest.public_id])

    response = signed_in.post(url, {"status": "contacted", "change_status": "1"}, follow=True)

    assert response.redirect_chain[-1][0] == url
    assert "The status is now “Contacted”." in text(response)
    interest.refresh_from_db()
    assert interest.status == InterestStatus.CONTACTED
    event = research_events("research.interest_status_changed").get()
    assert event.actor_label == response.wsgi_request.user.email
    assert event.detail["to"] == "contacted"


def test_withdrawn_is_not_a_status_the_form_sets(signed_in, interest):
    url = reverse("research_area:expression", args=[interest.public_id])

    response = signed_in.post(url, {"status": "withdrawn", "change_status": "1"})

    assert response.status_code == 400
    assert "Choose where you have got to with this person" in text(response)
    assert ExpressionOfInterest.objects.get(pk=interest.pk).status == InterestStatus.NEW


def test_a_researcher_adds_a_note_encrypted_and_audited(signed_in, interest):
    url = reverse("research_area:expression", args=[interest.public_id])

    response = signed_in.post(url, {"text": "Call back Tuesday after 2pm", "add_note": "1"})

    assert response.status_code == 302
    assert response["Location"] == f"{url}#notes"
    note = InterestNote.objects.get(expression=interest)
    assert "Tuesday" not in note.encrypted
    assert services.note_text(note) == "Call back Tuesday after 2pm"
    assert note.author == response.wsgi_request.user
    assert research_events("research.note_added").get().detail == {"study": interest.study_id}
    assert "Call back Tuesday after 2pm" in text(signed_in.get(url))


def test_a_note_that_is_empty_or_too_long_is_refused_and_what_was_typed_is_kept(signed_in, interest):
    url = reverse("research_area:expression", args=[interest.public_id])

    empty = signed_in.post(url, {"text": "  ", "add_note": "1"})
    long = signed_in.post(url, {"text": "Rang twice. " * 200, "add_note": "1"})

    assert empty.status_code == long.status_code == 400
    assert "Enter a note" in text(empty)
    assert 'href="#id_text"' in empty.content.decode()
    assert "A note must be 2000 characters or fewer. It has 2399." in text(long)
    assert "Rang twice. Rang twice." in long.content.decode()
    assert not InterestNote.objects.exists()


def test_a_change_after_the_person_withdrew_is_refused_kindly(signed_in, interest):
    url = reverse("research_area:expression", args=[interest.public_id])
    services.withdraw(expression=interest, via="code")

    status = signed_in.post(url, {"status": "enrolled", "change_status": "1"}, follow=True)
    note = signed_in.post(url, {"text": "Enrolled", "add_note": "1"}, follow=True)

    assert "nothing more can be recorded" in text(status)
    assert "nothing more can be recorded" in text(note)
    assert ExpressionOfInterest.objects.get(pk=interest.pk).status == InterestStatus.WITHDRAWN
    assert not InterestNote.objects.exists()


def test_a_withdrawn_expression_says_so_with_the_date_and_offers_no_forms(signed_in, interest):
    services.withdraw(expression=interest, via="link")

    response = signed_in.get(reverse("research_area:expression", args=[interest.public_id]))

    page = text(response)
    assert f"They withdrew their interest on {timezone.localdate():%-d %B %Y}" in page
    assert "Philippa" not in page
    assert "<form" not in response.content.decode().split('id="maincontent"')[1].split("</main>")[0]
    assert "Record that they have withdrawn" not in page


# Recording a withdrawal -------------------------------------------------------------------------


def test_a_researcher_records_a_withdrawal_which_deletes_the_details_and_notes(signed_in, interest):
    services.add_note(expression=interest, text="Spoke to Desmond", by=None)
    url = reverse("research_area:record_withdrawal", args=[interest.public_id])

    confirm = signed_in.get(url)
    response = signed_in.post(url, follow=True)

    assert "This deletes their contact details and your notes now." in text(confirm)
    assert response.redirect_chain[-1][0] == reverse("research_area:expression", args=[interest.public_id])
    assert f"You recorded that {interest.formatted_reference} has withdrawn." in text(response)
    interest.refresh_from_db()
    assert interest.status == InterestStatus.WITHDRAWN
    assert interest.encrypted == ""
    assert interest.personal_data_deleted_at is not None
    assert not InterestNote.objects.exists()
    event = research_events("research.interest_withdrawn").get()
    assert event.detail["by"] == "researcher"
    assert event.detail["via"] == "research_area"
    assert event.detail["notes_deleted"] == 1


# The export -------------------------------------------------------------------------------------


def test_the_export_asks_for_the_password_again_then_gives_the_file(signed_in, study, interest):
    url = reverse("research_area:export", args=[study.pk])

    asked = signed_in.get(url)
    assert asked.status_code == 302
    assert asked["Location"] == f"{reverse('account_reauthenticate')}?next={url.replace('/', '%2F')}"
    posted = signed_in.post(url)
    assert posted.status_code == 302
    assert urlsplit(posted["Location"]).path == reverse("account_reauthenticate")
    assert not research_events("research.interests_exported").exists()

    # The password again: allauth carries on with the download that was asked for.
    response = signed_in.post(posted["Location"], {"password": PASSWORD})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "Philippa Quarrington" in response.content.decode("utf-8-sig")
    # The explanation page opens now, without asking again.
    page = signed_in.get(url)
    assert page.status_code == 200
    assert "Keep the file safe" in text(page)


def test_signing_in_is_not_enough_for_the_export(client, researcher, study, interest):
    client.post(reverse("account_login"), {"login": researcher.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": current_code(researcher.totp_secret)})
    assert client.get(reverse("research_area:home")).status_code == 200  # signed in a moment ago

    response = client.get(reverse("research_area:export", args=[study.pk]))

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("account_reauthenticate")


def test_an_authenticator_code_also_lets_the_researcher_export(signed_in, researcher, study, interest):
    url = reverse("research_area:export", args=[study.pk])
    signed_in.post(f"{reverse('mfa_reauthenticate')}?next={url}", {"code": current_code(researcher.totp_secret)})

    assert signed_in.get(url).status_code == 200


def test_an_old_password_check_is_not_enough(signed_in, study, interest):
    url = reverse("research_area:export", args=[study.pk])
    reauthenticated(signed_in, seconds_ago=3600)

    response = signed_in.post(url)

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("account_reauthenticate")
    assert not research_events("research.interests_exported").exists()


def test_the_csv_holds_everyone_with_details_and_defuses_formulas(signed_in, study, interest):
    formula, _token = factories.expression_of_interest(
        study,
        name='=HYPERLINK("http://example.org","Click")',
        method="post",
        email="",
        address="+1 Evil Street\n@Somewhere",
        screening=with_screening(study, "no"),
    )
    gone, _token = factories.expression_of_interest(study, name="Gwendolyn Withdrawn")
    services.withdraw(expression=gone, via="link")
    reauthenticated(signed_in)

    response = signed_in.post(reverse("research_area:export", args=[study.pk]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    today = timezone.localdate()
    assert response["Content-Disposition"] == (
        f'attachment; filename="expressions-of-interest-{study.slug}-{today:%Y-%m-%d}.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, *people = rows
    assert header == [
        "Reference",
        "Registered",
        "Status",
        "Name",
        "Contact method",
        "Email",
        "Phone",
        "Address",
        "Supporter name",
        "Supporter relationship",
        "Supporter email",
        "Supporter phone",
        "Person agreed to contact through supporter",
        "Communication needs",
        "Interpreter language",
        "Other needs",
        *QUESTIONS,
        "Agreed to hear about future studies",
    ]
    assert len(people) == 2  # not the one who withdrew
    first = dict(zip(header, people[0], strict=True))
    assert first["Reference"] == interest.formatted_reference
    assert first["Name"] == "Philippa Quarrington"
    assert first["Supporter phone"] == "07700 900123"
    assert first["Person agreed to contact through supporter"] == "Yes"
    assert first["Communication needs"] == "Easy read; An interpreter"
    assert first[QUESTIONS[0]] == "Yes"
    assert first[QUESTIONS[1]] == "Not sure"
    assert first["Agreed to hear about future studies"] == "Yes"
    second = dict(zip(header, people[1], strict=True))
    assert second["Reference"] == formula.formatted_reference
    assert second["Name"] == '\'=HYPERLINK("http://example.org","Click")'
    assert second["Address"] == "'+1 Evil Street\n@Somewhere"
    assert second[QUESTIONS[0]] == "No"
    assert second[QUESTIONS[1]] == ""
    assert "Gwendolyn" not in response.content.decode("utf-8-sig")
    event = research_events("research.interests_exported").get()
    assert event.detail == {"study": study.pk, "rows": 2}
