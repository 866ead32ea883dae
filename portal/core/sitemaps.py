from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.models import Site


class CoreViewsSitemap(Sitemap):
    """Public pages that are views rather than CMS pages.

    Listed in every language: the crisis page's words are translated, and someone searching in Urdu
    or Polish should find it in their own language.
    """

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["core:crisis_help", "feedback:start", "feedback:start_easy_read", "feedback:lookup", "feedback:actions"]

    def location(self, item):
        return reverse(item)

    def get_urls(self, page=1, site=None, protocol=None):
        # The same origin as the CMS pages beside them (Wagtail's default site), not whatever host
        # the request for sitemap.xml happened to use.
        default_site = Site.objects.filter(is_default_site=True).first()
        if default_site is not None:
            root = urlsplit(default_site.root_url)
            site, protocol = SimpleNamespace(domain=root.netloc), root.scheme
        return super().get_urls(page=page, site=site, protocol=protocol)
