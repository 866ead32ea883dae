from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import EasyReadBodyBlock, glossary_words, rows_of

# Where easy-read pages can live: beside the standard pages they explain.
EASY_READ_PARENTS = [
    "content.HomePage",
    "content.StandardPage",
    "content.UpdateIndexPage",
    "content.ResourceIndexPage",
    "easyread.EasyReadIndexPage",
]


class HasEasyReadVersion:
    """For pages that can have an easy-read version: the version is chosen on the easy-read page."""

    @cached_property
    def easy_read_version(self):
        return EasyReadPage.objects.live().public().filter(standard_version=self).order_by("pk").first()


class EasyReadPage(Page):
    """A page in easy read: rows of one picture beside one or two short sentences.

    It can be the easy-read version of another page (a findings page, a resource); both pages
    then link to each other.
    """

    summary = models.CharField(
        _("summary"),
        max_length=200,
        help_text=_("One short sentence for lists and search results."),
    )
    body = StreamField(EasyReadBodyBlock(), verbose_name=_("body"))
    standard_version = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("standard version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="easy_read_versions",
        help_text=_("The page this is the easy-read version of. Both pages will link to each other."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("standard_version"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = EASY_READ_PARENTS
    subpage_types = []

    is_easy_read = True

    class Meta:
        verbose_name = _("easy-read page")

    def rows(self):
        return list(rows_of(self.body))

    def glossary(self):
        return list(glossary_words(self.body))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        standard = self.standard_version
        context["standard_version"] = standard if standard is not None and standard.live else None
        return context


class EasyReadIndexPage(Page):
    """Every easy-read page on the site in one list, wherever it sits in the tree."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two short sentences."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["easyread.EasyReadPage"]
    max_count_per_parent = 1

    page_size = 20

    class Meta:
        verbose_name = _("easy-read index page")

    @cached_property
    def easy_read_pages(self):
        return (
            EasyReadPage.objects.live()
            .public()
            .descendant_of(self.get_site().root_page)
            .order_by("title")
            .only("title", "summary", "url_path", "path", "depth", "locale_id")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.easy_read_pages, self.page_size)
        context["pages"] = paginator.get_page(request.GET.get("page"))
        return context
