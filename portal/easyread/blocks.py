"""Blocks for easy-read pages: one picture beside one or two short sentences, and a hard-words list.

The layout follows the easy-read guidance editors already know (GOV.UK accessible communication
formats; Department of Health): pictures on the left, words on the right, one idea in each row.
"""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# File names and words that say nothing about the picture; a screen reader would read them out.
MEANINGLESS_ALT_TEXT = {"image", "picture", "photo", "icon", "img", "graphic"}
MINIMUM_ALT_TEXT_LENGTH = 3


def row_alt_text(value):
    """The alt text a row's picture is shown with: the row's own, else the picture's description."""
    image = value.get("image")
    return (value.get("alt_text") or (image.description if image else "") or "").strip()


def alt_text_problem(alt_text):
    text = alt_text.strip()
    if not text:
        return _("Every picture in easy read needs alt text: say what the picture shows.")
    lowered = text.lower()
    if len(text) < MINIMUM_ALT_TEXT_LENGTH or lowered in MEANINGLESS_ALT_TEXT:
        return _("Say what the picture shows, for example “A nurse talking to a patient”.")
    if "." in lowered and lowered.rsplit(".", 1)[-1] in {"png", "jpg", "jpeg", "gif", "webp", "avif"}:
        return _("The alt text looks like a file name. Say what the picture shows instead.")
    return None


class EasyReadRowBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Picture"), help_text=_("A clear picture of the idea in the words beside it."))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=250,
        help_text=_(
            "What the picture shows, for people who cannot see it. Leave blank to use the picture’s own description."
        ),
    )
    text = blocks.RichTextBlock(
        label=_("Words"),
        features=["bold", "link"],
        help_text=_("One or two short sentences: one idea, 15 words or fewer in each sentence."),
    )

    def clean(self, value):
        value = super().clean(value)
        problem = alt_text_problem(row_alt_text(value))
        if problem:
            raise StructBlockValidationError(block_errors={"alt_text": ValidationError(problem)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["alt_text"] = row_alt_text(value)
        return context

    class Meta:
        icon = "image"
        label = _("Picture and words")
        template = "easyread/blocks/row.html"


class HardWordBlock(blocks.StructBlock):
    word = blocks.CharBlock(label=_("Hard word"), max_length=80)
    meaning = blocks.TextBlock(label=_("What it means"), help_text=_("One short sentence in plain words."))

    class Meta:
        icon = "help"
        label = _("Hard word")


class HardWordsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Hard words"), max_length=80)
    words = blocks.ListBlock(HardWordBlock(), label=_("Words"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Hard words")
        template = "easyread/blocks/hard_words.html"


class EasyReadBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=80, form_classname="title", template="easyread/blocks/heading.html"
    )
    row = EasyReadRowBlock()
    hard_words = HardWordsBlock()


def rows_of(body):
    """(text, alt text) for each picture row of an easy-read body, in order, for the checker."""
    for child in body:
        if child.block_type == "row":
            yield strip_tags(child.value["text"].source).strip(), row_alt_text(child.value)


def glossary_words(body):
    """The words a page explains in its hard-words list: the checker does not flag these."""
    for child in body:
        if child.block_type == "hard_words":
            for item in child.value["words"]:
                yield item["word"]
