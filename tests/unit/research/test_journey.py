"""The "I'm interested" form's steps and checks, without pages or a database."""

from types import SimpleNamespace

import pytest

from portal.research import forms, journey

QUESTIONS = [
    {"id": "q-age", "question": "Are you 18 or over?", "easy_read_question": "Are you an adult?", "hint": ""},
    {
        "id": "q-ward",
        "question": "Have you lived on a ward?",
        "easy_read_question": "Have you lived on a ward?",
        "hint": "",
    },
]


def study(questions=()):
    return SimpleNamespace(questions=list(questions))


def slugs(steps):
    return [step.slug for step in steps]


def contact_form(data, **kwargs):
    return forms.ContactForm(data, study=study(), answers={"name": "Sam"}, **kwargs)


def needs_form(data):
    return forms.NeedsForm(data, study=study())


# Steps ------------------------------------------------------------------------------------------


def test_the_steps_come_in_order():
    assert slugs(journey.applicable_steps(study(QUESTIONS))) == ["name", "contact", "needs", "screening", "consent"]


def test_the_screening_step_is_only_asked_when_the_study_has_questions():
    assert "screening" not in slugs(journey.applicable_steps(study()))
    assert journey.next_step({"name": "Sam", "method": "email", "communication_needs": []}, study()).slug == "consent"
    assert journey.previous_step(study(), journey.STEPS_BY_SLUG["consent"]).slug == "needs"
    assert journey.previous_step(study(QUESTIONS), journey.STEPS_BY_SLUG["consent"]).slug == "screening"


def test_every_step_has_standard_and_easy_read_words_and_a_picture():
    for step in journey.STEPS:
        assert step.title(False) and step.title(True) and step.picture.endswith(".png")


def test_the_next_step_is_the_first_unanswered_one():
    answers = {"name": "Sam"}
    assert journey.next_step({}, study(QUESTIONS)).slug == "name"
    assert journey.next_step(answers, study(QUESTIONS)).slug == "contact"
    # Answering a later step first still comes back to the earlier one.
    answers = {"name": "Sam", "communication_needs": [], "consent": True}
    assert journey.next_step(answers, study(), journey.STEPS_BY_SLUG["needs"]).slug == "contact"


def test_screening_is_answered_only_when_every_question_is():
    answered = {"name": "Sam", "method": "phone", "communication_needs": [], "consent": True}
    one = {**answered, "screening": [{"id": "q-age", "question": "Are you 18 or over?", "answer": "yes"}]}
    assert journey.next_step(one, study(QUESTIONS)).slug == "screening"
    both = {**one, "screening": [*one["screening"], {"id": "q-ward", "question": "x", "answer": "no"}]}
    assert journey.next_step(both, study(QUESTIONS)) is None


# expression_answers -----------------------------------------------------------------------------


DRAFT = {
    "name": "Sam",
    "method": "phone",
    "email": "sam@example.org",
    "phone": "07700 900982",
    "address": "1 High Street",
    "supporter_name": "Alex",
    "supporter_relationship": "family",
    "supporter_email": "alex@example.org",
    "supporter_phone": "",
    "supporter_agreed": True,
    "communication_needs": ["easy_read"],
    "interpreter_language": "Polish",
    "other_needs": "Mornings are best.",
    "screening": [
        {"id": "q-ward", "question": "Have you lived on a ward?", "answer": "not_sure"},
        {"id": "q-gone", "question": "A question the study no longer asks", "answer": "yes"},
        {"id": "q-age", "question": "Are you an adult?", "answer": "yes"},
    ],
    "consent": True,
    "consent_future_studies": True,
    "_unchecked": {"contact": {"email": "half-typed@"}},
}


def test_expression_answers_keep_only_the_chosen_way_of_contact():
    answers = journey.expression_answers(DRAFT, study(QUESTIONS))

    assert answers == {
        "name": "Sam",
        "method": "phone",
        "email": "",
        "phone": "07700 900982",
        "address": "",
        "supporter_name": "",
        "supporter_relationship": "",
        "supporter_email": "",
        "supporter_phone": "",
        "supporter_agreed": False,
        "communication_needs": ["easy_read"],
        # Only kept with an interpreter among the needs.
        "interpreter_language": "",
        "other_needs": "Mornings are best.",
        # In the study's order, as they were asked (here in easy read), without removed questions.
        "screening": [
            {"id": "q-age", "question": "Are you an adult?", "answer": "yes"},
            {"id": "q-ward", "question": "Have you lived on a ward?", "answer": "not_sure"},
        ],
    }


def test_expression_answers_for_a_supporter_keep_the_supporter_and_drop_the_rest():
    draft = {**DRAFT, "method": "supporter", "communication_needs": ["interpreter"]}
    answers = journey.expression_answers(draft, study())

    assert (answers["email"], answers["phone"], answers["address"]) == ("", "", "")
    assert answers["supporter_name"] == "Alex"
    assert answers["supporter_relationship"] == "family"
    assert answers["supporter_email"] == "alex@example.org"
    assert answers["supporter_agreed"] is True
    assert answers["interpreter_language"] == "Polish"
    assert answers["screening"] == []


# The forms' checks ------------------------------------------------------------------------------


def test_a_name_is_needed_and_has_a_limit():
    assert not forms.NameForm({"name": "  "}, study=study()).is_valid()
    assert not forms.NameForm({"name": "a" * 101}, study=study()).is_valid()
    form = forms.NameForm({"name": " Sam <b>Khan</b> "}, study=study())
    assert form.is_valid()
    assert form.values() == {"name": "Sam Khan"}


