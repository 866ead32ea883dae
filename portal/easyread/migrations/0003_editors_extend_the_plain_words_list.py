"""Editors and Administrators can add to the easy-read checker's plain-words list (a site setting)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("easyread")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # normally made after all migrations run
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    change_setting = Permission.objects.get(content_type__app_label="easyread", codename="change_easyreadsettings")
    for group in Group.objects.filter(name__in=["Editors", "Administrators"]):
        group.permissions.add(change_setting)


class Migration(migrations.Migration):
    dependencies = [("easyread", "0002_easy_read_settings"), ("core", "0003_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
