"""One small form per question of the feedback journey.

Every message says what to do next, in plain words. Free text is cleaned (portal.core.sanitise)
before it is checked or stored, and its length limit is the same one the page counts down from.
"""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.core.sanitise import clean_text

from .choices import (
    AgeBand,
    ContactMethod,
    EthnicBackground,
    EthnicGroup,
    Gender,
    Overall,
    Religion,
    Respondent,
    WhenChoice,
    YesNo,
    YesNoUnsure,
)
from .models import MAX_ANSWER_LENGTH, Service

NOT_SAID = "not_said"


class StepForm(forms.Form):
    """A question. `field_name` is the one answer most steps store; multi-field steps list theirs."""

    template_name = "feedback/includes/step_fields.html"
    field_name = None

    def __init__(self, *args, answers=None, easy_read=False, **kwargs):
        self.answers = answers or {}
        self.easy_read = easy_read
        super().__init__(*args, **kwargs)

    def answer_names(self):
        return list(self.fields)


def choice(choices, required_message):
    return forms.ChoiceField(
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": required_message,
            "invalid_choice": _("Choose one of the answers on the page."),
        },
    )


class RespondentForm(StepForm):
    respondent = choice(Respondent.choices, _("Choose the answer that describes you best."))


class ServiceForm(StepForm):
    service = forms.ChoiceField(
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a service, or choose “I’d rather not say”."),
            "invalid_choice": _("Choose one of the services on the page, or “I’d rather not say”."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        services = Service.objects.offered().select_related("organisation")
        self.service_groups = {}
        for service in services:
            self.service_groups.setdefault(service.organisation.name, []).append(service)
        self.fields["service"].choices = [(str(service.pk), service.name) for service in services] + [
            (NOT_SAID, _("I’d rather not say"))
        ]


class WhenForm(StepForm):
    when = choice(WhenChoice.choices, _("Choose roughly when, or “I’d rather not say”."))


class OverallForm(StepForm):
    overall = choice(Overall.choices, _("Choose how your experience was overall, or “Don’t know”."))


class FreeTextField(forms.CharField):
    """Up to MAX_ANSWER_LENGTH characters after cleaning; the message counts what they typed."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, widget=forms.Textarea(attrs={"rows": 8}), **kwargs)

    def to_python(self, value):
        return clean_text(super().to_python(value) or "")

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_ANSWER_LENGTH:
            over = len(value) - MAX_ANSWER_LENGTH
            raise forms.ValidationError(
                ngettext(
                    "Your answer is %(over)s character too long. Make it %(limit)s characters or fewer. "
                    "We have kept what you wrote.",
                    "Your answer is %(over)s characters too long. Make it %(limit)s characters or fewer. "
                    "We have kept what you wrote.",
                    over,
                )
                % {"over": f"{over:,}", "limit": f"{MAX_ANSWER_LENGTH:,}"},
                code="max_length",
            )


class WhatWasGoodForm(StepForm):
    what_was_good = FreeTextField()


class WhatCouldBeBetterForm(StepForm):
    what_could_be_better = FreeTextField()


class AboutYouForm(StepForm):
    about_you = choice(YesNo.choices, _("Choose “Yes” to answer questions about you, or “No” to skip them."))


class EthnicGroupForm(StepForm):
    ethnic_group = choice(EthnicGroup.choices, _("Choose your ethnic group, or “Prefer not to say”."))


class EthnicBackgroundForm(StepForm):
    ethnic_background = choice(EthnicBackground.choices, _("Choose your background, or “Prefer not to say”."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group = self.answers.get("ethnic_group", "")
        self.fields["ethnic_background"].choices = [
            (option.value, option.label) for option in EthnicBackground.for_group(group)
        ]


class LearningDisabilityForm(StepForm):
    learning_disability = choice(YesNoUnsure.choices, _("Choose an answer, or “Prefer not to say”."))


class AutismForm(StepForm):
    autism = choice(YesNoUnsure.choices, _("Choose an answer, or “Prefer not to say”."))


class AgeForm(StepForm):
    age_band = choice(AgeBand.choices, _("Choose your age group, or “Prefer not to say”."))


class GenderForm(StepForm):
    gender = choice(Gender.choices, _("Choose how you describe yourself, or “Prefer not to say”."))


class ReligionForm(StepForm):
    religion = choice(Religion.choices, _("Choose your religion, or “Prefer not to say”."))


class ShareForm(StepForm):
    consent_to_share = choice(YesNo.choices, _("Choose “Yes” or “No”."))


class ContactConsentForm(StepForm):
    consent_to_contact = choice(YesNo.choices, _("Choose “Yes” or “No”."))


uk_phone = RegexValidator(
    r"^\+?[0-9 ()-]{10,20}$",
    _("Enter a phone number with 10 or 11 digits, like 07700 900 982 or 0161 496 0000."),
)


class ContactDetailsForm(StepForm):
    """How to reach them. Never stored in the clear: portal.feedback.services encrypts it."""

    name = forms.CharField(
        label=_("What should we call you? (optional)"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Make the name 100 characters or fewer.")},
    )
    method = choice(ContactMethod.choices, _("Choose how we should contact you."))
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=20, validators=[uk_phone])

    def clean_name(self):
        return clean_text(self.cleaned_data["name"], multiline=False)

    def clean_phone(self):
        return clean_text(self.cleaned_data["phone"], multiline=False)

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("method")
        if method == ContactMethod.EMAIL and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter your email address, or choose another way to contact you."))
        wants_phone = method in (ContactMethod.PHONE, ContactMethod.TEXT)
        if wants_phone and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Enter your phone number, or choose another way to contact you."))
        return cleaned
