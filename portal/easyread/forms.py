from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm


class EasyReadPageForm(WagtailAdminPageForm):
    """Publishing an easy-read page with serious checker issues needs a deliberate confirmation.

    Saving a draft is always allowed: nothing an editor typed is lost to the checker.
    """

    publish_despite_issues = forms.BooleanField(
        label=_("Publish even though the easy-read check found serious issues"),
        required=False,
        help_text=_(
            "Only tick this if you have read the serious issues and are sure the page is still easy to "
            "read, for example because a long sentence is a name or an address."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        if "action-publish" not in self.data or cleaned_data.get("publish_despite_issues"):
            return cleaned_data
        body = cleaned_data.get("body")
        if body is None:
            return cleaned_data
        from .review import review_body

        site = self.parent_page.get_site() if self.parent_page is not None else None
        serious = review_body(body, site=site).serious
        if serious:
            self.add_error(
                "publish_despite_issues",
                ngettext(
                    "The easy-read check found %(count)d serious issue: %(first)s Fix it, or tick this "
                    "box to publish anyway.",
                    "The easy-read check found %(count)d serious issues. The first is: %(first)s Fix them, "
                    "or tick this box to publish anyway.",
                    len(serious),
                )
                % {"count": len(serious), "first": serious[0].message},
            )
        return cleaned_data
