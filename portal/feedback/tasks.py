"""Background work on feedback, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from . import services


@task()
def process_submission(submission_id):
    """Run the automatic checks on one submission. Queued after the submission commits."""
    return services.process(submission_id=submission_id)


@task()
def notify_safeguarding(flag_id):
    """Email the safeguarding leads about a flag a moderator raised. Queued after the flag commits."""
    from . import moderation

    return moderation.notify_safeguarding_leads(flag_id=flag_id)


@task()
def purge_expired():
    """The daily retention sweep, for deployments that schedule tasks rather than commands."""
    from . import retention

    return retention.purge_expired()


@task()
def train_theme_model():
    """Retrain the theme-suggestion model on the codebook and every confirmed theme."""
    from . import theming

    version = theming.train()
    return version.pk if version else None


@task()
def notify_proposal_decided(proposal_id):
    """Tell the steering member who proposed a codebook change that it was decided. Queued after commit."""
    from . import codebook

    return codebook.email_proposer(proposal_id=proposal_id)
