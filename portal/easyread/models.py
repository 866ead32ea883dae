from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from .blocks import EasyReadBodyBlock, glossary_words, rows_of
from .forms import EasyReadPageForm
from .panels import EasyReadReportPanel
from .review import issues_by_row, review_body, wants_easy_read_markers

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
        EasyReadReportPanel(heading=_("Easy-read check")),
        FieldPanel("body"),
        FieldPanel("publish_despite_issues"),
    ]
    base_form_class = EasyReadPageForm
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

    def easy_read_report(self, site=None):
        """What the easy-read checker says about this page's rows (see portal/easyread/review.py)."""
        return review_body(self.body, site=site or self.get_site())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        standard = self.standard_version
        context["standard_version"] = standard if standard is not None and standard.live else None
        if getattr(request, "is_preview", False) or wants_easy_read_markers(request):
            # Editors see the checker's findings in the preview and in the userbar's content checks.
            report = self.easy_read_report(Site.find_for_request(request))
            context["easy_read_report"] = report
            context["easy_read_row_issues"] = issues_by_row(self.body, report)
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


@register_setting(icon="doc-full")
class EasyReadSettings(BaseSiteSetting):
    """Words the easy-read checker should suggest plainer words for, on top of its own list."""

    plain_words = models.TextField(
        _("hard words and plainer words"),
        blank=True,
        help_text=_(
            "One per line, as “hard word = plainer word”, for example “discharge = leave hospital”. "
            "The easy-read checker suggests the plainer word when it finds the hard one."
        ),
    )

    panels = [FieldPanel("plain_words")]

    class Meta:
        verbose_name = _("easy-read checker")

    def plain_word_mapping(self):
        mapping = {}
        for line in self.plain_words.splitlines():
            hard, separator, plain = line.partition("=")
            if separator and hard.strip() and plain.strip():
                mapping[hard.strip()] = plain.strip()
        return mapping
