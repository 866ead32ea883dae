"""Factories for tests and benchmarks (factory_boy is a development dependency; the app never imports this)."""

import itertools
import uuid

import factory

from . import services
from .models import Organisation, Service, Submission

# A complete set of answers, as the journey stores them; tests override what they need.
COMPLETE_ANSWERS = {
    "respondent": "patient_now",
    "when": "now",
    "overall": "good",
    "what_was_good": "The staff listened to me.",
    "what_could_be_better": "More to do at weekends.",
    "about_you": "no",
    "consent_to_share": "yes",
    "consent_to_contact": "no",
}


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Example NHS Foundation Trust {n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Ward {n}")
    ward_type = "acute"
    place = "Anytown"


def complete_draft(*, service=None, easy_read=False, contact=None, **answers):
    """A draft with every question answered, ready to send. Returns (draft, token)."""
    draft, token = services.start_draft(easy_read=easy_read)
    draft.answers = {**COMPLETE_ANSWERS, "service": str(service.pk) if service else "not_said", **answers}
    if contact:
        draft.answers["consent_to_contact"] = "yes"
    draft.save()
    if contact:
        from .journey import STEPS_BY_SLUG

        draft = services.save_answers(draft=draft, step=STEPS_BY_SLUG["contact-details"], cleaned_data=contact)
    return draft, token


def submission(**kwargs):
    """A stored submission made through the real write path."""
    draft, _token = complete_draft(**kwargs)
    return services.submit(draft=draft)[0]


_approved_numbers = itertools.count(1)
_REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def approved(*, submitted_at, themes=(), sentiment="positive", **fields):
    """An approved, moderated submission made directly, for reports: many of them, quickly.

    Reports read only what a moderator confirmed (status, themes, sentiment and redacted words), so
    these skip the journey and the moderation page.
    """
    number = next(_approved_numbers)
    reference, value = [], number
    for _position in range(8):
        value, digit = divmod(value, 32)
        reference.append(_REFERENCE_ALPHABET[digit])
    defaults = {
        "respondent": "patient_now",
        "when": "3m",
        "overall": "good",
        "redacted_what_was_good": "The staff listened.",
        "processed_at": submitted_at,
        "decided_at": submitted_at,
    }
    made = Submission.objects.create(
        reference="".join(reversed(reference)),
        draft_digest=services.digest(f"approved-factory-{number}-{uuid.uuid4()}"),
        status="approved",
        sentiment=sentiment,
        **{**defaults, **fields},
    )
    Submission.objects.filter(pk=made.pk).update(submitted_at=submitted_at)
    made.submitted_at = submitted_at
    if themes:
        made.themes.add(*themes)
    return made
