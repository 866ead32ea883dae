"""Background work on feedback, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from . import services


@task()
def process_submission(submission_id):
    """Run the automatic checks on one submission. Queued after the submission commits."""
    return services.process(submission_id=submission_id)
