from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Feedback journey, moderation and reporting (built in the feedback, moderation and themes issues)."""

    name = "portal.feedback"
    label = "feedback"
    verbose_name = _("Feedback")
