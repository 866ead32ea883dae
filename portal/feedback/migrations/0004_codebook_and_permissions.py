"""Seed the theme codebook from the NHS framework and give the moderation permissions to their roles."""

import csv
from pathlib import Path

from django.contrib.auth.management import create_permissions
from django.db import migrations

FRAMEWORK = Path(__file__).resolve().parent.parent / "data" / "qdc_framework_v7.csv"

GRANTS = {
    "Moderators": ["view_theme", "add_redactionterm", "change_redactionterm",
                   "delete_redactionterm", "view_redactionterm"],
    "Safeguarding leads": ["view_theme", "view_redactionterm"],
    "Administrators": ["add_theme", "change_theme", "view_theme", "view_redactionterm"],
}


def seed_codebook(apps, schema_editor):
    Theme = apps.get_model("feedback", "Theme")
    with FRAMEWORK.open(encoding="utf-8") as framework:
        for row in csv.DictReader(framework):
            Theme.objects.get_or_create(
                name=row["Sub-category"].strip(),
                defaults={
                    "category": row["Category"].strip(),
                    "description": row["Sub-category description"].strip(),
                    "examples": row["Examples"].strip(),
                },
            )


def grant(apps, schema_editor):
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # normally made after all migrations run
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="feedback", codename__in=GRANTS[group.name])
        )


class Migration(migrations.Migration):
    dependencies = [("feedback", "0003_moderation"), ("core", "0003_roles")]

    operations = [
        migrations.RunPython(seed_codebook, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
