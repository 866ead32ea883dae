"""The theme codebook the migrations seed: the NHS framework, and the themes inpatient services need."""

import csv
from pathlib import Path

import pytest

from portal.feedback.models import Theme

FRAMEWORK = Path(__file__).resolve().parents[3] / "portal" / "feedback" / "data" / "qdc_framework_v7.csv"

pytestmark = pytest.mark.django_db


def test_every_sub_category_of_the_nhs_framework_is_a_theme_with_its_description_and_examples():
    with FRAMEWORK.open(encoding="utf-8") as framework:
        rows = list(csv.DictReader(framework))
    assert len(rows) == 33
    for row in rows:
        theme = Theme.objects.get(name=row["Sub-category"].strip())
        assert theme.category == row["Category"].strip()
        assert theme.description == row["Sub-category description"].strip()
        assert theme.examples == row["Examples"].strip()


@pytest.mark.parametrize(
    "name",
    [
        "Restrictive practice",
        "Mental Health Act rights and leave",
        "Advocacy",
        "Cultural and religious needs",
        "Reasonable adjustments",
        "Sensory environment for autistic people",
        "Contact with family and friends",
    ],
)
def test_the_themes_inpatient_mental_health_services_need_are_there(name):
    theme = Theme.objects.get(name=name)
    assert theme.category == "Mental health, learning disability and autism"
    assert theme.is_active
    assert len(theme.description) > 80
