"""One small form per question of the "I'm interested" form.

Every form takes the study, the answers so far and the reading mode, and gives back `values()`:
exactly what portal.research.journey keeps in the draft for its step. Messages say what to do next
in plain words. Typed text is cleaned (portal.core.sanitise) before it is checked or stored.
"""

import re

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from portal.core.sanitise import clean_text

from .choices import CommunicationNeed, ContactMethod, ScreeningAnswer, SupporterRelationship

NAME_LENGTH = 100
ADDRESS_LENGTH = 500
OTHER_NEEDS_LENGTH = 500
NO_NEEDS = "none"
PHONE_CHARACTERS = re.compile(r"^[0-9 +()\-]+$")

# The fields that belong to each way of being contacted: only the chosen way's are checked and kept.
METHOD_FIELDS = {
    ContactMethod.EMAIL: ("email",),
    ContactMethod.PHONE: ("phone",),
    ContactMethod.POST: ("address",),
    ContactMethod.SUPPORTER: (
        "supporter_name",
        "supporter_relationship",
        "supporter_email",
        "supporter_phone",
        "supporter_agreed",
    ),
}
CONTACT_FIELDS = [name for names in METHOD_FIELDS.values() for name in names]


class StepForm(forms.Form):
    # Text the person typed that is kept in the draft even when it does not pass its checks.
    text_fields = ()

    def __init__(self, *args, study, answers=None, easy_read=False, **kwargs):
        self.study = study
        self.answers = answers or {}
        self.easy_read = easy_read
        super().__init__(*args, **kwargs)

    @classmethod
    def initial_from(cls, answers, study):
        return {name: answers[name] for name in cls.base_fields if name in answers}

    def values(self):
        return dict(self.cleaned_data)


class TextField(forms.CharField):
    """One line of text, cleaned; the message for too long says how much to take off."""

    def __init__(self, *, max_length, multiline=False, **kwargs):
        self.multiline = multiline
        widget = forms.Textarea(attrs={"rows": 5}) if multiline else forms.TextInput
        super().__init__(required=False, strip=False, widget=widget, **kwargs)
        self.limit = max_length

    def to_python(self, value):
        return clean_text(super().to_python(value) or "", multiline=self.multiline)

    def validate(self, value):
        super().validate(value)
        if len(value) > self.limit:
            over = len(value) - self.limit
            raise forms.ValidationError(
                ngettext(
                    "This is %(over)s character too long. Make it %(limit)s characters or fewer.",
                    "This is %(over)s characters too long. Make it %(limit)s characters or fewer.",
                    over,
                )
                % {"over": over, "limit": self.limit},
                code="max_length",
            )


def phone_number(value):
    """Lenient on purpose: people write numbers in many ways; the team only needs to ring it."""
    if not value:
        return value
    digits = sum(character.isdigit() for character in value)
    if not PHONE_CHARACTERS.match(value) or not 10 <= digits <= 15:
        raise forms.ValidationError(
            _("Enter a phone number with 10 to 15 digits, like 07700 900 982 or +44 161 496 0000."),
            code="invalid",
        )
    return value


def email_field():
    return forms.EmailField(
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address like name@example.com."),
            "max_length": _("Enter an email address of 254 characters or fewer."),
        },
    )


class NameForm(StepForm):
    name = TextField(max_length=NAME_LENGTH)
    text_fields = ("name",)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(
                _("Enter a name the research team can call you. It can be a first name or a nickname."),
                code="required",
            )
        return name


