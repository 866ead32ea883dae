from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class CoreViewsSitemap(Sitemap):
    """Public pages that are views rather than CMS pages."""

    changefreq = "monthly"

    def items(self):
        return ["core:crisis_help"]

    def location(self, item):
        return reverse(item)
