"""The client address for rate limits (django-ratelimit), worked out as the sign-in limits do.

allauth's adapter honours TRUSTED_PROXY_COUNT, so an address in X-Forwarded-For that a visitor
could forge is never trusted, and every limit in the portal counts the same address.
"""

from allauth.account.adapter import get_adapter


def client_ip(request):
    return get_adapter(request).get_client_ip(request)
