"""The services list in the Wagtail admin: organisations and their wards and services."""

from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Service

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
