"""The steering group's form for a "you said, we did" action. Works without JavaScript.

Pictures come from the easy-read collection of the image library, so every action uses the same
pictures as the easy-read pages. Themes are grouped by codebook category, as moderators see them.
"""

from datetime import date

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from portal.core.sanitise import clean_text
from portal.easyread.pictures import DEFAULT_COLLECTION_NAME

from .models import Action, Service, Theme

# The thumbnail on each picture tile; prefetched so 50 tiles cost one query, not 50.
TILE_FILTER = "max-80x80"
EARLIEST_YEAR = 2020
LATEST_YEAR = 2100
FIELD_ORDER = (
    "title",
    "you_said",
    "we_did",
    "easy_read_summary",
    "picture",
    "status",
    "themes",
    "services",
    "expected_month",
    "expected_year",
    "is_published",
)


class PictureField(forms.ModelChoiceField):
    def label_from_instance(self, image):
        return image.title


class ServiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, service):
        return service.name


class ActionForm(forms.ModelForm):
    picture = PictureField(
        label=_("Picture"),
        queryset=get_image_model().objects.none(),
        required=False,
        empty_label=_("No picture"),
        blank=True,
        widget=forms.RadioSelect,
        help_text=_("Shown beside the easy-read summary. Choose one that shows the main idea."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The themes in feedback this action answers. People whose feedback has one of them see it."),
        error_messages={"required": _("Choose at least one theme")},
    )
    services = ServiceField(
        label=_("Services"),
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked if it is for every service."),
    )
    expected_month = forms.IntegerField(
        label=_("Month"),
        required=False,
        min_value=1,
        max_value=12,
        error_messages={
            "invalid": _("The month must be a number from 1 to 12"),
            "min_value": _("The month must be a number from 1 to 12"),
            "max_value": _("The month must be a number from 1 to 12"),
        },
    )
    expected_year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        error_messages={
            "invalid": _("The year must be 4 numbers, like 2027"),
            "min_value": _("The year must be 4 numbers, like 2027"),
            "max_value": _("The year must be 4 numbers, like 2027"),
        },
    )

    field_order = [*FIELD_ORDER]

    class Meta:
        model = Action
        fields = [name for name in FIELD_ORDER if not name.startswith("expected_")]
        widgets = {"status": forms.RadioSelect}
        error_messages = {
            "title": {"required": _("Enter a title")},
            "you_said": {"required": _("Enter what people told us")},
            "we_did": {"required": _("Enter what we are doing about it")},
            "easy_read_summary": {"required": _("Enter an easy-read summary")},
            "status": {"required": _("Choose how far it has got")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        action = self.instance
        images = get_image_model().objects.filter(collection__name=DEFAULT_COLLECTION_NAME)
        themes = Theme.objects.filter(is_active=True)
        services = Service.objects.offered()
        if action.pk:
            # What the action has already stays choosable, even once retired or closed.
            images = get_image_model().objects.filter(
                Q(collection__name=DEFAULT_COLLECTION_NAME) | Q(pk=action.picture_id)
            )
            themes = Theme.objects.filter(Q(is_active=True) | Q(actions=action)).distinct()
            services = Service.objects.filter(Q(is_active=True, organisation__is_active=True) | Q(actions=action))
            services = services.distinct()
            if action.expected:
                self.initial.setdefault("expected_month", action.expected.month)
                self.initial.setdefault("expected_year", action.expected.year)
        self.fields["picture"].queryset = images.order_by("title").prefetch_renditions(TILE_FILTER)
        self.fields["themes"].queryset = themes.order_by("category", "name")
        self.fields["services"].queryset = services.select_related("organisation").order_by(
            "organisation__name", "name"
        )
        self.fields["status"].label = _("How far has it got?")

    def clean_title(self):
        return clean_text(self.cleaned_data["title"], multiline=False)

    def clean_you_said(self):
        return clean_text(self.cleaned_data["you_said"])

    def clean_we_did(self):
        return clean_text(self.cleaned_data["we_did"])

    def clean_easy_read_summary(self):
        return clean_text(self.cleaned_data["easy_read_summary"])

    def clean(self):
        data = super().clean()
        month, year = data.get("expected_month"), data.get("expected_year")
        if "expected_month" in self.errors or "expected_year" in self.errors:
            return data
        if (month is None) != (year is None):
            field = "expected_year" if year is None else "expected_month"
            self.add_error(field, _("Enter both the month and the year, or leave both empty"))
        data["expected"] = date(year, month, 1) if month and year else None
        return data

    def error_anchor(self, name):
        """Where the error summary's link for a field goes: the first of a group of radios or the fieldset."""
        if name in ("picture", "status"):
            return f"{self[name].auto_id}_0"
        if name in ("themes", "services"):
            return f"{self[name].auto_id}-fieldset"
        return self[name].auto_id

    @property
    def error_links(self):
        order = list(self.fields)
        names = sorted(self.errors, key=lambda name: order.index(name) if name in order else len(order))
        return [
            (self.error_anchor(name) if name in self.fields else "", message)
            for name in names
            for message in self.errors[name]
        ]

    def themes_by_category(self):
        """(category, checkboxes, open) for each category: a folded group, open when one of its themes is ticked."""
        return _grouped(self["themes"], lambda theme: theme.category)

    def services_by_organisation(self):
        return _grouped(self["services"], lambda service: service.organisation.name)


def _grouped(bound_field, key):
    groups = {}
    for checkbox in bound_field:
        groups.setdefault(key(checkbox.data["value"].instance), []).append(checkbox)
    return [(name, boxes, any(box.data["selected"] for box in boxes)) for name, boxes in groups.items()]
