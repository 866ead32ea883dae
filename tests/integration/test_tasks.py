"""Background tasks: queued in the database with django_tasks_db and run by its worker command.

These run inside the test's transaction rather than with django_db(transaction=True): a transactional
test empties every table when it ends (the role groups and Wagtail's root page included), which leaves
a reused PostgreSQL test database (--reuse-db) unusable for the next run. The worker's one call that
cannot run inside a transaction, close_old_connections() (it would close the test's connection), is
replaced for the test; everything else (claiming the row, running the task, storing the result) is
the real worker.
"""

import pytest
from django_tasks import TaskResultStatus, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from tests.integration.tasks import add_numbers, fail_on_purpose

pytestmark = pytest.mark.django_db


def test_the_default_task_backend_is_the_database():
    assert isinstance(task_backends["default"], DatabaseBackend)


def test_an_enqueued_task_is_stored_in_the_database_ready_to_run():
    result = add_numbers.enqueue(2, 3)

    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.status == TaskResultStatus.READY
    assert stored.task_path == "tests.integration.tasks.add_numbers"
    assert stored.args_kwargs == {"args": [2, 3], "kwargs": {}}


def test_the_worker_runs_a_queued_task_to_success(run_worker):
    result = add_numbers.enqueue(2, 3)

    run_worker()

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 5
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.SUCCESSFUL


def test_the_worker_records_a_failing_task_as_failed_and_carries_on(run_worker):
    failing = fail_on_purpose.enqueue()
    succeeding = add_numbers.enqueue(40, 2)

    run_worker()

    failing.refresh()
    succeeding.refresh()
    assert failing.status == TaskResultStatus.FAILED
    assert failing.errors[0].exception_class is ValueError
    assert succeeding.status == TaskResultStatus.SUCCESSFUL
    assert succeeding.return_value == 42


def test_the_worker_in_batch_mode_stops_when_the_queue_is_empty(run_worker):
    run_worker()

    assert not DBTaskResult.objects.exists()


def test_the_worker_runs_each_task_once(run_worker):
    result = add_numbers.enqueue(1, 1)
    run_worker()
    finished_at = DBTaskResult.objects.get(id=result.id).finished_at

    run_worker()

    assert DBTaskResult.objects.get(id=result.id).finished_at == finished_at
