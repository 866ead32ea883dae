from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from portal.easyread.models import EasyReadPage

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10


def search(request):
    """Site search over every public page, with easy-read pages marked (plain GET, no JavaScript).

    Wagtail's database backend uses PostgreSQL full-text search on PostgreSQL and a simpler
    matcher on SQLite; results are this site's live, public pages only.
    """
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    easy_read_ids = set()
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        found = pages.specific().search(query)
        results = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
        easy_read_ids = {page.pk for page in results if isinstance(page, EasyReadPage)}
    return TemplateResponse(
        request,
        "content/search.html",
        {"query": query, "results": results, "easy_read_ids": easy_read_ids},
    )
