"""Words the portal already knows to be identifying: its services, their places, and the always-remove list.

A ward's name in feedback points to a handful of patients, and a moderator's always-remove list holds
what the rules cannot know (staff names, a small unit's nickname). detect(text, known_terms=...) matches
these whole, ignoring capitals.
"""

from portal.feedback.anonymise.labels import Label


def known_terms():
    """(term, label) pairs: services and organisations as "service", places as "place", moderators' terms.

    Inactive services are included: feedback about a closed ward still names it.
    """
    from portal.feedback.models import Organisation, RedactionTerm, Service

    terms = []
    for name, place in Service.objects.values_list("name", "place"):
        terms.append((name, Label.SERVICE.value))
        if place.strip():
            terms.append((place, Label.PLACE.value))
    terms += [(name, Label.SERVICE.value) for name in Organisation.objects.values_list("name", flat=True)]
    terms += [(term, label) for term, label in RedactionTerm.objects.values_list("term", "label")]
    return [(term.strip(), label) for term, label in terms if term and term.strip()]
