"""The easy-read checker applied to an easy-read page's body, for editors.

The checker (portal/easyread/checker) knows nothing about Wagtail; this module turns a page's
rows into checker rows, adds the site's own plain-words list and the page's hard-words list, and
maps each issue back to the row it is about.
"""

from .blocks import glossary_words, rows_of
from .checker import ROW_SEPARATOR, Row, check_rows


def review_body(body, *, site=None):
    from .models import EasyReadSettings

    extra = EasyReadSettings.for_site(site).plain_word_mapping() if site is not None else {}
    rows = [Row(text=text, image_alt=alt or None) for text, alt in rows_of(body)]
    return check_rows(rows, extra_plain_words=extra, known_words=list(glossary_words(body)))


def issues_by_row(body, report):
    """{block id: [issues]} for the picture rows of `body`, using the checker's row offsets."""
    spans = []
    position = 0
    for child in body:
        if child.block_type != "row":
            continue
        text = next(rows_of([child]))[0]
        spans.append((child.id, position, position + len(text)))
        position += len(text) + len(ROW_SEPARATOR)
    found = {}
    for issue in report.issues:
        for block_id, start, end in spans:
            if start <= issue.start <= end:
                found.setdefault(block_id, []).append(issue)
                break
    return found


def wants_easy_read_markers(request):
    """Mark rows with the checker's findings for editors looking at the live page (userbar checks)."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))
