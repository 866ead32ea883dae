"""Retrain the theme-suggestion model now: `manage.py train_themes`.

It learns from the codebook's examples and from the redacted words of every approved submission with
its confirmed themes. It also retrains on its own after every THEME_MODEL_RETRAIN_EVERY approvals, and
the task portal.feedback.tasks.train_theme_model does the same from a task queue. Run it after editing
the codebook, or nightly from the scheduler.
"""

from django.core.management.base import BaseCommand

from portal.feedback import theming


class Command(BaseCommand):
    help = "Retrain the theme-suggestion model on the codebook and every confirmed theme."

    def handle(self, *args, **options):
        version = theming.train()
        if version is None:
            self.stdout.write("Not enough labelled examples to train a model yet.")
            return
        self.stdout.write(
            f"Trained theme model {version.pk} on {version.trained_on} examples "
            f"({version.confirmed_submissions} confirmed submissions, {version.labels} themes) "
            f"in {version.train_seconds:.1f} s."
        )
