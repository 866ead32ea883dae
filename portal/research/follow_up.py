"""What a person told us, as the research team reads it: the list's short columns, the detail
page's summary rows and the CSV's rows.

Everything here works on answers already decrypted (services.answers_of) and tolerates missing or
unknown values: answers saved by an older version of the form show what they have, and nothing
for the rest.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from .choices import CommunicationNeed, ContactMethod, InterestStatus, ScreeningAnswer, SupporterRelationship

# The list is a table with a column for each: its full labels are sentences written for the person
# filling in the form, too long to scan down a column.
SHORT_METHODS = {
    ContactMethod.EMAIL: gettext_lazy("Email"),
    ContactMethod.PHONE: gettext_lazy("Phone"),
    ContactMethod.POST: gettext_lazy("Post"),
    ContactMethod.SUPPORTER: gettext_lazy("Through a supporter"),
}
SHORT_NEEDS = {
    CommunicationNeed.EASY_READ: gettext_lazy("Easy read"),
    CommunicationNeed.LARGE_PRINT: gettext_lazy("Large print"),
    CommunicationNeed.BSL: gettext_lazy("BSL"),
    CommunicationNeed.AUDIO: gettext_lazy("Audio"),
    CommunicationNeed.BRAILLE: gettext_lazy("Braille"),
    CommunicationNeed.INTERPRETER: gettext_lazy("Interpreter"),
    CommunicationNeed.SUPPORT_PERSON: gettext_lazy("Support person"),
}


def label_of(choices, value):
    """The choice's label, or the stored value itself if the choice no longer exists."""
    if not value:
        return ""
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def yes_no(value):
    return _("Yes") if value else _("No")


def short_method(answers):
    method = answers.get("method") or ""
    return str(SHORT_METHODS.get(method, method))


def short_needs(answers):
    """Communication needs in a few words each, the interpreter's language beside it."""
    labels = []
    for need in answers.get("communication_needs") or []:
        label = str(SHORT_NEEDS.get(need, need))
        if need == CommunicationNeed.INTERPRETER and answers.get("interpreter_language"):
            label = f"{label} ({answers['interpreter_language']})"
        labels.append(label)
    if answers.get("other_needs"):
        labels.append(_("Other"))
    return labels


def need_labels(answers):
    return [label_of(CommunicationNeed, need) for need in answers.get("communication_needs") or []]


def language_name(code):
    if not code:
        return ""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        try:
            return get_language_info(code.split("-")[0])["name_translated"]
        except KeyError:
            return code


def list_row(expression, answers):
    """One row of the study's list. Withdrawn or deleted rows keep no name to show."""
    return {
        "expression": expression,
        "has_details": expression.has_personal_data,
        "name": answers.get("name") or "",
        "method": short_method(answers),
        "needs": short_needs(answers),
    }


def summary_sections(expression, answers):
    """The detail page's summary lists: (heading, [(key, lines)]). Empty answers are left out, so
    a missing answer shows nothing."""
    about = [
        (_("Reference"), expression.formatted_reference),
        (_("Registered"), _when(expression.created_at)),
        (_("Status"), expression.get_status_display()),
        (_("Status last changed"), _when(expression.status_changed_at)),
        (_("Used the easy-read form"), yes_no(expression.easy_read)),
        (_("Language of the website"), language_name(expression.language)),
    ]
    sections = []
    if expression.has_personal_data:
        sections.append((_("Who they are"), _present([(_("Name"), answers.get("name")), *about])))
        sections.append((_("How to contact them"), _present(_contact(answers))))
        if answers.get("method") == ContactMethod.SUPPORTER or answers.get("supporter_name"):
            sections.append((_("Their supporter"), _present(_supporter(answers))))
        sections.append((_("Communication needs"), _present(_needs(answers))))
        screening = [
            (item.get("question") or "", label_of(ScreeningAnswer, item.get("answer")))
            for item in answers.get("screening") or []
            if isinstance(item, dict)
        ]
        if screening:
            sections.append((_("Screening questions"), _present(screening)))
    else:
        sections.append((_("About this expression of interest"), _present(about)))
    sections.append(
        (
            _("Consent"),
            _present(
                [
                    (_("Agreed to be contacted about this study"), yes_no(expression.consent_this_study)),
                    (_("Agreed to hear about future studies"), yes_no(expression.consent_future_studies)),
                ]
            ),
        )
    )
    return [(heading, rows) for heading, rows in sections if rows]


