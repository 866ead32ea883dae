from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
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


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website, with words that say where it goes."""

    text = blocks.CharBlock(label=_("Link text"), max_length=120, help_text=_("Say where the link goes."))
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.CharBlock(
        label=_("Or a web address"),
        required=False,
        max_length=500,
        help_text=_("A full address (https://...), a path on this site (/feedback/) or a phone link (tel:...)."),
    )
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        if bool(value.get("page")) == bool(url):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page on this site or give a web address, not both."))}
            )
        if url and not url.startswith(("https://", "http://", "/", "tel:", "mailto:")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Start the address with https://, /, tel: or mailto:."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")
        template = "content/blocks/link.html"


class RouteBlock(LinkBlock):
    """One of the main things people come to do, shown as a large card link on the home page."""

    class Meta:
        icon = "arrow-right"
        label = _("Route")
        template = "content/blocks/route.html"
