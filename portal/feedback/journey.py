"""The questions of the feedback journey, in order: one thing per page.

Each step has its question in standard words and in easy read (shorter words and a picture), the
form that checks the answer, and when it applies. The order and the conditions live here and
nowhere else, so the pages, the back links and "check your answers" always agree.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.core.journeys import Question, next_unanswered, step_before

from . import forms
from .choices import PREFER_NOT_TO_SAY

CONTACT_DETAILS = "contact-details"


def _always(answers):
    return True


def _answering_about_you(answers):
    return answers.get("about_you") == "yes"


def _has_ethnic_group(answers):
    return _answering_about_you(answers) and answers.get("ethnic_group", PREFER_NOT_TO_SAY) != PREFER_NOT_TO_SAY


def _wants_contact(answers):
    return answers.get("consent_to_contact") == "yes"


@dataclass(frozen=True)
class Step(Question):
    applies: Callable[[dict], bool] = _always

    @property
    def fields(self):
        return list(self.form_class.base_fields)

    @property
    def text_fields(self):
        """The free-text answers of this step (what was good, what could be better)."""
        return [name for name, field in self.form_class.base_fields.items() if isinstance(field, forms.FreeTextField)]


EQUALITY_REASON = _(
    "We ask so we can check that every group gets fair care, as the Patient and Carer Race Equality "
    "Framework asks. Your answers are never shown on their own, only in totals."
)
EASY_EQUALITY_REASON = _("We want to check that everyone gets fair care. Nobody will see your answers on their own.")

STEPS = [
    Step(
        "who",
        forms.RespondentForm,
        _("Which of these describes you best?"),
        _("Who are you?"),
        "person.png",
        easy_hint=_("Choose one."),
        summary_label=_("Who you are"),
    ),
    Step(
        "service",
        forms.ServiceForm,
        _("Which service is your feedback about?"),
        _("Which place is it about?"),
        "hospital.png",
        hint=_("Choose the ward or service. You do not have to say."),
        easy_hint=_("Choose the ward or service. You do not have to tell us."),
        summary_label=_("Service"),
    ),
    Step(
        "when",
        forms.WhenForm,
        _("Roughly when was this?"),
        _("When was this?"),
        "calendar.png",
        summary_label=_("When"),
    ),
    Step(
        "overall",
        forms.OverallForm,
        _("Overall, how was your experience of the service?"),
        _("How was it?"),
        "thumbs-up.png",
        easy_hint=_("Choose the face that shows how you feel."),
        summary_label=_("Overall"),
        easy_pictures={
            "very_good": "face-very-happy.png",
            "good": "face-happy.png",
            "neither": "face-neither.png",
            "poor": "face-sad.png",
            "very_poor": "face-very-sad.png",
            "dont_know": "question-mark.png",
        },
    ),
    Step(
        "what-was-good",
        forms.WhatWasGoodForm,
        _("What was good?"),
        _("What was good?"),
        "heart.png",
        hint=_(
            "For example, how staff treated you, your care, the ward or how you were kept informed. "
            "Please do not include names. You can leave this empty."
        ),
        easy_hint=_("Tell us what you liked. Please do not write names. You can leave this empty."),
        summary_label=_("What was good"),
    ),
    Step(
        "what-could-be-better",
        forms.WhatCouldBeBetterForm,
        _("What could be better?"),
        _("What could be better?"),
        "idea.png",
        hint=_("Tell us what would have made things better. Please do not include names. You can leave this empty."),
        easy_hint=_("Tell us what should change. Please do not write names. You can leave this empty."),
        summary_label=_("What could be better"),
    ),
    Step(
        "about-you",
        forms.AboutYouForm,
        _("Would you like to answer some questions about you?"),
        _("Can we ask some questions about you?"),
        "question-mark.png",
        hint=EQUALITY_REASON,
        easy_hint=EASY_EQUALITY_REASON,
        summary_label=_("Questions about you"),
    ),
    Step(
        "ethnic-group",
        forms.EthnicGroupForm,
        _("What is your ethnic group?"),
        _("What is your ethnic group?"),
        "people-holding-hands.png",
        hint=EQUALITY_REASON,
        easy_hint=EASY_EQUALITY_REASON,
        summary_label=_("Ethnic group"),
        applies=_answering_about_you,
    ),
    Step(
        "ethnic-background",
        forms.EthnicBackgroundForm,
        _("Which of these best describes your background?"),
        _("Which of these is your background?"),
        "people-holding-hands.png",
        summary_label=_("Background"),
        applies=_has_ethnic_group,
    ),
    Step(
        "learning-disability",
        forms.LearningDisabilityForm,
        _("Do you have a learning disability?"),
        _("Do you have a learning disability?"),
        "books.png",
        hint=EQUALITY_REASON,
        easy_hint=EASY_EQUALITY_REASON,
        summary_label=_("Learning disability"),
        applies=_answering_about_you,
    ),
    Step(
        "autism",
        forms.AutismForm,
        _("Are you autistic?"),
        _("Are you autistic?"),
        "person.png",
        hint=_("Answer “Yes” if you have an autism diagnosis or you are waiting for an assessment."),
        easy_hint=_("Say yes if a doctor said you are autistic, or you are waiting to find out."),
        summary_label=_("Autistic"),
        applies=_answering_about_you,
    ),
    Step(
        "age",
        forms.AgeForm,
        _("How old are you?"),
        _("How old are you?"),
        "calendar.png",
        summary_label=_("Age"),
        applies=_answering_about_you,
    ),
    Step(
        "gender",
        forms.GenderForm,
        _("How would you describe your gender?"),
        _("Are you a woman, a man, or something else?"),
        "person.png",
        summary_label=_("Gender"),
        applies=_answering_about_you,
    ),
    Step(
        "religion",
        forms.ReligionForm,
        _("What is your religion?"),
        _("What is your religion?"),
        "open-hands.png",
        summary_label=_("Religion"),
        applies=_answering_about_you,
    ),
    Step(
        "share",
        forms.ShareForm,
        _("May we share your words without your name?"),
        _("Can we share what you wrote?"),
        "speech-bubbles.png",
        hint=_(
            "We may quote what you wrote in reports to the people who run services, and in public updates. "
            "We remove names and anything that could identify you first."
        ),
        easy_hint=_("We take out your name first. Nobody will know it was you."),
        summary_label=_("Share your words"),
    ),
    Step(
        "contact",
        forms.ContactConsentForm,
        _("May we contact you about your feedback?"),
        _("Can we get in touch with you?"),
        "telephone.png",
        hint=_(
            "Only if you would like us to. We keep your contact details locked away from your feedback and "
            "delete them once we have been in touch."
        ),
        easy_hint=_("Only if you want us to. We delete your details after we talk to you."),
        summary_label=_("Contact you"),
    ),
    Step(
        CONTACT_DETAILS,
        forms.ContactDetailsForm,
        _("How can we contact you?"),
        _("How can we get in touch?"),
        "mobile-phone.png",
        hint=_("We will only use these details to talk to you about your feedback."),
        easy_hint=_("We only use this to talk about your feedback."),
        summary_label=_("Contact details"),
        applies=_wants_contact,
    ),
]

STEPS_BY_SLUG = {step.slug: step for step in STEPS}
FIRST_STEP = STEPS[0]


def applicable_steps(answers):
    return [step for step in STEPS if step.applies(answers)]


def step_is_answered(step, answers, *, has_contact=False):
    if step.slug == CONTACT_DETAILS:
        return has_contact
    return all(name in answers for name in step.fields)


def next_step(answers, after=None, *, has_contact=False):
    """The first unanswered step after `after` (or from the start); None when everything is answered."""
    return next_unanswered(
        applicable_steps(answers), lambda step: step_is_answered(step, answers, has_contact=has_contact), after
    )


def previous_step(answers, step):
    return step_before(applicable_steps(answers), step)