def test_a_supporter_needs_the_persons_agreement():
    form = contact_form(
        {
            "method": "supporter",
            "supporter_name": "Alex",
            "supporter_relationship": "family",
            "supporter_phone": "07700 900982",
        }
    )
    assert not form.is_valid()
    assert list(form.errors) == ["supporter_agreed"]
    assert "Sam has agreed" in form.errors["supporter_agreed"][0]


def test_a_supporter_needs_an_email_or_a_phone_number():
    data = {
        "method": "supporter",
        "supporter_name": "Alex",
        "supporter_relationship": "staff",
        "supporter_agreed": "on",
    }
    form = contact_form(data)
    assert not form.is_valid()
    assert "an email address or a phone number" in form.errors["supporter_email"][0]
    assert contact_form({**data, "supporter_email": "alex@example.org"}).is_valid()
    assert contact_form({**data, "supporter_phone": "+44 (0)161 496 0000"}).is_valid()


def test_a_supporter_needs_a_name_and_who_they_are():
    form = contact_form({"method": "supporter", "supporter_email": "alex@example.org", "supporter_agreed": "on"})
    assert not form.is_valid()
    assert set(form.errors) == {"supporter_name", "supporter_relationship"}


def test_only_the_chosen_way_of_contact_is_checked_and_kept():
    # Without JavaScript every way's fields are sent; a half-typed email must not stop a phone number.
    form = contact_form({"method": "phone", "phone": "0161 496 0000", "email": "half@", "supporter_name": "Alex"})
    assert form.is_valid(), form.errors
    values = form.values()
    assert values["method"] == "phone"
    assert values["phone"] == "0161 496 0000"
    assert values["email"] == values["supporter_name"] == values["address"] == ""
    assert values["supporter_agreed"] is False
    assert set(values) == {"method", *forms.CONTACT_FIELDS}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "method"),
        ({"method": "email"}, "email"),
        ({"method": "email", "email": "sam@"}, "email"),
        ({"method": "phone"}, "phone"),
        ({"method": "phone", "phone": "0161 496"}, "phone"),
        ({"method": "phone", "phone": "call me on 0161 496 0000"}, "phone"),
        ({"method": "phone", "phone": "0161 496 0000 0000 0000"}, "phone"),
        ({"method": "post"}, "address"),
        ({"method": "pigeon"}, "method"),
    ],
)
def test_contact_details_that_cannot_be_used_are_refused(data, field):
    form = contact_form(data)
    assert not form.is_valid()
    assert field in form.errors


@pytest.mark.parametrize("phone", ["07700900982", "07700 900 982", "+44 7700 900982", "(0161) 496-0000"])
def test_phone_numbers_are_read_leniently(phone):
    assert contact_form({"method": "phone", "phone": phone}).is_valid()


def test_no_needs_cannot_be_chosen_with_a_need():
    form = needs_form({"communication_needs": ["none", "large_print"]})
    assert not form.is_valid()
    assert "Untick one of them" in form.errors["communication_needs"][0]


def test_no_needs_on_its_own_is_stored_as_an_empty_list():
    form = needs_form({"communication_needs": ["none"], "other_needs": "Short meetings, please."})
    assert form.is_valid()
    assert form.values() == {
        "communication_needs": [],
        "interpreter_language": "",
        "other_needs": "Short meetings, please.",
    }
    assert forms.NeedsForm.initial_from(form.values(), study())["communication_needs"] == ["none"]


def test_something_must_be_chosen_about_needs():
    assert "communication_needs" in needs_form({}).errors


def test_an_interpreter_needs_a_language():
    form = needs_form({"communication_needs": ["interpreter"]})
    assert not form.is_valid()
    assert form.errors["interpreter_language"] == ["Enter the language you need an interpreter for."]
    form = needs_form({"communication_needs": ["interpreter", "bsl"], "interpreter_language": "Urdu"})
    assert form.is_valid()
    assert form.values()["interpreter_language"] == "Urdu"


def test_a_language_without_an_interpreter_is_dropped():
    form = needs_form({"communication_needs": ["braille"], "interpreter_language": "Urdu"})
    assert form.is_valid()
    assert form.values()["interpreter_language"] == ""


def test_anything_else_has_a_limit():
    form = needs_form({"communication_needs": ["none"], "other_needs": "a" * 501})
    assert not form.is_valid()
    assert "1 character too long" in form.errors["other_needs"][0]


def test_every_screening_question_needs_an_answer_and_keeps_the_words_asked():
    form = forms.ScreeningForm({"question_1": "yes"}, study=study(QUESTIONS), easy_read=True)
    assert not form.is_valid()
    assert form.errors["question_2"] == ["Answer “Have you lived on a ward?”: choose yes, no or not sure."]

    form = forms.ScreeningForm({"question_1": "yes", "question_2": "not_sure"}, study=study(QUESTIONS), easy_read=True)
    assert form.is_valid()
    assert form.values()["screening"][0] == {"id": "q-age", "question": "Are you an adult?", "answer": "yes"}
    assert forms.ScreeningForm.initial_from(form.values(), study(QUESTIONS)) == {
        "question_1": "yes",
        "question_2": "not_sure",
    }


def test_consent_to_this_study_is_needed_and_future_studies_are_optional():
    assert "consent" in forms.ConsentForm({"consent_future_studies": "on"}, study=study()).errors
    form = forms.ConsentForm({"consent": "on"}, study=study())
    assert form.is_valid()
    assert form.values() == {"consent": True, "consent_future_studies": False}
