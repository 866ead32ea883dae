import pytest

from portal.feedback.anonymise import detect, redact
from portal.feedback.anonymise.known import known_terms
from portal.feedback.factories import OrganisationFactory, ServiceFactory
from portal.feedback.models import RedactionTerm


@pytest.mark.django_db
def test_known_terms_come_from_services_places_organisations_and_the_always_remove_list():
    organisation = OrganisationFactory(name="Northshire Partnership NHS Trust")
    ServiceFactory(organisation=organisation, name="Willow Ward", place="Harrogate")
    ServiceFactory(organisation=organisation, name="Birch Unit", place="", is_active=False)
    RedactionTerm.objects.create(term="Big Kev", label="name")

    assert sorted(known_terms()) == [
        ("Big Kev", "name"),
        ("Birch Unit", "service"),
        ("Harrogate", "place"),
        ("Northshire Partnership NHS Trust", "service"),
        ("Willow Ward", "service"),
    ]


@pytest.mark.django_db
def test_known_terms_redact_whole_words_only():
    ServiceFactory(name="Oak", place="Leeds")
    text = "Oak ward in Leeds was better than the oaks in Leedsbury"
    assert redact(text, detect(text, known_terms=known_terms(), recognisers=[])) == (
        "[ward or service] ward in [place] was better than the oaks in Leedsbury"
    )
