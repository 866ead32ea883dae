from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as PagesSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.core import views as core_views
from portal.core.sitemaps import CoreViewsSitemap
from portal.feedback.api import api as steering_api

urlpatterns = [
    path("health/", core_views.health_check, name="health"),
    # The steering group's JSON API (OpenAPI at /api/v1/openapi.json); outside the language prefixes,
    # so its address never changes.
    path("api/v1/", steering_api.urls),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PagesSitemap, "core": CoreViewsSitemap}}, name="sitemap"),
    # Every sign-in goes through allauth (MFA, rate limits); Wagtail's own login and logout
    # pages are replaced, not just hidden. There is no Django admin.
    path("admin/login/", core_views.admin_sign_in, name="wagtailadmin_login"),
    path("admin/logout/", RedirectView.as_view(url=reverse_lazy("account_logout")), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("portal.core.urls")),
    path("", include("portal.content.urls")),
    path("steering/", include("portal.feedback.steering_urls")),
    path("researchers/", include("portal.research.area_urls")),
    path("", include("portal.research.urls")),
    path("", include("portal.feedback.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler403 = "portal.core.views.permission_denied"
handler404 = "portal.core.views.page_not_found"
handler500 = "portal.core.views.server_error"
