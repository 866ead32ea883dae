from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def portal(request):
    """What the base layout needs on every page: the service name and the language switcher."""
    current = get_language()
    languages = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        languages.append({"code": code, "name": name, "url": translate_url(request.get_full_path(), code)})
    return {"portal_service_name": settings.PORTAL_SERVICE_NAME, "other_languages": languages}
