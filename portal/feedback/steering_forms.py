"""The steering area's report filters: period, service and who gave the feedback."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from . import reporting
from .choices import Respondent
from .models import Service

MONTHS_CHOICES = [
    (str(months), ngettext_lazy("%(count)d month", "%(count)d months", months) % {"count": months})
    for months in reporting.PERIOD_MONTHS
]


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, service):
        return f"{service.name} ({service.organisation.name})"


class ReportFilterForm(forms.Form):
    """Read from the query string, so a filtered report is a link people can share or bookmark."""

    end = forms.ChoiceField(label=_("Up to and including"), required=False)
    months = forms.ChoiceField(label=_("Length of period"), choices=MONTHS_CHOICES, required=False)
    service = ServiceChoiceField(
        label=_("Service"),
        queryset=Service.objects.select_related("organisation"),
        required=False,
        empty_label=_("All services"),
    )
    respondent = forms.ChoiceField(
        label=_("Who gave the feedback"), choices=[("", _("Everyone")), *Respondent.choices], required=False
    )

    def __init__(self, data=None, *, today=None, **kwargs):
        self.today = today or timezone.localdate()
        super().__init__(data, **kwargs)
        self.fields["end"].choices = reporting.period_choices(self.today)

    def filters(self) -> reporting.Filters:
        """The filters chosen, or the default (the last three whole months) for anything not valid."""
        default = reporting.Filters.default(today=self.today)
        if not self.is_bound or not self.is_valid():
            return default
        data = self.cleaned_data
        last_month = default.last_month
        if data["end"]:
            last_month = datetime.strptime(data["end"], "%Y-%m").date()
        return reporting.Filters.ending(
            last_month,
            months=int(data["months"] or 3),
            service=data["service"],
            respondent=data["respondent"] or "",
        )

    @property
    def error_links(self):
        return [(f"id_{name}", message) for name, errors in self.errors.items() for message in errors]
