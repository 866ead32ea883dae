from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    """Study pages and expressions of interest (built in the research recruitment issue)."""

    name = "portal.research"
    label = "research"
    verbose_name = _("Research")
