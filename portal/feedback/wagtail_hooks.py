"""The feedback app in the Wagtail admin: the moderation queue, the services list, the theme codebook,
the steering group's codebook proposals and the always-remove list."""

from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter, log
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet, SnippetViewSetGroup

from . import codebook, moderation, moderation_views
from .choices import ProposalStatus
from .models import Organisation, RedactionTerm, Service, Theme, ThemeProposal

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


class ProposalDecisionForm(WagtailAdminModelForm):
    """An Administrator's decision: once only, a reason when declining, and only what can be applied."""

    def clean(self):
        data = super().clean()
        # Before _post_clean, the instance still holds what is stored.
        stored, status = self.instance.status, data.get("status")
        if stored != ProposalStatus.OPEN and status != stored:
            self.add_error(
                "status",
                _("This was decided already, so the decision cannot change. To undo a change, edit the theme."),
            )
        elif status == ProposalStatus.ACCEPTED and stored == ProposalStatus.OPEN:
            problem = codebook.conflict(self.instance)
            if problem:
                self.add_error("status", problem)
        if status == ProposalStatus.DECLINED and not (data.get("response") or "").strip():
            self.add_error("response", _("Say why it was declined, so the steering group understands."))
        return data


class ProposalEditView(EditView):
    """Saves through portal.feedback.codebook.decide, which applies an accepted proposal to the codebook."""

    def save_instance(self):
        data = self.form.cleaned_data
        proposal = codebook.decide(
            proposal_id=self.object.pk, status=data["status"], response=data["response"], by=self.request.user
        )
        log(instance=proposal, action="wagtail.edit", user=self.request.user)
        return proposal

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (codebook.AlreadyDecided, codebook.CodebookConflict) as error:
            form.add_error("status", str(error))
            return self.form_invalid(form)


class ThemeProposalViewSet(SnippetViewSet):
    """Codebook proposals from the steering area. Administrators decide them; moderators can read them."""

    model = ThemeProposal
    edit_view_class = ProposalEditView
    icon = "help"
    menu_label = _("Codebook proposals")
    list_display = ["kind", "theme", "name", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "reason"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("kind", read_only=True),
                    FieldPanel("theme", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("category", read_only=True),
                    FieldPanel("description", read_only=True),
                    FieldPanel("reason", read_only=True),
                    FieldPanel("proposed_by", read_only=True, heading=_("Proposed by")),
                    FieldPanel("created_at", read_only=True),
                ],
                heading=_("What the steering group proposes"),
            ),
            MultiFieldPanel(
                [
                    HelpPanel(
                        content=_(
                            "Accepting applies the proposal to the codebook straight away, as a new version of "
                            "the theme that names you. A decision cannot be changed afterwards."
                        )
                    ),
                    FieldPanel("status"),
                    FieldPanel("response"),
                ],
                heading=_("Your decision"),
            ),
        ],
        base_form_class=ProposalDecisionForm,
    )

    def get_queryset(self, request):
        return ThemeProposal.objects.select_related("theme")


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
    items = (ThemeViewSet, ThemeProposalViewSet, RedactionTermViewSet)


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


@hooks.register("register_log_actions")
def register_codebook_log_actions(actions):
    @actions.register_action(codebook.APPLIED_LOG_ACTION)
    class ProposalApplied(LogFormatter):
        """In a theme's history, beside the revision: which proposal changed it, and why."""

        label = _("Codebook proposal applied")

        def format_message(self, log_entry):
            return _("Applied codebook proposal %(number)s from the steering group") % {
                "number": log_entry.data.get("proposal", "")
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")


@hooks.register("after_create_snippet")
def record_who_added_a_redaction_term(request, instance):
    if isinstance(instance, RedactionTerm) and instance.added_by_id is None:
        RedactionTerm.objects.filter(pk=instance.pk).update(added_by=request.user)
