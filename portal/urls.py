from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

# Public pages answer in Japanese at / and in English under /en/, so every
# page has a stable, shareable address per language.
urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", include("portal.site_urls")),
    path("", include("portal.directory.urls")),
    path("network/", include("portal.membership.urls")),
    path("", include("portal.cooperation.urls")),
    path("threads/", include("threads.urls")),
    path("briefings/", include("briefings.urls")),
    prefix_default_language=False,
)

# The benchmark's yardstick (portal.bench), never mounted in production.
if settings.BENCH_MODE:
    from .bench import bare_ok

    urlpatterns.append(path("bench/ok/", bare_ok))
