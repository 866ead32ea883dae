"""The one write path for "you said, we did" actions, used by the steering area and the demo alike.

Each save is audited in the same transaction, naming only the fields that changed: the words are
public once published, but the audit log is not the place to keep copies of them.
"""

from django.db import transaction
from django.utils import timezone

from portal.core import audit

from .models import Action

FIELDS = ("title", "you_said", "we_did", "easy_read_summary", "picture", "status", "expected", "is_published")
RELATED = ("themes", "services")


class ActionNeedsTheme(ValueError):
    """Every action answers at least one theme: that is how people find what was done about their feedback."""


def _snapshot(action):
    values = {name: getattr(action, "picture_id" if name == "picture" else name) for name in FIELDS}
    for name in RELATED:
        values[name] = set(getattr(action, name).values_list("pk", flat=True)) if action.pk else set()
    return values


@transaction.atomic
def save_action(*, action_id=None, data, by):
    """Create an action (no action_id) or update one, with its themes and services; return it.

    `data` has every name in FIELDS and RELATED, as ActionForm.cleaned_data holds them. Sets
    published_at the first time the action is published; taking it off the public page keeps it.
    Nothing is written when nothing changed.
    """
    if not data["themes"]:
        raise ActionNeedsTheme("An action needs at least one theme.")
    if action_id is None:
        action, before = Action(created_by=by), None
    else:
        action = Action.objects.select_for_update().get(pk=action_id)
        before = _snapshot(action)
    for name in FIELDS:
        setattr(action, name, data[name])
    after = {
        **{name: getattr(action, "picture_id" if name == "picture" else name) for name in FIELDS},
        **{name: {item.pk for item in data[name]} for name in RELATED},
    }
    changed = sorted(name for name, value in after.items() if before is None or before[name] != value)
    if before is not None and not changed:
        return action
    if action.is_published and action.published_at is None:
        action.published_at = timezone.now()
    action.save()
    action.themes.set(data["themes"])
    action.services.set(data["services"])
    audit.record(
        action="action.created" if before is None else "action.updated",
        actor=by,
        obj=action,
        detail={"changed": changed},
    )
    return action
