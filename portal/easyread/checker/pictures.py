"""Rules for easy-read rows: a picture with a real description beside each point, one idea a row."""

import re

from django.utils.translation import gettext, ngettext

from .report import Issue

ROW_SENTENCES = 2
FILE_NAME = re.compile(
    r"\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|heic)$|^(?:img|dsc|dcim|pxl|screenshot|image|photo)[\W_]*\d",
    re.IGNORECASE,
)
# Alt text made only of these words says nothing about what the picture shows.
EMPTY_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "image",
        "picture",
        "photo",
        "photograph",
        "icon",
        "graphic",
        "illustration",
        "img",
        "pic",
        "symbol",
    ]
)
MEANINGFUL_WORDS = 2


def row_issues(rows, spans, document):
    """Issues for each row; `spans` gives each row's (start, end) in the joined text."""
    for number, (row, (start, end)) in enumerate(zip(rows, spans, strict=True), start=1):
        yield from _picture_issues(row.image_alt, number, start, end)
        count = sum(1 for sentence in document.prose if start <= sentence.start < end)
        if count > ROW_SENTENCES:
            message = ngettext(
                "Row %(row)d has %(count)d sentence. Easy read works best with one idea in each row, in one or "
                "two short sentences. Could you split it into more rows?",
                "Row %(row)d has %(count)d sentences. Easy read works best with one idea in each row, in one or "
                "two short sentences. Could you split it into more rows?",
                count,
            ) % {"row": number, "count": count}
            yield Issue("one-idea", message, start, end, "warning")


def _picture_issues(alt, number, start, end):
    values = {"row": number, "alt": (alt or "").strip()}
    if alt is None:
        message = gettext(
            "Row %(row)d has no picture. In easy read, each point has a picture beside it to help people "
            "understand. Could you add one?"
        )
        yield Issue("picture", message % values, start, end, "warning")
        return
    words = re.findall(r"[^\W\d_]+", alt)
    meaningful = [word for word in words if word.lower() not in EMPTY_WORDS]
    if not alt.strip():
        message = gettext(
            "The picture in row %(row)d has no alt text. People who use a screen reader hear the alt text "
            "instead of seeing the picture. Could you say what the picture shows?"
        )
    elif FILE_NAME.search(alt.strip()):
        message = gettext(
            "The alt text for the picture in row %(row)d, “%(alt)s”, looks like a file name. Could you say what "
            "the picture shows instead?"
        )
    elif not meaningful:
        message = gettext(
            "The alt text for the picture in row %(row)d, “%(alt)s”, does not say what the picture shows. Could "
            "you describe it, for example “a nurse taking a man’s blood pressure”?"
        )
    elif len(meaningful) < MEANINGFUL_WORDS:
        message = gettext(
            "The alt text for the picture in row %(row)d, “%(alt)s”, is very short. Could you say a little more "
            "about what the picture shows?"
        )
        yield Issue("picture", message % values, start, end, "advice")
        return
    else:
        return
    yield Issue("picture", message % values, start, end, "warning")
