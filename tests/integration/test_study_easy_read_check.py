"""Editors see the easy-read checker's score for a study's easy-read summary, as on easy-read pages."""

import pytest
from wagtail.rich_text import RichText

from portal.core.factories import UserFactory
from portal.core.roles import EDITORS
from portal.easyread.pictures import load_starter_pictures
from portal.research import factories

pytestmark = pytest.mark.django_db

LONG_ROW = (
    "<p>Researchers, who are based at several universities across the north of England, would like to "
    "interview people who have previously experienced long-term segregation in inpatient settings.</p>"
)


def test_the_study_edit_screen_checks_the_easy_read_summary(client, site_pages):
    picture = load_starter_pictures(only=["telephone"])["telephone"]
    study = factories.study_page(
        factories.study_index(site_pages["home"]),
        easy_read_summary=[("row", {"image": picture, "alt_text": "", "text": RichText(LONG_ROW)})],
    )
    client.force_login(UserFactory(roles=[EDITORS], with_totp=True))

    html = client.get(f"/admin/pages/{study.pk}/edit/").content.decode()

    assert "Easy-read score:" in html
    assert "Serious:" in html


def test_a_study_without_an_easy_read_summary_yet_shows_no_score(client, site_pages):
    study = factories.study_page(factories.study_index(site_pages["home"]))
    client.force_login(UserFactory(roles=[EDITORS], with_totp=True))

    html = client.get(f"/admin/pages/{study.pk}/edit/").content.decode()

    assert "Easy-read score:" not in html
