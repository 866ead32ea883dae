"""Demo settings and staff accounts for `manage.py seed_demo`.

Demo accounts share one published password, so they are only ever created when PORTAL_DEMO or
DEBUG is on; seed_demo refuses otherwise.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from . import roles
from .models import CrisisContacts, OrganisationSettings

DEMO_PASSWORD = "demo-portal-only-2026"  # noqa: S105 - published on purpose; demo machines only
DEMO_ORGANISATION = "Demo Mental Health NHS Foundation Trust"

DEMO_USERS = [
    ("editor@example.org", "Esme", "Editor", [roles.EDITORS]),
    ("moderator@example.org", "Musa", "Moderator", [roles.MODERATORS]),
    ("safeguarding@example.org", "Sian", "Safeguarding", [roles.SAFEGUARDING_LEADS]),
    ("steering@example.org", "Sunil", "Steering", [roles.STEERING_GROUP]),
    ("researcher@example.org", "Rosa", "Researcher", [roles.RESEARCHERS]),
    ("admin@example.org", "Ade", "Administrator", [roles.ADMINISTRATORS]),
]


def seed_settings(pages):
    site = Site.objects.get(is_default_site=True)
    CrisisContacts.for_site(site).save()  # creates the row with the national numbers as defaults
    organisation = OrganisationSettings.for_site(site)
    organisation.organisation_name = organisation.organisation_name or DEMO_ORGANISATION
    organisation.contact_email = organisation.contact_email or "portal@example.org"
    organisation.accessibility_page = organisation.accessibility_page or pages["accessibility"]
    organisation.privacy_page = organisation.privacy_page or pages["privacy"]
    organisation.cookies_page = organisation.cookies_page or pages["cookies"]
    organisation.save()


def seed_users():
    """One verified account per role. Nobody has MFA yet: each is asked to set it up at first sign-in."""
    User = get_user_model()
    created = []
    for email, first_name, last_name, role_names in DEMO_USERS:
        user, was_created = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name}
        )
        if was_created:
            user.set_password(DEMO_PASSWORD)
            if roles.ADMINISTRATORS in role_names:
                user.is_superuser = True
            user.save()
            created.append(email)
        user.groups.add(*Group.objects.filter(name__in=role_names))
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return created
