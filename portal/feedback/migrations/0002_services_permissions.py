"""The services list (organisations, wards and services) is kept by Administrators and Editors."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    f"{action}_{model}" for model in ("organisation", "service") for action in ("add", "change", "delete", "view")
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # normally made after all migrations run
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="feedback", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=["Administrators", "Editors"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_services_drafts_and_submissions"), ("core", "0003_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