class ContactForm(StepForm):
    """How to reach them. Without JavaScript every way's fields show at once: only the chosen way's
    are checked, and the others are dropped, so a half-typed email never sits beside a phone number."""

    method = forms.ChoiceField(
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how the research team should contact you."),
            "invalid_choice": _("Choose one of the ways on the page."),
        },
    )
    email = email_field()
    phone = forms.CharField(required=False, max_length=30, validators=[phone_number])
    address = TextField(max_length=ADDRESS_LENGTH, multiline=True)
    supporter_name = TextField(max_length=NAME_LENGTH)
    supporter_relationship = forms.ChoiceField(
        choices=SupporterRelationship.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose one of the answers on the page.")},
    )
    supporter_email = email_field()
    supporter_phone = forms.CharField(required=False, max_length=30, validators=[phone_number])
    supporter_agreed = forms.BooleanField(required=False)

    text_fields = ("email", "phone", "address", "supporter_name", "supporter_email", "supporter_phone")

    def clean_phone(self):
        return clean_text(self.cleaned_data["phone"], multiline=False)

    def clean_supporter_phone(self):
        return clean_text(self.cleaned_data["supporter_phone"], multiline=False)

    @property
    def person(self):
        """The name from the first question, to say whose agreement the checkbox is about."""
        return self.answers.get("name") or gettext("The person who is interested")

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("method")
        for name in CONTACT_FIELDS:
            if name not in METHOD_FIELDS.get(method, ()):
                self.errors.pop(name, None)
                cleaned.pop(name, None)
        if method == ContactMethod.EMAIL:
            self._require("email", _("Enter your email address, or choose another way to be contacted."))
        elif method == ContactMethod.PHONE:
            self._require("phone", _("Enter your phone number, or choose another way to be contacted."))
        elif method == ContactMethod.POST:
            self._require("address", _("Enter your address and postcode, or choose another way to be contacted."))
        elif method == ContactMethod.SUPPORTER:
            self._require("supporter_name", _("Enter the name of the person who supports you."))
            self._require("supporter_relationship", _("Choose who the person who supports you is."))
            reachable = cleaned.get("supporter_email") or cleaned.get("supporter_phone")
            has_errors = "supporter_email" in self.errors or "supporter_phone" in self.errors
            if not reachable and not has_errors:
                self.add_error(
                    "supporter_email",
                    _("Enter an email address or a phone number for the person who supports you, or both."),
                )
            if not cleaned.get("supporter_agreed"):
                self.add_error(
                    "supporter_agreed",
                    _("Tick the box to confirm %(name)s has agreed to be contacted through this person.")
                    % {"name": self.answers.get("name") or gettext("the person who is interested")},
                )
        return cleaned

    def _require(self, name, message):
        if not self.cleaned_data.get(name) and name not in self.errors:
            self.add_error(name, message)

    def values(self):
        values = dict.fromkeys(CONTACT_FIELDS, "")
        values["supporter_agreed"] = False
        values.update({name: self.cleaned_data[name] for name in self.cleaned_data if name in values})
        values["method"] = self.cleaned_data["method"]
        return values


NEED_CHOICES = [*CommunicationNeed.choices, (NO_NEEDS, _("No, I do not need any of these"))]


class NeedsForm(StepForm):
    communication_needs = forms.MultipleChoiceField(
        choices=NEED_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose how you need information, or choose “No, I do not need any of these”."),
            "invalid_choice": _("Choose from the answers on the page."),
        },
    )
    interpreter_language = TextField(max_length=NAME_LENGTH)
    other_needs = TextField(max_length=OTHER_NEEDS_LENGTH, multiline=True)

    text_fields = ("interpreter_language", "other_needs")

    @classmethod
    def initial_from(cls, answers, study):
        initial = super().initial_from(answers, study)
        if "communication_needs" in answers and not answers["communication_needs"]:
            initial["communication_needs"] = [NO_NEEDS]
        return initial

    def clean(self):
        cleaned = super().clean()
        needs = cleaned.get("communication_needs") or []
        if NO_NEEDS in needs and len(needs) > 1:
            self.add_error(
                "communication_needs",
                _("You chose “No, I do not need any of these” and a way you need information. Untick one of them."),
            )
        if CommunicationNeed.INTERPRETER in needs:
            if not cleaned.get("interpreter_language") and "interpreter_language" not in self.errors:
                self.add_error("interpreter_language", _("Enter the language you need an interpreter for."))
        else:
            self.errors.pop("interpreter_language", None)
            cleaned["interpreter_language"] = ""
        return cleaned

    def values(self):
        return {
            "communication_needs": [need for need in self.cleaned_data["communication_needs"] if need != NO_NEEDS],
            "interpreter_language": self.cleaned_data["interpreter_language"],
            "other_needs": self.cleaned_data["other_needs"],
        }


class ScreeningForm(StepForm):
    """One yes / no / not sure question per screening question the study asks, in its order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for position, question in enumerate(self.study.questions, start=1):
            asked = question["easy_read_question"] if self.easy_read else question["question"]
            field = forms.ChoiceField(
                label=asked,
                help_text=question["hint"],
                choices=ScreeningAnswer.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Answer “%(question)s”: choose yes, no or not sure.") % {"question": asked},
                    "invalid_choice": _("Choose yes, no or not sure."),
                },
            )
            field.question = question
            self.fields[f"question_{position}"] = field

    @classmethod
    def initial_from(cls, answers, study):
        given = {answer["id"]: answer["answer"] for answer in answers.get("screening", [])}
        return {
            f"question_{position}": given[question["id"]]
            for position, question in enumerate(study.questions, start=1)
            if question["id"] in given
        }

    def values(self):
        # The words as asked: a team reading "not sure" needs to know which wording was not sure.
        return {
            "screening": [
                {"id": field.question["id"], "question": str(field.label), "answer": self.cleaned_data[name]}
                for name, field in self.fields.items()
            ]
        }


class ConsentForm(StepForm):
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "Tick the box to agree that the research team can contact you. They cannot get in touch without it."
            )
        }
    )
    consent_future_studies = forms.BooleanField(required=False)
