from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Locale

register = template.Library()


@register.filter
def tel_href(number):
    """ "116 123" -> "tel:116123": a phone link that works when tapped on a phone."""
    return "tel:" + "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")


_locale_languages = {}


def _language_of(page):
    """A page's language without a query per page in a list: locales never change language."""
    if "locale" in page._state.fields_cache:
        return page.locale.language_code
    if page.locale_id not in _locale_languages:
        _locale_languages[page.locale_id] = Locale.objects.values_list("language_code", flat=True).get(
            pk=page.locale_id
        )
    return _locale_languages[page.locale_id]


@register.simple_tag
def content_lang(page=None):
    """lang and dir attributes for CMS content written in another language than the interface.

    Editors write in English; someone reading the Urdu or Polish interface still gets English page
    text, and screen readers must be told so (WCAG 3.1.2 Language of Parts).
    """
    content_language = _language_of(page) if page is not None else settings.LANGUAGE_CODE
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


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or None: for lookups computed once per page in the view."""
    return mapping.get(key) if mapping else None


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """This page's query string with some parameters changed: keeps filters when paginating."""
    query = context["request"].GET.copy()
    for name, value in changes.items():
        if value in (None, ""):
            query.pop(name, None)
        else:
            query[name] = value
    return query.urlencode()
