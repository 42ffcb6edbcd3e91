"""Answer what the content alone decides from the cache (see ``freshness``).

Serving a page, Wagtail looks the site up, then walks the page tree one level
at a time (a query for the child, another for its specific fields), and the
header asks for the reader's permissions (two queries). None of it changes
until the content, the groups or the permissions do, which changes the
content version: the answers are kept under it.
"""

from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from intranet.core import freshness


class KnownRoutesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            # ModelBackend keeps a user's permissions in ``_perm_cache`` for one request.
            user._perm_cache = freshness.cached(
                request, f"permissions:{user.pk}", lambda: set(user.get_all_permissions())
            )
        # Every view that links to a page ({% pageurl %}) asks for the site.
        host = f"{request._get_raw_host()}:{request.get_port()}"
        site = freshness.cached(request, f"site:{host}", lambda: Site._find_for_request(request))
        request._wagtail_site = site
        if view_func is wagtail_views.serve and site is not None:
            self._route(request, site, view_kwargs.get("path", view_args[0] if view_args else ""))
        return None

    def _route(self, request, site, path):
        key = f"route:{site.pk}:{get_language()}:{path}"
        found = freshness.cached(request, key, lambda: Page.route_for_request(request, path))
        request._wagtail_route_for_request = found
