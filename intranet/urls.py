from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from intranet.core import views
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.health, name="health"),
    path("api/search/", search_views.api_search, name="api_search"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

if not getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.+)$", views.private_media, name="media"))

urlpatterns += i18n_patterns(
    path("accounts/", include("intranet.accounts.urls")),
    path("search/", include("search.urls")),
    path("reception/", include("intranet.reception.urls")),
    path("requests/", include("intranet.requests_office.urls")),
    path("training/", include("training.urls")),
    path("news/", include("intranet.news.urls")),
    path("", include(wagtail_urls)),
)
