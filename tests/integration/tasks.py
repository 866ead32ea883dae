"""Tasks used only by the tests: the queue stores them by import path, so they live in a module."""

from django_tasks import task


@task()
def add_numbers(first, second):
    return first + second


@task()
def fail_on_purpose():
    raise ValueError("this task always fails")
