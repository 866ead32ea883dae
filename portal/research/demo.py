"""Demo studies for `manage.py seed_demo`: a study index and two studies, written as university
research teams would publish them, with easy-read summaries and participant information sheets.

The words are in demo_studies.py and demo_sheets.py. Idempotent: pages are found by slug,
documents by title, before anything is created.
"""

import datetime
import json
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from portal.content.models import Audience
from portal.easyread.pictures import load_starter_pictures

from . import demo_sheets, services
from .choices import InterestStatus, StudyStatus
from .demo_studies import DEMO_INTEREST, INDEX_BODY, STUDIES
from .models import StudyIndexPage, StudyPage, StudyTeamMember

INDEX_SLUG = "take-part-in-research"
DOCUMENTS_COLLECTION = "Participant information sheets"


def seed_studies(home, *, researcher=None, pictures=None):
    """The study index under `home`, two studies, and (given a demo researcher) their team place and
    made-up expressions of interest. Returns {"index": ..., "studies": [...]}."""
    if pictures is None:
        pictures = load_starter_pictures(only=demo_picture_names())
    index = StudyIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if index is None:
        index = StudyIndexPage(
            title="Take part in research",
            slug=INDEX_SLUG,
            intro=(
                "Research studies looking for people with lived experience, and families and carers, to take "
                "part. You choose whether to take part, and you can change your mind."
            ),
            body=json.dumps(INDEX_BODY),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    studies = [_study(index, spec, pictures) for spec in STUDIES]
    if researcher is not None:
        segregation = studies[0]
        StudyTeamMember.objects.get_or_create(
            page=segregation, user=researcher, defaults={"role": "Research associate: interviews and follow-up"}
        )
        _seed_interest(segregation, researcher)
    _add_home_route(home, index)
    return {"index": index, "studies": studies}


def demo_picture_names():
    return {name for spec in STUDIES for name, _text in spec["easy_read_rows"]}


def _study(index, spec, pictures):
    study = StudyPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if study is not None:
        return study
    standard, easy_read = (_document(*sheet) for sheet in spec["sheets"])
    fields = {
        key: spec[key]
        for key in (
            "title",
            "summary",
            "time_involved",
            "place",
            "expenses",
            "sponsor",
            "ethics_committee",
            "ethics_reference",
            "iras_id",
            "contact_name",
            "contact_email",
            "contact_phone",
            "who_can_take_part",
            "support",
        )
    }
    study = StudyPage(
        slug=spec["slug"],
        status=StudyStatus.OPEN,
        closing_date=timezone.localdate() + datetime.timedelta(days=spec["closing_in_days"]),
        easy_read_summary=json.dumps(
            [
                {"type": "row", "value": {"image": pictures[name].pk, "alt_text": "", "text": f"<p>{text}</p>"}}
                for name, text in spec["easy_read_rows"]
            ]
        ),
        description=json.dumps(spec["description"]),
        screening_questions=json.dumps([{"type": "question", "value": question} for question in spec["questions"]]),
        information_sheet=standard,
        easy_read_information_sheet=easy_read,
        **fields,
    )
    study.audiences = list(Audience.objects.filter(slug__in=spec["audiences"]))
    index.add_child(instance=study)
    study.save_revision().publish()
    return StudyPage.objects.get(pk=study.pk)


def _document(title, file_name, paragraphs, font_size):
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is not None:
        return document
    content = demo_sheets.pdf_document(title, paragraphs, font_size=font_size)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=DOCUMENTS_COLLECTION).first() or root.add_child(
        name=DOCUMENTS_COLLECTION
    )
    # file_size and file_hash are what Wagtail's upload form would set; the page shows the size.
    document = document_model(
        title=title,
        collection=collection,
        file=ContentFile(content, name=file_name),
        file_size=len(content),
        file_hash=hash_filelike(BytesIO(content)),
    )
    document.save()
    return document


def _seed_interest(study, researcher):
    """Made-up people interested in the study, sent through the real write path, so the research
    area has something to show. Only when the study has none: never added to real interest."""
    if study.expressions_of_interest.exists():
        return
    questions = study.questions
    for person in DEMO_INTEREST:
        answers = {
            **person["answers"],
            "screening": [
                {"id": question["id"], "question": question["question"], "answer": answer}
                for question, answer in zip(questions, person["screening"], strict=False)
            ],
        }
        draft, _token = services.start_draft(study=study, easy_read=person["easy_read"])
        expression, _withdraw_token, _created = services.send(
            draft=draft, answers=answers, consent_future_studies=person["consent_future_studies"], language="en"
        )
        if person["status"] != InterestStatus.NEW:
            services.set_status(expression=expression, status=person["status"], by=researcher)


def _add_home_route(home, index):
    """A "Take part in research" card among the home page's routes, once, if it has routes."""
    home.refresh_from_db()
    if not home.routes or any(block.value.get("page") and block.value["page"].pk == index.pk for block in home.routes):
        return
    routes = [{"type": block.block_type, "value": block.block.get_prep_value(block.value)} for block in home.routes]
    routes.append(
        {
            "type": "route",
            "value": {
                "text": "Take part in research",
                "page": index.pk,
                "url": "",
                "description": "Studies looking for people with lived experience, and families and carers.",
            },
        }
    )
    home.routes = json.dumps(routes)
    home.save_revision().publish()
