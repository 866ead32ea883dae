"""Reads for the feedback pages and for operators: options to show, answers to check, counts."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import journey, services
from .choices import ActionStatus, ContactMethod, ProposalStatus, SubmissionStatus
from .forms import NOT_SAID
from .models import Action, ContactDetails, Draft, Organisation, Service, Submission, Theme, ThemeProposal


@dataclass
class Option:
    value: str
    label: str
    picture: str = ""
    hint: str = ""
    # 1, 2, 3... across all groups: the radio's id is the field's id and this number.
    number: int = 0

    @property
    def number_text(self):
        return str(self.number)


@dataclass
class OptionGroup:
    heading: str
    options: list
    # Shows "or" before the group, as NHS.UK radios do before "I'd rather not say".
    divider: bool = False


def options_for(step, form, *, easy_read=False):
    """The radio options of a step, in groups (the service question groups by organisation)."""
    groups = _option_groups(step, form, easy_read=easy_read)
    number = 0
    for group in groups:
        for option in group.options:
            number += 1
            option.number = number
    return groups


def _option_groups(step, form, *, easy_read=False):
    field_names = [name for name, field in form.fields.items() if hasattr(field, "choices")]
    if not field_names:
        return []
    name = field_names[0]
    if step.slug == "service":
        groups = [
            OptionGroup(organisation, [Option(str(s.pk), s.name, hint=_service_hint(s)) for s in services_])
            for organisation, services_ in form.service_groups.items()
        ]
        groups.append(OptionGroup("", [Option(NOT_SAID, str(_("I’d rather not say")))], divider=bool(groups)))
        return groups
    pictures = step.easy_pictures if easy_read else {}
    return [
        OptionGroup(
            "",
            [
                Option(str(value), str(label), picture=pictures.get(value, ""))
                for value, label in form.fields[name].choices
            ],
        )
    ]


def _service_hint(service):
    parts = [str(service.get_ward_type_display())]
    if service.place:
        parts.append(service.place)
    return ", ".join(parts)


@dataclass
class AnswerRow:
    label: str
    value: str
    change_url: str
    multiline: bool = False


def answer_rows(draft):
    """ "Check your answers": one row per question that applies, with its change link."""
    answers = draft.answers
    contact = services.contact_details_of(draft)
    rows = []
    for step in journey.applicable_steps(answers):
        url = reverse("feedback:step", kwargs={"slug": step.slug}) + "?change=1"
        if step.slug == journey.CONTACT_DETAILS:
            method = dict(ContactMethod.choices).get(contact.get("method"), "")
            address = contact.get("email") if contact.get("method") == ContactMethod.EMAIL else contact.get("phone")
            value = "\n".join(str(part) for part in (contact.get("name"), method, address) if part)
            rows.append(AnswerRow(str(step.summary_label), value, url, multiline=True))
            continue
        for name in step.fields:
            rows.append(
                AnswerRow(
                    str(step.summary_label),
                    _display(step, name, answers.get(name, "")),
                    url,
                    multiline=name in step.text_fields,
                )
            )
    return rows


def _display(step, name, value):
    if name in step.text_fields:
        return value or str(_("Nothing written"))
    if name == "service":
        if value == NOT_SAID:
            return str(_("I’d rather not say"))
        service = Service.objects.select_related("organisation").filter(pk=value).first()
        return f"{service.name}, {service.organisation.name}" if service else ""
    field = step.form_class.base_fields[name]
    return str(dict(field.choices).get(value, value))


@dataclass
class Stage:
    label: str
    done: bool
    detail: str = ""


def stages(submission):
    """What has happened to a piece of feedback, for the person who sent it."""
    status = submission.status
    if status == SubmissionStatus.WITHDRAWN:
        return [Stage(str(_("Withdrawn")), True, str(_("You withdrew this feedback. We deleted what you wrote.")))]
    reviewed = status in (SubmissionStatus.APPROVED, SubmissionStatus.REJECTED)
    result = [
        Stage(str(_("Received")), True),
        Stage(
            str(_("Read by a moderator")),
            reviewed,
            str(_("A moderator reads every piece of feedback and removes names and other personal details.")),
        ),
    ]
    if status == SubmissionStatus.REJECTED:
        result.append(Stage(str(_("Not used in reports")), True, str(_("A moderator decided not to use it."))))
    else:
        result.append(
            Stage(
                str(_("Included in reports to the steering group")),
                status == SubmissionStatus.APPROVED,
                str(_("The steering group sees totals and themes, never your name.")),
            )
        )
    return result


# The renditions {% picture action.picture max-200x200 format-{webp,png} %} asks for, as the easy-read rows do.
ACTION_PICTURE_FILTERS = ("max-200x200|format-webp", "max-200x200|format-png")
# The reference-code page shows the newest few and links to the rest.
ACTIONS_FOR_FEEDBACK = 5


def published_actions(*, status="", service=None):
    """ "You said, we did": published actions, newest first, with everything a row shows fetched up front.

    A fixed number of queries however many actions there are. With a service, actions for every
    service (no services chosen) are included too.
    """
    from wagtail.images import get_image_model

    actions = Action.objects.filter(is_published=True)
    if status:
        actions = actions.filter(status=status)
    if service is not None:
        actions = actions.filter(_for_service(service.pk))
    return actions.order_by("-published_at", "-id").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("name")),
        Prefetch("services", queryset=Service.objects.select_related("organisation").order_by("name")),
        Prefetch("picture", queryset=get_image_model().objects.prefetch_renditions(*ACTION_PICTURE_FILTERS)),
    )


def actions_for(submission):
    """What is being done about approved feedback: published actions on one of its confirmed themes,
    for its service or for every service. Nothing for feedback that is not approved."""
    if submission.status != SubmissionStatus.APPROVED:
        return []
    shares_theme = Exists(
        Action.themes.through.objects.filter(action=OuterRef("pk"), theme__in=submission.themes.values("pk"))
    )
    actions = published_actions().filter(shares_theme, _for_service(submission.service_id))
    return list(actions[:ACTIONS_FOR_FEEDBACK])


def _for_service(service_id):
    """Actions for this service, or for every service (none chosen); only the latter without a service."""
    chosen = Action.services.through.objects.filter(action=OuterRef("pk"))
    every_service = ~Exists(chosen)
    if service_id is None:
        return every_service
    return every_service | Exists(chosen.filter(service_id=service_id))


def portal_stats():
    """Counts for operators (`manage.py portal_stats`): no personal data, only totals."""
    by_status = {status.value: 0 for status in SubmissionStatus}
    for row in Submission.objects.values("status").annotate(count=Count("id")):
        by_status[row["status"]] = row["count"]
    return {
        "submissions": {
            "total": sum(by_status.values()),
            "by_status": by_status,
            "unprocessed": Submission.objects.filter(processed_at__isnull=True).count(),
            "suggested_risk": Submission.objects.filter(suggested_risk=True).count(),
            "easy_read": Submission.objects.filter(easy_read=True).count(),
        },
        "drafts": Draft.objects.filter(submission__isnull=True).count(),
        "contact_details": ContactDetails.objects.count(),
        "organisations": Organisation.objects.count(),
        "services": {"total": Service.objects.count(), "offered": Service.objects.offered().count()},
        "themes": {
            "total": Theme.objects.count(),
            "in_use": Theme.objects.filter(is_active=True).count(),
            "proposals_open": ThemeProposal.objects.filter(status=ProposalStatus.OPEN).count(),
        },
        "actions": {
            "total": Action.objects.count(),
            "published": Action.objects.filter(is_published=True).count(),
            "by_status": {status.value: Action.objects.filter(status=status).count() for status in ActionStatus},
        },
    }
