"""Themes that inpatient mental-health, learning-disability and autism services need and the NHS framework lacks.

Each description says where it ends and the framework's nearest theme begins, so moderators choose
consistently.
"""

from django.db import migrations

CATEGORY = "Mental health, learning disability and autism"

THEMES = [
    (
        "Restrictive practice",
        "Restraint, seclusion, long-term segregation, rapid tranquillisation, and blanket restrictions (rules "
        "applied to everyone on a ward). Includes how it was done, whether it was talked through afterwards, and "
        "injuries. The experience of detention itself is under Mental Health Act.",
        "‘I was restrained in front of other patients’, ‘Seclusion felt like a punishment’, ‘Long-term "
        "segregation went on for months without a plan’, ‘They talked me down instead of using restraint’",
    ),
    (
        "Mental Health Act rights and leave",
        "Being told and helped to understand rights under the Mental Health Act, tribunals and hearings, "
        "section 17 leave being granted, planned or cancelled, and appeals. Wider views on being detained stay "
        "under Mental Health Act.",
        "‘My named nurse explained my rights in words I understood’, ‘Leave was cancelled at the last minute’, "
        "‘Nobody told me I could appeal’",
    ),
    (
        "Advocacy",
        "Access to and support from advocates: independent mental health advocates (IMHA), independent mental "
        "capacity advocates (IMCA), peer and self-advocacy.",
        "‘The advocate came quickly when I asked’, ‘I did not know I could have an advocate’",
    ),
    (
        "Cultural and religious needs",
        "Whether care respected a person's culture, faith and language: prayer space and time, food, "
        "interpreters, same-gender care, and experiences of racism or discrimination.",
        "‘There was halal food every day’, ‘Prayer space was hard to get to’, ‘Nobody asked about my culture’, "
        "‘The interpreter was there for every meeting’",
    ),
    (
        "Reasonable adjustments",
        "Changes made, or not made, for autistic people and people with a learning disability: easy read, "
        "communication passports, extra time, quiet spaces, routines, and staff who knew how to use them. "
        "Noise, light and smell on their own are under Sensory experience.",
        "‘They used an easy-read care plan with pictures’, ‘Staff asked how I like to be spoken to’, ‘Not every "
        "staff member knew how to use it’",
    ),
    (
        "Sensory environment for autistic people",
        "Sensory needs that come with being autistic: overload, warnings before alarms or drills, a low-stimulus "
        "room, and whether staff planned for them. General comments on noise, temperature or light are under "
        "Sensory experience.",
        "‘Staff knew that bright lights and noise upset me and found me a quiet room’, ‘Please warn me before "
        "fire drills’",
    ),
    (
        "Contact with family and friends",
        "Keeping in touch while in hospital: visits, phone and video calls, distance from home, and being placed "
        "far away. How services involve and inform carers is under Interaction with family/ carers.",
        "‘They helped me ring my mum every day’, ‘I was moved to a ward 80 miles from home’, ‘Visiting hours "
        "clash with their work’",
    ),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("feedback", "Theme")
    for name, description, examples in THEMES:
        Theme.objects.get_or_create(
            name=name, defaults={"category": CATEGORY, "description": description, "examples": examples}
        )


class Migration(migrations.Migration):
    dependencies = [("feedback", "0004_codebook_and_permissions")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
