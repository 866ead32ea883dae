"""Blocks of study pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ScreeningQuestionBlock(blocks.StructBlock):
    """A question people answer with yes, no or not sure when they register interest."""

    question = blocks.CharBlock(
        label=_("Question"),
        max_length=200,
        help_text=_("A question that can be answered yes or no, for example “Are you 18 or over?”"),
    )
    easy_read_question = blocks.CharBlock(
        label=_("Easy-read question"),
        max_length=200,
        required=False,
        help_text=_("The same question in easy read. Leave blank to use the question above."),
    )
    hint = blocks.CharBlock(label=_("Hint"), max_length=250, required=False)

    class Meta:
        icon = "help"
        label = _("Screening question")
