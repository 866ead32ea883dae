"""Print counts for operators as JSON: `manage.py portal_stats`. Totals only, never personal data."""

import json

from django.core.management.base import BaseCommand

from portal.feedback.selectors import portal_stats
from portal.research.selectors import research_stats


class Command(BaseCommand):
    help = "Print JSON counts: submissions by status, drafts, services, themes, actions, studies, interest."

    def handle(self, *args, **options):
        stats = {**portal_stats(), **research_stats()}
        self.stdout.write(json.dumps(stats, indent=2, sort_keys=True))
