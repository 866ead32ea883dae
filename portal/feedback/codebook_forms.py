"""The steering group's form for proposing a change to the theme codebook. Works without JavaScript:
every field is shown, and the hints say which kind of proposal each one is for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.sanitise import clean_text

from .choices import ProposalKind
from .models import Theme, ThemeProposal

MAX_REASON_LENGTH = 2000


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, theme):
        return f"{theme.name} ({theme.category})"


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What would you like to do?"),
        choices=ProposalKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you would like to do")},
    )
    theme = ThemeChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.filter(is_active=True).order_by("category", "name"),
        required=False,
        empty_label=_("Choose a theme"),
        help_text=_("Only for changing a theme or stopping using one."),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=ThemeProposal._meta.get_field("name").max_length,
        required=False,
        help_text=_("Short, in plain words."),
    )
    category = forms.CharField(
        label=_("Category"),
        max_length=ThemeProposal._meta.get_field("category").max_length,
        required=False,
        help_text=_("Use a category the codebook has already if one fits."),
    )
    description = forms.CharField(
        label=_("Plain description"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What feedback belongs under this theme, and what does not."),
    )
    reason = forms.CharField(
        label=_("Why?"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you have seen in feedback that makes this needed. Do not copy anyone’s words or details."),
        error_messages={"required": _("Say why this change is needed")},
    )

    def clean_name(self):
        return clean_text(self.cleaned_data["name"], multiline=False)

    def clean_category(self):
        return clean_text(self.cleaned_data["category"], multiline=False)

    def clean_description(self):
        return clean_text(self.cleaned_data["description"])

    def clean_reason(self):
        reason = clean_text(self.cleaned_data["reason"])
        if not reason:
            raise forms.ValidationError(self.fields["reason"].error_messages["required"])
        return reason

    def clean(self):
        data = super().clean()
        kind, theme = data.get("kind"), data.get("theme")
        if kind in (ProposalKind.CHANGE, ProposalKind.RETIRE) and theme is None and "theme" not in self.errors:
            self.add_error("theme", _("Choose the theme to change or stop using"))
        if kind == ProposalKind.NEW:
            for field, message in (
                ("name", _("Enter a name for the new theme")),
                ("category", _("Enter a category for the new theme")),
                ("description", _("Describe the new theme in plain words")),
            ):
                if not data.get(field) and field not in self.errors:
                    self.add_error(field, message)
        if kind == ProposalKind.CHANGE and theme is not None:
            changes = [
                field
                for field in ("name", "category", "description")
                if data.get(field) and data[field] != getattr(theme, field)
            ]
            if not changes and "name" not in self.errors:
                self.add_error("name", _("Change the name, category or description, or choose something else to do"))
        name = data.get("name")
        if kind in (ProposalKind.NEW, ProposalKind.CHANGE) and name:
            others = Theme.objects.filter(name__iexact=name)
            if kind == ProposalKind.CHANGE and theme is not None:
                others = others.exclude(pk=theme.pk)
            if others.exists():
                self.add_error("name", _("There is already a theme with this name"))
        return data

    def error_anchor(self, name):
        return f"{self['kind'].auto_id}_0" if name == "kind" else self[name].auto_id

    @property
    def error_links(self):
        order = list(self.fields)
        names = sorted(self.errors, key=lambda name: order.index(name) if name in order else len(order))
        return [
            (self.error_anchor(name) if name in self.fields else "", message)
            for name in names
            for message in self.errors[name]
        ]

    def categories(self):
        """The codebook's categories, offered as suggestions in the category field."""
        return Theme.objects.filter(is_active=True).order_by("category").values_list("category", flat=True).distinct()
