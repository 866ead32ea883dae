"""Delete what the portal no longer needs to keep: `manage.py purge_expired`.

What goes, and when, is in portal/feedback/retention.py (and docs/operations/retention.md): expired
drafts, old contact details, the raw words of approved feedback once the redacted version has stood
long enough, the words of spam, and what people told a study once it has been closed long enough.
Each run is recorded in the audit log with how much went. Run it daily from the scheduler; the task
portal.feedback.tasks.purge_expired does the same from a task queue.
"""

from django.core.management.base import BaseCommand

from portal.feedback import retention


class Command(BaseCommand):
    help = "Delete expired drafts, old contact details and raw words past their time, and record what went."

    def handle(self, *args, **options):
        counts = retention.purge_expired()
        self.stdout.write(f"Deleted {counts['drafts']} expired draft(s).")
        self.stdout.write(f"Deleted {counts['contact_details']} set(s) of contact details past their time limit.")
        self.stdout.write(
            f"Replaced the raw words of {counts['approved_raw_text']} approved submission(s) with the redacted version."
        )
        self.stdout.write(f"Deleted the words of {counts['spam_text']} submission(s) rejected as spam.")
        self.stdout.write(f"Deleted {counts['research_drafts']} unfinished expression(s) of interest.")
        self.stdout.write(
            f"Deleted the details of {counts['research_contact_details']} person(s) interested in studies "
            "closed past their time limit."
        )
