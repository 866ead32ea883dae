"""The staff roles made by migration 0003_roles, checked through what a person in each role can do."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal.core import roles
from portal.core.factories import UserFactory


@pytest.fixture
def page(db):
    root = Page.get_first_root_node()
    return root.get_children().first() or root


def test_the_six_roles_exist_as_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Editors",
        "Moderators",
        "Safeguarding leads",
        "Steering group",
        "Researchers",
        "Administrators",
    }
    assert set(roles.ROLES) == set(Group.objects.filter(name__in=roles.ROLES).values_list("name", flat=True))


@pytest.mark.parametrize("role", roles.WAGTAIL_ADMIN_ROLES)
def test_cms_roles_can_reach_the_wagtail_admin(db, role):
    user = UserFactory(roles=[role])

    assert user.has_perm("wagtailadmin.access_admin")


@pytest.mark.parametrize("role", [roles.STEERING_GROUP, roles.RESEARCHERS])
def test_roles_with_their_own_areas_cannot_reach_the_wagtail_admin(db, role):
    user = UserFactory(roles=[role])

    assert not user.has_perm("wagtailadmin.access_admin")


def test_editors_can_add_edit_and_publish_pages(page):
    editor = UserFactory(roles=[roles.EDITORS])

    permissions = page.permissions_for_user(editor)

    assert permissions.can_add_subpage()
    assert permissions.can_edit()
    assert permissions.can_publish()


def test_editors_can_upload_images_and_documents_and_manage_redirects(db):
    editor = UserFactory(roles=[roles.EDITORS])

    assert (
        GroupCollectionPermission.objects.filter(
            group__name=roles.EDITORS,
            collection=Collection.get_first_root_node(),
            permission__codename__in=["add_image", "add_document"],
        ).count()
        == 2
    )
    assert editor.has_perm("wagtailredirects.add_redirect")


def test_editors_cannot_read_the_audit_log_or_manage_accounts(db):
    editor = UserFactory(roles=[roles.EDITORS])

    assert not editor.has_perm("core.view_auditevent")
    assert not editor.has_perm("core.change_user")


def test_moderators_only_reach_the_admin_and_cannot_touch_pages_or_media(page):
    moderator = UserFactory(roles=[roles.MODERATORS])

    # The admin, the moderation queue, the codebook and the steering group's proposals for it (to
    # read) and the always-remove list: nothing else.
    assert set(Group.objects.get(name=roles.MODERATORS).permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "view_theme",
        "view_themeproposal",
        "add_redactionterm",
        "change_redactionterm",
        "delete_redactionterm",
        "view_redactionterm",
    }
    assert not GroupPagePermission.objects.filter(group__name=roles.MODERATORS).exists()
    assert not GroupCollectionPermission.objects.filter(group__name=roles.MODERATORS).exists()
    assert not page.permissions_for_user(moderator).can_edit()
    assert not page.permissions_for_user(moderator).can_publish()


def test_administrators_read_the_audit_log_and_manage_staff_accounts(db):
    administrator = UserFactory(roles=[roles.ADMINISTRATORS])

    assert administrator.has_perm("core.view_auditevent")
    for codename in ("add_user", "change_user", "delete_user", "view_user"):
        assert administrator.has_perm(f"core.{codename}"), codename
    assert administrator.has_perm("core.change_crisiscontacts")
    assert administrator.has_perm("core.change_organisationsettings")


def test_nobody_may_change_or_delete_audit_events_through_a_role(db):
    for group in Group.objects.filter(name__in=roles.ROLES):
        codenames = set(group.permissions.filter(content_type__app_label="core").values_list("codename", flat=True))
        assert not codenames & {"add_auditevent", "change_auditevent", "delete_auditevent"}, group.name


def test_a_role_makes_someone_a_staff_member_who_must_use_mfa(db):
    assert roles.is_staff_member(UserFactory(roles=[roles.STEERING_GROUP]))
    assert not roles.is_staff_member(UserFactory())


def test_has_role_is_true_only_for_roles_held_or_for_superusers(db):
    researcher = UserFactory(roles=[roles.RESEARCHERS])
    superuser = UserFactory(is_superuser=True)

    assert roles.has_role(researcher, roles.RESEARCHERS)
    assert not roles.has_role(researcher, roles.MODERATORS)
    assert roles.has_role(superuser, roles.MODERATORS)


def test_only_moderators_and_safeguarding_leads_may_moderate_feedback(db):
    from portal.feedback.moderation_views import can_moderate

    for role in roles.ROLES:
        user = UserFactory(roles=[role])
        assert can_moderate(user) is (role in {roles.MODERATORS, roles.SAFEGUARDING_LEADS}), role
    # Not even a superuser reads people's words without the role.
    assert not can_moderate(UserFactory(is_superuser=True, is_staff=True, roles=[roles.ADMINISTRATORS]))
