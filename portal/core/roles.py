"""Staff roles and the questions other code asks about them.

Roles are Django groups, created by a data migration (0003_roles). Permission checks elsewhere ask
this module rather than looking at groups or flags themselves.
"""

from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
MODERATORS = "Moderators"
SAFEGUARDING_LEADS = "Safeguarding leads"
STEERING_GROUP = "Steering group"
RESEARCHERS = "Researchers"
ADMINISTRATORS = "Administrators"

ROLES = {
    EDITORS: _("Publish easy-read findings, updates and self-care resources."),
    MODERATORS: _("Read new feedback first, remove personal details and confirm themes."),
    SAFEGUARDING_LEADS: _("Act on safeguarding concerns raised in feedback."),
    STEERING_GROUP: _("See anonymised themes and record “you said, we did” actions."),
    RESEARCHERS: _("Follow up expressions of interest for the studies whose research team they are on."),
    ADMINISTRATORS: _("Manage staff accounts and site settings, and read the audit log."),
}

# Roles that work inside the Wagtail admin. Steering group members and researchers have their own
# areas and do not need the CMS.
WAGTAIL_ADMIN_ROLES = (EDITORS, MODERATORS, SAFEGUARDING_LEADS, ADMINISTRATORS)


def role_names(user):
    """The names of the roles a user holds, cached on the user for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        user._portal_role_names = cached
    return cached


def is_staff_member(user):
    """Anyone who can see more than the public can: every such account must use MFA."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or bool(role_names(user))


def has_role(user, role):
    return user.is_authenticated and (user.is_superuser or role in role_names(user))
