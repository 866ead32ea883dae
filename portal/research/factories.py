"""Factories for tests (development only; nothing in the app imports this).

index = study_index(home)
study = study_page(index, title="...", team=[researcher], questions=["Are you 18 or over?"])
expression, token = expression_of_interest(study, name="Sam", method="email", email="sam@example.org")
"""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from . import services
from .models import StudyIndexPage, StudyPage, StudyTeamMember


def study_index(home, *, title="Take part in research", slug="take-part-in-research"):
    existing = StudyIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    index = StudyIndexPage(title=title, slug=slug, intro="Studies looking for people to take part.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def study_page(index, *, title="Living in long-term segregation", slug=None, team=(), questions=(), **fields):
    """A published study; `closing_date` defaults to 60 days from today, `status` to open."""
    values = {
        "summary": "Interviews with people who have lived in long-term segregation.",
        "easy_read_summary": [],
        "description": [("paragraph", RichText("<p>We want to learn what helps people leave segregation.</p>"))],
        "who_can_take_part": "<p>Adults who have lived in long-term segregation.</p>",
        "time_involved": "One interview of about an hour",
        "place": "At home, on the ward or by video call",
        "expenses": "A £25 voucher for each interview",
        "support": "<p>You can bring someone you trust.</p>",
        "sponsor": "University of the North West",
        "ethics_committee": "North West - Greater Manchester East Research Ethics Committee",
        "ethics_reference": "24/NW/0123",
        "iras_id": "324567",
        "closing_date": timezone.localdate() + datetime.timedelta(days=60),
        "contact_name": "The study team",
        "contact_email": "study@example.org",
        "screening_questions": [
            ("question", {"question": text, "easy_read_question": "", "hint": ""}) for text in questions
        ],
    }
    values.update(fields)
    study = StudyPage(title=title, slug=slug or _slug(title), **values)
    index.add_child(instance=study)
    study.save_revision().publish()
    study = StudyPage.objects.get(pk=study.pk)
    for position, user in enumerate(team):
        StudyTeamMember.objects.create(page=study, user=user, sort_order=position)
    return study


def _slug(title):
    from django.utils.text import slugify

    return slugify(title)[:50]


def expression_of_interest(study, *, easy_read=False, consent_future_studies=False, **answers):
    """An expression of interest sent through the write path. Returns (expression, withdraw token)."""
    values = {"name": "Sam", "method": "email", "email": "sam@example.org", "communication_needs": []}
    values.update(answers)
    draft, _token = services.start_draft(study=study, easy_read=easy_read)
    expression, withdraw_token, _created = services.send(
        draft=draft, answers=values, consent_future_studies=consent_future_studies, language="en"
    )
    return expression, withdraw_token
