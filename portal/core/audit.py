"""The one way to write the audit log.

Call record() inside the same transaction as the change it records, so that a change and its audit
entry land together or not at all. Never put personal data in `detail`: identifiers and counts only.
"""

from django.contrib.contenttypes.models import ContentType

from .models import AuditEvent


def record(*, action, actor=None, obj=None, detail=None):
    """Append one event to the audit log and return it."""
    actor_label = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        actor_label = actor.get_username()
    else:
        actor = None
    object_type = object_id = None
    object_label = ""
    if obj is not None:
        if obj.pk is None:
            # An unsaved object has no id to find it by later; record it after saving it.
            raise ValueError(f"Audit records need a saved object; this {type(obj).__name__} has not been saved.")
        object_type = ContentType.objects.get_for_model(obj)
        object_id = str(obj.pk)
        object_label = f"{object_type.app_label}.{object_type.model} {obj.pk}"
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label,
        object_type=object_type,
        object_id=object_id or "",
        object_label=object_label,
        detail=detail or {},
    )
