"""Forms of the moderation queue in the Wagtail admin. Each works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.sanitise import clean_text

from .anonymise.labels import Label
from .choices import Decision, Sentiment, Severity, SubmissionStatus
from .models import Service, Theme

MAX_REASON_LENGTH = 2_000


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the query string. Anything unrecognised falls back to the default."""

    reference = forms.CharField(
        label=_("Reference code"),
        required=False,
        max_length=20,
        help_text=_("Finds one piece of feedback, whatever its status."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("to_do", _("To do (received or escalated)")), *SubmissionStatus.choices, ("all", _("All"))],
    )
    risk = forms.ChoiceField(
        label=_("Safeguarding"),
        required=False,
        choices=[
            ("", _("Any")),
            ("open", _("Open safeguarding flag")),
            *[(value, _("%(severity)s severity") % {"severity": label}) for value, label in Severity.choices],
            ("flagged", _("Ever flagged")),
            ("none", _("Not flagged")),
        ],
    )
    service = forms.ChoiceField(label=_("Service"), required=False)
    older_than = forms.TypedChoiceField(
        label=_("Waiting"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("Any time")),
            (1, _("More than a day")),
            (3, _("More than 3 days")),
            (7, _("More than a week")),
            (30, _("More than 30 days")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [
            ("", _("Any service")),
            ("none", _("Not said")),
            *[(str(service.pk), str(service)) for service in Service.objects.select_related("organisation")],
        ]

    def filters(self):
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        if data["reference"].strip():
            return {"reference": data["reference"]}
        return {
            "status": data["status"] or "to_do",
            "risk_level": data["risk"] or None,
            "service": data["service"] or None,
            "older_than_days": data["older_than"],
        }


def _reason_field(label, *, required):
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Staff read this in the history. Do not copy the person's words or details into it."),
    )


class BulkRejectForm(forms.Form):
    submissions = forms.TypedMultipleChoiceField(label=_("Feedback to reject"), coerce=int)
    reason = _reason_field(_("Why is this spam?"), required=True)

    def __init__(self, *args, submission_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submissions"].choices = [(pk, pk) for pk in submission_ids]
        self.fields["submissions"].error_messages["required"] = _("Select the feedback to reject as spam.")

    def clean_reason(self):
        return clean_text(self.cleaned_data["reason"])


class DecisionForm(forms.Form):
    """The moderator's decision on one submission: redactions, themes, sentiment, quoting and the outcome."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    remove = forms.TypedMultipleChoiceField(
        label=_("Personal details to remove"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ticked words are replaced by their kind, such as [name], wherever the feedback is shown."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), required=False, queryset=Theme.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    sentiment = forms.ChoiceField(
        label=_("Sentiment"), required=False, choices=Sentiment.choices, widget=forms.RadioSelect
    )
    quotable = forms.BooleanField(
        label=_("The redacted words may be quoted to steering groups and in reports"), required=False
    )
    action = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    reason = _reason_field(_("Reason"), required=False)

    def __init__(self, *args, submission, redactions, **kwargs):
        super().__init__(*args, **kwargs)
        self.submission = submission
        chosen = list(submission.themes.all()) if submission.pk else []
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True) | Theme.objects.filter(
            pk__in=[theme.pk for theme in chosen]
        )
        self.fields["remove"].choices = [(redaction.pk, redaction.pk) for redaction in redactions]
        if not submission.consent_to_share:
            self.fields["quotable"].disabled = True
            self.fields["quotable"].help_text = _("The person did not agree to their words being shared.")

    def clean_reason(self):
        return clean_text(self.cleaned_data["reason"])

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action in (Decision.REJECT_SPAM, Decision.ESCALATE) and not data.get("reason"):
            self.add_error("reason", _("Say why, so the next person understands the decision."))
        has_words = bool(self.submission.what_was_good or self.submission.what_could_be_better)
        if action == Decision.APPROVE and has_words:
            if not data.get("sentiment"):
                self.add_error("sentiment", _("Choose the sentiment before approving."))
            if not data.get("themes"):
                self.add_error("themes", _("Choose at least one theme before approving."))
        return data


class AddRedactionForm(forms.Form):
    words = forms.CharField(
        label=_("Words to remove"),
        max_length=200,
        help_text=_("Every place these words appear in this feedback is removed."),
    )
    label = forms.ChoiceField(label=_("Replace with"), choices=Label.choices, initial=Label.NAME)
    always = forms.BooleanField(
        label=_("Always remove these words from new feedback (for example a staff member's name)"), required=False
    )

    def clean_words(self):
        words = " ".join(clean_text(self.cleaned_data["words"], multiline=False).split())
        if not words:
            raise forms.ValidationError(_("Enter the words to remove."))
        return words


class CloseFlagForm(forms.Form):
    action_taken = forms.CharField(
        label=_("What was done"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: called the ward manager; incident report raised. No personal details."),
        error_messages={"required": _("Say what was done before closing the concern.")},
    )

    def clean_action_taken(self):
        return clean_text(self.cleaned_data["action_taken"])
