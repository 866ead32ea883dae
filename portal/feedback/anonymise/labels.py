"""The kinds of personal data the portal finds, and the placeholder that replaces each in redacted text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Label(models.TextChoices):
    # A person's name; "name" alone is also the name of a thing (a ward, a theme) elsewhere.
    NAME = "name", pgettext_lazy("personal data", "name")
    NHS_NUMBER = "nhs_number", _("NHS number")
    NI_NUMBER = "ni_number", _("National Insurance number")
    POSTCODE = "postcode", _("postcode")
    PHONE = "phone", _("phone number")
    EMAIL = "email", _("email address")
    URL = "url", _("web address")
    DATE = "date", _("date")
    AGE = "age", _("age")
    ADDRESS = "address", _("address")
    RECORD_NUMBER = "record_number", _("hospital or record number")
    PLACE = "place", _("place")
    SERVICE = "service", _("ward or service")
    OTHER = "other", _("personal detail")


def placeholder(label):
    """The text that stands in for a redacted span: "[name]", "[phone number]", ..."""
    try:
        return f"[{Label(label).label}]"
    except ValueError:
        return f"[{Label.OTHER.label}]"
