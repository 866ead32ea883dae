from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtailnhsukfrontend import blocks as nhsuk


class BodyBlock(blocks.StreamBlock):
    """The blocks editors can use in the body of a standard page: NHS.UK components only, so every
    page looks like the rest of the NHS and keeps its accessibility work."""

    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        label=_("Text"),
        template="content/blocks/paragraph.html",
    )
    inset_text = nhsuk.InsetTextBlock(label=_("Inset text"))
    warning_callout = nhsuk.WarningCalloutBlock(label=_("Warning callout"))
    care_card = nhsuk.CareCardBlock(label=_("Care card"))
    details = nhsuk.DetailsBlock(label=_("Details (show and hide)"))
    action_link = nhsuk.ActionLinkBlock(label=_("Action link"))
    image = nhsuk.ImageBlock(label=_("Image with caption"))
    table = nhsuk.TableBlock(label=_("Table"))
