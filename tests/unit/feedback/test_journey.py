"""The order of the questions, which ones apply, and how answers become a submission."""

import pytest

from portal.feedback import journey, services
from portal.feedback.factories import COMPLETE_ANSWERS

STEP = journey.STEPS_BY_SLUG


def test_the_journey_starts_with_who_and_ends_with_contact_details():
    assert journey.FIRST_STEP.slug == "who"
    assert journey.STEPS[-1].slug == "contact-details"
    assert len({step.slug for step in journey.STEPS}) == len(journey.STEPS)


def test_questions_about_you_apply_only_after_saying_yes():
    skipping = {**COMPLETE_ANSWERS, "service": "not_said"}
    answering = {**skipping, "about_you": "yes", "ethnic_group": "asian"}

    skipped = {step.slug for step in journey.applicable_steps(skipping)}
    asked = {step.slug for step in journey.applicable_steps(answering)}

    equality = {"ethnic-group", "ethnic-background", "learning-disability", "autism", "age", "gender", "religion"}
    assert not equality & skipped
    assert equality <= asked


def test_the_background_question_follows_a_group_but_not_prefer_not_to_say():
    answers = {"about_you": "yes", "ethnic_group": "asian"}
    assert STEP["ethnic-background"].applies(answers)
    assert not STEP["ethnic-background"].applies({**answers, "ethnic_group": "prefer_not"})


def test_next_step_is_the_first_unanswered_question():
    assert journey.next_step({}).slug == "who"
    assert journey.next_step({"respondent": "carer"}, STEP["who"]).slug == "service"


def test_next_step_goes_back_for_a_question_a_changed_answer_opened():
    answers = {**COMPLETE_ANSWERS, "service": "not_said", "about_you": "yes"}
    # Everything after "share" is answered; changing "about you" to yes opens the equality questions.
    assert journey.next_step(answers, STEP["contact"]).slug == "ethnic-group"


def test_next_step_is_none_when_everything_is_answered():
    answers = {**COMPLETE_ANSWERS, "service": "not_said"}
    assert journey.next_step(answers) is None


def test_contact_details_are_needed_only_when_someone_asks_to_be_contacted():
    answers = {**COMPLETE_ANSWERS, "service": "not_said", "consent_to_contact": "yes"}
    assert journey.next_step(answers).slug == "contact-details"
    assert journey.next_step(answers, has_contact=True) is None


def test_previous_step_skips_questions_that_do_not_apply():
    answers = {**COMPLETE_ANSWERS, "service": "not_said"}
    assert journey.previous_step(answers, STEP["share"]).slug == "about-you"
    assert journey.previous_step(answers, STEP["who"]) is None


def test_answers_to_questions_that_no_longer_apply_are_not_sent():
    answers = {
        **COMPLETE_ANSWERS,
        "service": "not_said",
        "about_you": "no",
        "ethnic_group": "white",
        "religion": "sikh",
    }
    values = services.submission_values(answers)
    assert values["ethnic_group"] == ""
    assert values["religion"] == ""
    assert values["service_id"] is None
    assert values["consent_to_share"] is True


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("7k3m-q9tx", "7K3MQ9TX"), (" 7K3M Q9TX ", "7K3MQ9TX"), ("OIL0-UUUU", "0110VVVV"), ("", "")],
)
def test_reference_codes_are_read_the_way_people_type_them(typed, stored):
    assert services.normalise_reference(typed) == stored


def test_new_reference_codes_use_only_unambiguous_characters():
    codes = {services.new_reference() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert len(code) == 8
        assert not set(code) & set("ILOU")
