"""The resource topics and audiences a trust starts with; editors can rename, reorder or add to them."""

from django.db import migrations

TOPICS = [
    ("Crisis help", "crisis-help", "Who to contact when you need help now."),
    ("Peer support", "peer-support", "Groups and workers who have been through it too."),
    ("Personal plans", "personal-plans", "Plans you write yourself, such as a wellness recovery action plan (WRAP)."),
    (
        "Recovery college courses",
        "recovery-college",
        "Free courses about mental health and recovery, taught with people with lived experience.",
    ),
    ("Self care", "self-care", "Things you can do for yourself, when you choose."),
    ("Support for carers", "carers-support", "Help for family members, friends and carers."),
    (
        "Living with a learning disability or autism",
        "learning-disability-autism",
        "Support and rights for autistic people and people with a learning disability.",
    ),
]
AUDIENCES = [
    ("People who use services", "people-who-use-services"),
    ("Family and carers", "family-and-carers"),
    ("Young people", "young-people"),
    ("People with a learning disability", "learning-disability"),
    ("Autistic people", "autistic-people"),
    ("Staff", "staff"),
]


def add_defaults(apps, schema_editor):
    ResourceTopic = apps.get_model("content", "ResourceTopic")
    Audience = apps.get_model("content", "Audience")
    for order, (name, slug, description) in enumerate(TOPICS):
        ResourceTopic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    for order, (name, slug) in enumerate(AUDIENCES):
        Audience.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("content", "0002_updates_and_resources")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
