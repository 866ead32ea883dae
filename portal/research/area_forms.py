"""The research area's forms: the list's status filter, and the follow-up of one expression of interest.

Each has error_links, the (anchor, message) pairs the NHS.UK error summary links from.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import RESEARCHER_STATUSES, InterestStatus

NOTE_MAX_LENGTH = 2000


class StatusFilterForm(forms.Form):
    """Read from the query string, so a filtered list is a link; a wrong value shows the whole list."""

    status = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("All")), *InterestStatus.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a status from the list")},
    )

    @property
    def error_links(self):
        # The filter is a row of links, not a select: the summary points at the row.
        return [("status-filter", message) for errors in self.errors.values() for message in errors]

    def chosen_status(self):
        """The status to show, or "" for all of them (also when the value is not valid)."""
        if not self.is_bound or not self.is_valid():
            return ""
        return self.cleaned_data["status"]


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Where you have got to"),
        choices=[(status.value, status.label) for status in RESEARCHER_STATUSES],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose where you have got to with this person"),
            "invalid_choice": _("Choose where you have got to with this person"),
        },
    )

    @property
    def error_links(self):
        # A radio group has no element with the field's own id: link to its first radio.
        return [(f"{self['status'].auto_id}_0", message) for message in self.errors.get("status", [])]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Add a note"),
        help_text=_(
            "For example “Left a voicemail, will call back on Tuesday”. Only the study’s research team sees notes. "
            "They are deleted with the person’s details."
        ),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea,
        strip=True,
        error_messages={
            "required": _("Enter a note"),
            "max_length": _("A note must be %(limit_value)d characters or fewer. It has %(show_value)d."),
        },
    )

    @property
    def error_links(self):
        return [(self["text"].auto_id, message) for message in self.errors.get("text", [])]
