"""Wagtail admin hooks for research studies.

Deleting a study page (or the list above it) deletes its expressions of interest with it, in
Wagtail's delete transaction. The audit log records how many went, and who deleted them: the
count is taken before the page goes, and recorded after, in the same transaction. Pages deleted
one at a time and in bulk (the explorer's checkboxes) are both covered.
"""

from wagtail import hooks
from wagtail.models import Page

from . import services

COUNTS = "_portal_research_interest_deleted"


@hooks.register("before_delete_page")
def count_interest_before_the_page_goes(request, page):
    if request.method == "POST":
        setattr(request, COUNTS, services.interest_under(page))


@hooks.register("after_delete_page")
def audit_interest_deleted_with_the_page(request, page):
    counts = getattr(request, COUNTS, None)
    if counts is not None:
        services.record_deleted_with_page(counts=counts, by=request.user)


BULK_COUNTS = "_portal_research_interest_deleted_in_bulk"


@hooks.register("before_bulk_action")
def count_interest_before_pages_go_in_bulk(request, action_type, objects, action_class_instance):
    pages = [each for each in objects if isinstance(each, Page)]
    if action_type != "delete" or not pages:
        return
    setattr(request, BULK_COUNTS, [services.interest_under(page) for page in pages])


@hooks.register("after_bulk_action")
def audit_interest_deleted_with_pages_in_bulk(request, action_type, objects, action_class_instance):
    for counts in getattr(request, BULK_COUNTS, []):
        services.record_deleted_with_page(counts=counts, by=request.user)
