"""Background work on research recruitment, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def send_interest_emails(expression_id):
    """After someone registers interest: a confirmation to them (when they chose email) and a
    notice to the study's team (no personal details). Queued after the expression commits."""
    from . import notifications

    return notifications.send_interest_emails(expression_id=expression_id)
