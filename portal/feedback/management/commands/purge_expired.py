"""Delete what the portal no longer needs to keep: `manage.py purge_expired`.

Today: unfinished feedback drafts past their expiry (FEEDBACK_DRAFT_DAYS, 7 days by default), and
contact details older than FEEDBACK_CONTACT_DETAILS_DAYS (90 by default), whether or not anyone has
recorded the follow-up. Each run is recorded in the audit log with how much went. Run it daily.
"""

from django.core.management.base import BaseCommand

from portal.feedback import services


class Command(BaseCommand):
    help = "Delete expired feedback drafts and old contact details, and record what was deleted."

    def handle(self, *args, **options):
        drafts = services.delete_expired_drafts()
        self.stdout.write(f"Deleted {drafts} expired draft(s).")
        contacts = services.delete_old_contact_details()
        self.stdout.write(f"Deleted {contacts} set(s) of contact details past their time limit.")
