"""The audit log in the Wagtail admin: Administrators can read it, nobody can change it."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import AuditEvent


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Grants "view" to whoever holds the model's view permission, and nothing else to anyone.

    Superusers included: the log is append-only, so there is no add, edit or delete to offer.
    """

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action == "view"])


register_permission_policy(AuditEvent, ReadOnlyPermissionPolicy(AuditEvent))


class AuditEventViewSet(ModelViewSet):
    model = AuditEvent
    icon = "list-ul"
    menu_label = _("Audit log")
    menu_order = 900
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = ["occurred_at", "actor_label", "action", "object_type", "object_label"]
    list_filter = ["action", "occurred_at"]
    search_fields = ["actor_label", "action", "object_label", "object_id"]
    inspect_view_fields = [
        "occurred_at",
        "actor_label",
        "action",
        "object_type",
        "object_id",
        "object_label",
        "detail",
    ]
    list_per_page = 50
    # ModelViewSet insists on a form definition even though the add and edit routes are removed below.
    form_fields = ["action"]

    def get_queryset(self, request):
        return AuditEvent.objects.select_related("object_type")

    def get_urlpatterns(self):
        # Only the listing and the read-only detail: no add, edit, delete, copy or history routes exist.
        return [
            pattern for pattern in super().get_urlpatterns() if pattern.name in {"index", "index_results", "inspect"}
        ]


@hooks.register("register_admin_viewset")
def register_audit_log_viewset():
    return AuditEventViewSet("audit_log")


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
