"""Editors keep the resource topics and audiences (the filters on the resources page) up to date."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    f"{action}_{model}" for model in ("resourcetopic", "audience") for action in ("add", "change", "delete", "view")
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("content")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # normally made after all migrations run
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*Permission.objects.filter(content_type__app_label="content", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("content", "0003_default_topics_and_audiences"), ("core", "0003_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
