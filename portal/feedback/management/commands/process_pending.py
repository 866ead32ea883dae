"""Queue again any feedback whose processing never ran: `manage.py process_pending`.

Processing is queued when feedback is sent, after the transaction commits. If the queue was down
then, or the worker died mid-task, this sweep finds the submission and queues it again. It also sends
any safeguarding email that failed (the mail server was down, say). Run it every few minutes from the
scheduler (docs/deployment.md); processing twice does no harm, and each flag is emailed once.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from portal.feedback import moderation, services


class Command(BaseCommand):
    help = "Queue processing again for submissions that were never processed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=None,
            metavar="MINUTES",
            help="Only submissions sent at least this many minutes ago (default FEEDBACK_PROCESSING_GRACE_MINUTES).",
        )
        parser.add_argument("--now", action="store_true", help="Process them in this command instead of queueing.")

    def handle(self, *args, older_than=None, now=False, **options):
        grace = timedelta(minutes=older_than) if older_than is not None else None
        if now:
            processed = sum(services.process(submission_id=pk) for pk in services.unprocessed_ids(older_than=grace))
            self.stdout.write(f"Processed {processed} submission(s).")
        else:
            queued = services.queue_unprocessed(older_than=grace)
            self.stdout.write(f"Queued {queued} submission(s) for processing.")
        emailed = 0
        for flag_id in moderation.unnotified_flag_ids(older_than=grace):
            emailed += moderation.notify_safeguarding_leads(flag_id=flag_id) > 0
        if emailed:
            self.stdout.write(f"Emailed the safeguarding leads about {emailed} flag(s) whose email had not gone.")
