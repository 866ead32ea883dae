"""The services list in the Wagtail admin: organisations and their wards and services."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Service


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "ods_code", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    ordering = ["name"]


class ServiceViewSet(SnippetViewSet):
    model = Service
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