def _contact(answers):
    return [
        (_("How they would like to be contacted"), label_of(ContactMethod, answers.get("method"))),
        (_("Email"), answers.get("email")),
        (_("Phone"), answers.get("phone")),
        (_("Address"), _lines(answers.get("address"))),
    ]


def _supporter(answers):
    rows = [
        (_("Name"), answers.get("supporter_name")),
        (_("Relationship"), label_of(SupporterRelationship, answers.get("supporter_relationship"))),
        (_("Email"), answers.get("supporter_email")),
        (_("Phone"), answers.get("supporter_phone")),
    ]
    if "supporter_agreed" in answers:
        rows.append((_("The person agreed to be contacted through them"), yes_no(answers["supporter_agreed"])))
    return rows


def _needs(answers):
    needs = need_labels(answers)
    return [
        (_("Support they need"), needs or ([_("None given")] if "communication_needs" in answers else [])),
        (_("Interpreter language"), answers.get("interpreter_language")),
        (_("Anything else"), _lines(answers.get("other_needs"))),
    ]


def _lines(text):
    return [line for line in (text or "").splitlines() if line.strip()]


def _present(rows):
    """Rows with an answer, each value as a list of lines."""
    return [(key, value if isinstance(value, list) else [value]) for key, value in rows if value]


def _when(moment):
    if moment is None:
        return ""
    return date_format(timezone.localtime(moment), "j F Y, H:i")


# The CSV ----------------------------------------------------------------------------------------


def csv_questions(study, answer_sets):
    """One column per screening question: the study's questions now, then any that were answered
    but have since been taken off the page, so no answer is left out of the file."""
    questions = {question["id"]: question["question"] for question in study.questions}
    for answers in answer_sets:
        for item in answers.get("screening") or []:
            if isinstance(item, dict) and item.get("id") and item["id"] not in questions:
                questions[item["id"]] = item.get("question") or ""
    return list(questions.items())


def csv_header(questions):
    return [
        _("Reference"),
        _("Registered"),
        _("Status"),
        _("Name"),
        _("Contact method"),
        _("Email"),
        _("Phone"),
        _("Address"),
        _("Supporter name"),
        _("Supporter relationship"),
        _("Supporter email"),
        _("Supporter phone"),
        _("Person agreed to contact through supporter"),
        _("Communication needs"),
        _("Interpreter language"),
        _("Other needs"),
        *(text for _id, text in questions),
        _("Agreed to hear about future studies"),
    ]


def csv_row(expression, answers, questions):
    screening = {
        item.get("id"): label_of(ScreeningAnswer, item.get("answer"))
        for item in answers.get("screening") or []
        if isinstance(item, dict)
    }
    agreed = answers.get("supporter_agreed")
    return [
        expression.formatted_reference,
        timezone.localtime(expression.created_at).strftime("%Y-%m-%d %H:%M"),
        label_of(InterestStatus, expression.status),
        answers.get("name") or "",
        label_of(ContactMethod, answers.get("method")),
        answers.get("email") or "",
        answers.get("phone") or "",
        answers.get("address") or "",
        answers.get("supporter_name") or "",
        label_of(SupporterRelationship, answers.get("supporter_relationship")),
        answers.get("supporter_email") or "",
        answers.get("supporter_phone") or "",
        yes_no(agreed) if agreed is not None else "",
        "; ".join(need_labels(answers)),
        answers.get("interpreter_language") or "",
        answers.get("other_needs") or "",
        *(screening.get(question_id, "") for question_id, _text in questions),
        yes_no(expression.consent_future_studies),
    ]
