from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

register = template.Library()


@register.filter
def tel_href(number):
    """ "116 123" -> "tel:116123": a phone link that works when tapped on a phone."""
    return "tel:" + "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")


@register.simple_tag
def content_lang(page=None):
    """lang and dir attributes for CMS content written in another language than the interface.

    Editors write in English; someone reading the Urdu or Polish interface still gets English page
    text, and screen readers must be told so (WCAG 3.1.2 Language of Parts).
    """
    content_language = page.locale.language_code if page is not None else settings.LANGUAGE_CODE
    if translation.get_language() == content_language:
        return ""
    direction = "rtl" if translation.get_language_info(content_language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', content_language, direction)


@register.filter
def editor_text(value):
    """Text an editor typed (in the site's language) placed inside a translated sentence.

    In the Urdu or Polish interface it is isolated and labelled as English, so right-to-left text
    around it keeps its order and screen readers pronounce it correctly.
    """
    attributes = content_lang()
    if not attributes or not value:
        return value
    return format_html("<bdi{}>{}</bdi>", attributes, value)
