"""Middleware of the security app: the content security policy and the audit log's user."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from wagtail.log_actions import LogContext


class IntranetCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's own allowances under /admin/.

    The intranet's pages run no inline script, but Wagtail's admin still does:
    its date and time widgets and inline panels write ``<script>`` blocks into
    the page, its rich text editor and some of our admin views (IPECAG progress)
    use inline styles, image uploads are previewed from ``blob:`` addresses and
    the page preview is an iframe of the admin itself. The admin is only
    opened by editors, so it gets those allowances and the rest of the
    intranet keeps the strict policy (settings.CSP_ADMIN_REPLACE).
    """

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail renders a page preview through the middleware again, with a
            # made-up request for the page's own address; the admin view that
            # asked for it sets the admin's policy on the response around it.
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.replace is None
            and request.path_info.startswith(settings.CSP_ADMIN_PREFIX)
        ):
            parts.replace = settings.CSP_ADMIN_REPLACE
        return parts


class AuditLogContextMiddleware:
    """Every change made during a request is logged under the signed-in user.

    Wagtail's admin does this for its own views; this does it for the intranet's
    (enrolments, attendance, feed addresses...), so that the audit log entries
    written by ``audit`` name who acted, and those of one request share an id.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if request.user.is_authenticated else None
        with LogContext(user=user):
            return self.get_response(request)
