from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class HomePage(Page):
    """The front door: what the portal is for, in plain words, and where to go next."""

    intro = models.TextField(
        _("introduction"), help_text=_("One or two short sentences saying what this portal is for.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    # Only at the root of a site; there is one home page per site.
    parent_page_types = ["wagtailcore.Page"]
    # Later issues add the sections (updates, resources, studies) beneath it.
    subpage_types = ["content.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    """A page of text built from NHS.UK components: accessibility statement, privacy notice, guidance."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "link"],
        help_text=_("A short summary shown larger at the top of the page."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    # Anywhere in the tree: standard pages hold guidance at any level.
    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
