"""The questions of the "I'm interested" form, in order: one thing per page.

Each step has its question in standard words and in easy read (with a picture), the form that
checks the answer, and when it applies. The order and the conditions live here and nowhere else,
so the pages, the back links and "check your answers" (answer_rows) always agree. `expression_answers` turns a
draft's answers into what the research team is given, in the one shape the research area reads.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.core.journeys import Question, next_unanswered, step_before

from . import forms
from .choices import CommunicationNeed, ContactMethod, ScreeningAnswer, SupporterRelationship

NAME = "name"
CONTACT = "contact"
NEEDS = "needs"
SCREENING = "screening"
CONSENT = "consent"


def _always(study):
    return True


def _has_questions(study):
    return bool(study.questions)


@dataclass(frozen=True)
class Step(Question):
    answered: Callable[[dict, object], bool] = lambda answers, study: False
    applies: Callable[[object], bool] = _always


def _screening_answered(answers, study):
    given = {answer.get("id") for answer in answers.get("screening", [])}
    return all(question["id"] in given for question in study.questions)


NOBODY_TURNED_AWAY = _(
    "Nobody is turned away because of these answers. They help the research team know what to talk to you about."
)

STEPS = [
    Step(
        NAME,
        forms.NameForm,
        _("What should we call you?"),
        _("What is your name?"),
        "person.png",
        hint=_(
            "The name of the person who is interested in taking part. If you are filling this in for someone "
            "else, give their name."
        ),
        easy_hint=_("If you are helping someone, write their name."),
        summary_label=_("Name"),
        answered=lambda answers, study: "name" in answers,
    ),
    Step(
        CONTACT,
        forms.ContactForm,
        _("How should the research team contact you?"),
        _("How can the research team get in touch?"),
        "telephone.png",
        hint=_("Choose one way. The team only uses it to talk to you about this study."),
        easy_hint=_("Choose one. They only use it to talk about this study."),
        summary_label=_("How to contact you"),
        answered=lambda answers, study: "method" in answers,
        easy_pictures={
            ContactMethod.EMAIL: "email.png",
            ContactMethod.PHONE: "mobile-phone.png",
            ContactMethod.POST: "letter.png",
            ContactMethod.SUPPORTER: "carer.png",
        },
    ),
    Step(
        NEEDS,
        forms.NeedsForm,
        _("Do you need information in a different way?"),
        _("Do you need things in a different way?"),
        "open-hands.png",
        hint=_("The research team will send you information in the ways you need. Choose all that apply."),
        easy_hint=_("Tell us what helps you. You can choose more than one."),
        summary_label=_("Communication needs"),
        answered=lambda answers, study: "communication_needs" in answers,
    ),
    Step(
        SCREENING,
        forms.ScreeningForm,
        _("Some questions about you"),
        _("Some questions"),
        "question-mark.png",
        hint=NOBODY_TURNED_AWAY,
        easy_hint=_("Your answers do not stop you taking part. They help the team know what to ask you."),
        summary_label=_("Questions about you"),
        answered=_screening_answered,
        applies=_has_questions,
    ),
    Step(
        CONSENT,
        forms.ConsentForm,
        _("Can the research team contact you?"),
        _("Is it OK for the team to get in touch?"),
        "tick.png",
        summary_label=_("Agreed to be contacted"),
        answered=lambda answers, study: answers.get("consent") is True,
    ),
]

STEPS_BY_SLUG = {step.slug: step for step in STEPS}
FIRST_STEP = STEPS[0]


def applicable_steps(study):
    return [step for step in STEPS if step.applies(study)]


def next_step(answers, study, after=None):
    """The first unanswered step after `after` (or from the start); None when everything is answered."""
    return next_unanswered(applicable_steps(study), lambda step: step.answered(answers, study), after)


def previous_step(study, step):
    return step_before(applicable_steps(study), step)


CONTACT_KEYS = ["method", *forms.CONTACT_FIELDS]


def expression_answers(draft_answers, study):
    """What the research team is given, from a draft's answers.

    Only the chosen way of contact keeps its details (the others are empty strings), screening
    answers follow the study's questions now, and anything else in the draft (text kept while it
    failed its checks) is left behind.
    """
    method = draft_answers.get("method", "")
    kept = set(forms.METHOD_FIELDS.get(method, ()))
    answers = {"name": draft_answers.get("name", ""), "method": method}
    for name in forms.CONTACT_FIELDS:
        if name == "supporter_agreed":
            answers[name] = bool(draft_answers.get(name)) if name in kept else False
        else:
            answers[name] = str(draft_answers.get(name, "")) if name in kept else ""
    answers["communication_needs"] = list(draft_answers.get("communication_needs", []))
    needs_interpreter = CommunicationNeed.INTERPRETER in answers["communication_needs"]
    answers["interpreter_language"] = draft_answers.get("interpreter_language", "") if needs_interpreter else ""
    answers["other_needs"] = draft_answers.get("other_needs", "")
    given = {answer["id"]: answer for answer in draft_answers.get("screening", [])}
    answers["screening"] = [
        {
            "id": question["id"],
            "question": given[question["id"]].get("question") or question["question"],
            "answer": given[question["id"]]["answer"],
        }
        for question in study.questions
        if question["id"] in given
    ]
    return answers


def answer_rows(study, answers):
    """ "Check your answers": one row per answer, each with a link back to its question."""

    def change(slug):
        return reverse("research:step", kwargs={"study_id": study.pk, "slug": slug}) + "?change=1"

    method = answers.get("method", "")
    contact = [str(ContactMethod(method).label)] if method in ContactMethod.values else []
    if method == ContactMethod.SUPPORTER:
        relationship = answers.get("supporter_relationship", "")
        contact.append(answers.get("supporter_name", ""))
        if relationship in SupporterRelationship.values:
            contact.append(str(SupporterRelationship(relationship).label))
        contact += [answers.get("supporter_email", ""), answers.get("supporter_phone", "")]
        agreed = gettext("%(name)s has agreed to be contacted through them") % {"name": answers.get("name", "")}
        contact.append(agreed if answers.get("supporter_agreed") else "")
    else:
        contact.append(answers.get({"email": "email", "phone": "phone", "post": "address"}.get(method, ""), ""))

    needs = [str(CommunicationNeed(need).label) for need in answers.get("communication_needs", [])]
    if answers.get("interpreter_language") and CommunicationNeed.INTERPRETER in answers.get("communication_needs", []):
        needs.append(gettext("Interpreter language: %(language)s") % {"language": answers["interpreter_language"]})
    if answers.get("other_needs"):
        needs.append(answers["other_needs"])
    if not needs:
        needs = [gettext("No, I do not need any of these")]

    rows = [
        {"label": gettext("Name"), "value": answers.get("name", ""), "url": change(NAME)},
        {"label": gettext("How to contact you"), "value": "\n".join(p for p in contact if p), "url": change(CONTACT)},
        {"label": gettext("Communication needs"), "value": "\n".join(needs), "url": change(NEEDS)},
    ]
    if study.questions:
        labels = dict(ScreeningAnswer.choices)
        rows += [
            {
                "label": answer["question"],
                "value": str(labels.get(answer["answer"], "")),
                "url": change(SCREENING),
            }
            for answer in expression_answers(answers, study)["screening"]
        ]
    consent = [gettext("Yes, about this study")]
    consent.append(
        gettext("Yes, about other studies too")
        if answers.get("consent_future_studies")
        else gettext("Not about other studies")
    )
    rows.append({"label": gettext("Agreed to be contacted"), "value": "\n".join(consent), "url": change(CONSENT)})
    return rows
