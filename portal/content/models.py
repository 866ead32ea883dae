from django.core.paginator import Paginator
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.easyread.models import EasyReadPage, HasEasyReadVersion

from .blocks import BodyBlock, LinkBlock, RouteBlock


class HomePage(Page):
    """The front door: what the portal is for, in plain words, and where to go next."""

    intro = models.TextField(
        _("introduction"), help_text=_("One or two short sentences saying what this portal is for.")
    )
    routes = StreamField(
        [("route", RouteBlock())],
        blank=True,
        verbose_name=_("routes"),
        help_text=_("The main things people come to do, shown as large links under the introduction."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("routes"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    # Only at the root of a site; there is one home page per site.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content.StandardPage",
        "content.UpdateIndexPage",
        "content.ResourceIndexPage",
        "research.StudyIndexPage",
        "easyread.EasyReadIndexPage",
        "easyread.EasyReadPage",
    ]
    max_count_per_parent = 1

    latest_updates_count = 3

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_updates"] = (
            UpdatePage.objects.live().public().descendant_of(self).order_by("-date", "-pk")[: self.latest_updates_count]
        )
        context["updates_index"] = UpdateIndexPage.objects.live().public().child_of(self).first()
        return context


class StandardPage(HasEasyReadVersion, Page):
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
    subpage_types = ["content.StandardPage", "easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("standard page")


class UpdateIndexPage(Page):
    """Updates and findings, newest first."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two short sentences."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.UpdatePage", "easyread.EasyReadPage"]

    page_size = 10

    class Meta:
        verbose_name = _("updates index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind")
        updates = UpdatePage.objects.live().public().child_of(self).order_by("-date", "-pk")
        if kind in UpdatePage.Kind.values:
            updates = updates.filter(kind=kind)
        else:
            kind = ""
        context["kind"] = kind
        context["kinds"] = UpdatePage.Kind.choices
        context["updates"] = Paginator(updates, self.page_size).get_page(request.GET.get("page"))
        context["easy_read_versions"] = easy_read_versions_of(update.pk for update in context["updates"])
        return context


class UpdatePage(HasEasyReadVersion, Page):
    """News, or what a piece of research found. Findings can be paired with an easy-read version."""

    class Kind(models.TextChoices):
        UPDATE = "update", _("Update")
        FINDINGS = "findings", _("Findings")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UPDATE)
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences for lists and search results."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Shown at the top of the page with its description as alt text."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("date")], heading=_("About this update")),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    parent_page_types = ["content.UpdateIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("update or findings page")


@register_snippet
class ResourceTopic(models.Model):
    """What a resource is about: peer support, personal plans, recovery college, crisis help..."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Used in the filter's web address."))
    description = models.CharField(_("description"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("order")]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("resource topic")
        verbose_name_plural = _("resource topics")

    def __str__(self):
        return self.name


@register_snippet
class Audience(models.Model):
    """Who a resource is for: people using services, family and carers, young people..."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Used in the filter's web address."))
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("order")]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return self.name


class ResourceIndexPage(Page):
    """Self care, recovery and support, filtered by topic and by who it is for (plain GET forms)."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two short sentences."))
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Shown above the list, for example a care card with crisis contacts."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.ResourcePage", "easyread.EasyReadPage"]

    page_size = 20

    class Meta:
        verbose_name = _("resources index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = list(ResourceTopic.objects.all())
        audiences = list(Audience.objects.all())
        topic = next((t for t in topics if t.slug == request.GET.get("topic")), None)
        audience = next((a for a in audiences if a.slug == request.GET.get("audience")), None)
        easy_read_only = request.GET.get("easy_read") == "1"

        resources = ResourcePage.objects.live().public().child_of(self).order_by("title")
        if topic:
            resources = resources.filter(topics=topic)
        if audience:
            resources = resources.filter(audiences=audience)
        if easy_read_only:
            resources = resources.filter(pk__in=EasyReadPage.objects.live().public().values("standard_version_id"))
        resources = resources.prefetch_related("topics").distinct()
        page = Paginator(resources, self.page_size).get_page(request.GET.get("page"))
        context.update(
            topics=topics,
            audiences=audiences,
            topic=topic,
            audience=audience,
            easy_read_only=easy_read_only,
            filtered=bool(topic or audience or easy_read_only),
            resources=page,
            easy_read_versions=easy_read_versions_of(resource.pk for resource in page),
        )
        return context


class ResourcePage(HasEasyReadVersion, Page):
    """One source of self care, recovery or support: who it is for, how to get it, where, and cost."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences for lists and search results."))
    topics = ParentalManyToManyField(ResourceTopic, verbose_name=_("topics"), related_name="resources")
    audiences = ParentalManyToManyField(Audience, verbose_name=_("who it is for"), related_name="resources")
    who_it_is_for = models.TextField(
        _("who it is for, in words"), help_text=_("For example “Adults who use mental-health services in Liverpool”.")
    )
    how_to_get_it = RichTextField(
        _("how to get it"),
        features=["bold", "link", "ul", "ol"],
        help_text=_("How to join or be referred, including whether people can refer themselves."),
    )
    self_referral = models.BooleanField(
        _("people can refer themselves"), default=False, help_text=_("Shown clearly, because people ask first.")
    )
    where = models.CharField(
        _("where"), max_length=250, help_text=_("For example “Online, or at the Life Rooms in Walton”.")
    )
    cost = models.CharField(_("cost"), max_length=120, default=_("Free"))
    links = StreamField(
        [("link", LinkBlock())], blank=True, verbose_name=_("links"), help_text=_("Websites, phone lines, leaflets.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more about it"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=CheckboxSelectMultiple),
                FieldPanel("audiences", widget=CheckboxSelectMultiple),
            ],
            heading=_("Filters"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("who_it_is_for"),
                FieldPanel("how_to_get_it"),
                FieldPanel("self_referral"),
                FieldPanel("where"),
                FieldPanel("cost"),
            ],
            heading=_("At a glance"),
        ),
        FieldPanel("links"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("who_it_is_for"),
        index.SearchField("how_to_get_it"),
        index.SearchField("where"),
        index.SearchField("body"),
    ]

    parent_page_types = ["content.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource page")

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    @cached_property
    def audience_list(self):
        return list(self.audiences.all())


def easy_read_versions_of(page_ids):
    """{standard page id: its easy-read page} for a page of results, in one query."""
    ids = list(page_ids)
    if not ids:
        return {}
    versions = EasyReadPage.objects.live().public().filter(standard_version_id__in=ids).order_by("pk")
    found = {}
    for version in versions.only("title", "url_path", "path", "depth", "standard_version_id"):
        found.setdefault(version.standard_version_id, version)
    return found
