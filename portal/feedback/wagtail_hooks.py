"""The feedback app in the Wagtail admin: the moderation queue, the services list, the theme codebook
and the always-remove list."""

from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from . import moderation, moderation_views
from .models import Organisation, RedactionTerm, Service, Theme

# Feedback keeps its service, and a service its organisation (on_delete=PROTECT). Wagtail only checks
# the references in its own index, which holds neither, so without these the database's refusal to
# delete would be a server error instead of a message saying what to do.
PROTECTED_MESSAGE = _(
    "This cannot be deleted because feedback or services refer to it. To stop offering it in the "
    "feedback form, untick “offered in the feedback form” instead."
)
PROTECTED_BULK_MESSAGE = _(
    "Nothing was deleted, because feedback or services refer to at least one of these. To stop offering "
    "them in the feedback form, untick “offered in the feedback form” instead."
)


class ProtectedDeleteView(DeleteView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(self.request, PROTECTED_MESSAGE)
            return redirect(self.get_success_url())


class ProtectedDeleteBulkAction(DeleteBulkAction):
    models = [Organisation, Service]

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(self.request, PROTECTED_BULK_MESSAGE)
            return redirect(self.next_url)


# After Wagtail's own delete action for snippets (order 0), so this one replaces it for these models.
hooks.register("register_bulk_action", ProtectedDeleteBulkAction, order=1)


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    delete_view_class = ProtectedDeleteView
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "ods_code", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    ordering = ["name"]


class ServiceViewSet(SnippetViewSet):
    model = Service
    delete_view_class = ProtectedDeleteView
    icon = "home"
    menu_label = _("Services and wards")
    list_display = ["name", "organisation", "ward_type", "place", "is_active"]
    list_filter = ["organisation", "ward_type", "is_active"]
    search_fields = ["name", "place"]
    ordering = ["organisation__name", "name"]

    def get_queryset(self, request):
        return Service.objects.select_related("organisation")


class ServicesGroup(SnippetViewSetGroup):
    """One "Services" menu: people change the list of wards here, no developer needed."""

    menu_label = _("Services")
    menu_icon = "home"
    menu_order = 250
    items = (OrganisationViewSet, ServiceViewSet)


register_snippet(ServicesGroup)


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Theme codebook")
    list_display = ["name", "category", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["name", "description"]
    ordering = ["category", "name"]


class RedactionTermViewSet(SnippetViewSet):
    model = RedactionTerm
    icon = "cross"
    menu_label = _("Always-remove list")
    list_display = ["term", "label", "created_at"]
    search_fields = ["term"]
    ordering = ["term"]


class ModerationGroup(SnippetViewSetGroup):
    menu_label = _("Moderation")
    menu_icon = "tasks"
    menu_order = 210
    items = (ThemeViewSet, RedactionTermViewSet)


register_snippet(ModerationGroup)


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return moderation_views.can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Feedback to moderate"), reverse("feedback_moderation:index"), icon_name="comment", order=200
    )


@hooks.register("register_admin_urls")
def register_moderation_urls():
    urls = [
        path("", moderation_views.QueueView.as_view(), name="index"),
        path("<int:pk>/", moderation_views.DetailView.as_view(), name="detail"),
    ]
    return [path("moderation/", include((urls, "feedback_moderation"), namespace="feedback_moderation"))]


class ModerationSummaryPanel(Component):
    """On the admin dashboard: how much feedback waits, how long the oldest has waited, and open flags."""

    name = "feedback_moderation_summary"
    order = 50
    template_name = "feedback/moderation/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return moderation.summary()


@hooks.register("construct_homepage_panels")
def add_moderation_summary(request, panels):
    if moderation_views.can_moderate(request.user):
        panels.insert(0, ModerationSummaryPanel())


@hooks.register("after_create_snippet")
def record_who_added_a_redaction_term(request, instance):
    if isinstance(instance, RedactionTerm) and instance.added_by_id is None:
        RedactionTerm.objects.filter(pk=instance.pk).update(added_by=request.user)
