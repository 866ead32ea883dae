"""Create the staff roles as groups, with the permissions each role needs.

Wagtail's own first migration already made "Editors" and "Moderators" (as page editors and page
publishers). In this portal, Editors publish content and Moderators review feedback, so their page
permissions are set here rather than left as Wagtail's defaults. Later features add the permissions
of their own models to these groups in their own migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = [
    "Editors",
    "Moderators",
    "Safeguarding leads",
    "Steering group",
    "Researchers",
    "Administrators",
]
CMS_ROLES = ["Editors", "Moderators", "Safeguarding leads", "Administrators"]

EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtaildocs": [
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ],
}
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]
ADMINISTRATOR_MODEL_PERMISSIONS = [
    ("core", "add_user"),
    ("core", "change_user"),
    ("core", "delete_user"),
    ("core", "view_user"),
    ("auth", "view_group"),
    ("core", "change_crisiscontacts"),
    ("core", "change_organisationsettings"),
    ("core", "view_auditevent"),
]


def ensure_permissions(apps):
    # Permissions are normally created after all migrations run; roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    access_admin = permission(apps, "wagtailadmin", "access_admin")
    for name in CMS_ROLES:
        groups[name].permissions.add(access_admin)

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    # Feedback moderators do not publish pages or manage media: take away Wagtail's default rights.
    groups["Moderators"].permissions.set([access_admin])
    GroupPagePermission.objects.filter(group=groups["Moderators"]).delete()
    GroupCollectionPermission.objects.filter(group=groups["Moderators"]).delete()

    editors = groups["Editors"]
    if root_page is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=root_page,
                permission=permission(apps, "wagtailcore", codename),
            )
    if root_collection is not None:
        for app_label, codenames in EDITOR_COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=editors,
                    collection=root_collection,
                    permission=permission(apps, app_label, codename),
                )
    for app_label, codename in EDITOR_MODEL_PERMISSIONS:
        editors.permissions.add(permission(apps, app_label, codename))
    for app_label, codename in ADMINISTRATOR_MODEL_PERMISSIONS:
        groups["Administrators"].permissions.add(permission(apps, app_label, codename))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_settings_and_audit"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
