from django import template

register = template.Library()


@register.filter
def tel_href(number):
    """"116 123" -> "tel:116123": a phone link that works when tapped on a phone."""
    return "tel:" + "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")
