from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from .checker import RULES

# The userbar's content checks run axe-core on the page. Rows the easy-read checker has concerns
# about carry data-easy-read-issues (for signed-in editors only); axe's built-in "exists" check
# under "none" turns each marked row into a finding, so no script of ours runs in the admin.
EASY_READ_MESSAGES = {
    "long-sentence": _("A sentence in this row is long for easy read"),
    "one-idea": _("This row may have more than one idea"),
    "passive-voice": _("This row uses the passive voice"),
    "hard-word": _("This row has a hard word without an explanation"),
    "acronym": _("This row has an acronym without an explanation"),
    "number": _("This row has a number that may be hard to understand"),
    "long-paragraph": _("This row has a lot of words"),
    "picture": _("This row's picture needs better alt text"),
}


class EasyReadContentCheckerItem(ContentCheckerItem):
    def get_axe_run_only(self, request):
        return [*super().get_axe_run_only(request), *(f"easy-read-{rule}" for rule in RULES)]

    def get_axe_custom_rules(self, request):
        rules = [
            {
                "id": f"easy-read-{rule}",
                "impact": "moderate",
                "selector": f'[data-easy-read-issues~="{rule}"]',
                "tags": ["easy-read"],
                "all": [],
                "any": [],
                "none": ["exists"],
                "enabled": True,
            }
            for rule in RULES
        ]
        return [*super().get_axe_custom_rules(request), *rules]

    def get_axe_messages(self, request):
        messages = dict(super().get_axe_messages(request))
        for rule, message in EASY_READ_MESSAGES.items():
            messages[f"easy-read-{rule}"] = {
                "error_name": message,
                "help_text": _("See the easy-read check on the page's edit screen for details"),
            }
        return messages


@hooks.register("construct_wagtail_userbar")
def add_easy_read_checks(request, items, page):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, EasyReadContentCheckerItem):
            items[index] = EasyReadContentCheckerItem(in_editor=item.in_editor)
