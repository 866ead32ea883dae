from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EasyReadConfig(AppConfig):
    """Easy-read page type, blocks and checker (built in the content and easy-read issue)."""

    name = "portal.easyread"
    label = "easyread"
    verbose_name = _("Easy read")
