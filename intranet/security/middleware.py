"""Middleware of the security app: the content security policy, the audit log's user and
the throttling of privacy passwords."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.forms.utils import ErrorDict
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail import views as page_views
from wagtail.documents.views import serve as document_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.log_actions import LogContext
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from . import throttling


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


class PrivacyPasswordThrottleMiddleware:
    """Wagtail's privacy-password forms (pages and document collections), throttled like sign-in.

    Wagtail's views check the password and answer a wrong one with the form
    again, as often as asked. Around them: a POST from an address locked out of
    that restriction never reaches the view (so a right password is refused too
    until the lock ends) and gets the form again with the reason, in HTTP 429;
    a wrong password is counted (the form re-shown by the view is one), and the
    one that reaches PRIVACY_PASSWORD_FAILURE_LIMIT already says so; a right
    one (the view's redirect) starts the count again. See ``throttling``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        restriction = getattr(request, "privacy_password_restriction", None)
        if restriction and response.status_code in (301, 302, 303):
            throttling.privacy_password_passed(request, restriction)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        if view_func is page_views.authenticate_with_password:
            restriction = f"page-{view_kwargs['page_view_restriction_id']}"
        elif view_func is document_views.authenticate_with_password:
            restriction = f"collection-{view_kwargs['restriction_id']}"
        else:
            return None
        if throttling.privacy_password_locked(request, restriction):
            return _locked_out_form(request, view_func, view_kwargs)
        request.privacy_password_restriction = restriction
        return None

    def process_template_response(self, request, response):
        restriction = getattr(request, "privacy_password_restriction", None)
        if restriction and throttling.privacy_password_failed(request, restriction):
            form = (response.context_data or {}).get("form")
            if form is not None:
                form.add_error(None, throttling.privacy_password_lockout_message())
            response.status_code = 429
        return response


def _locked_out_form(request, view_func, view_kwargs):
    """The password form, as Wagtail's view shows it, saying why no password is accepted now.

    The form is not validated: that would compare the password once more.
    Returns None for a restriction or page that does not exist: the view answers 404.
    """
    if view_func is page_views.authenticate_with_password:
        restriction = PageViewRestriction.objects.filter(
            id=view_kwargs["page_view_restriction_id"]
        ).first()
        page = Page.objects.filter(id=view_kwargs["page_id"]).first()
        if restriction is None or page is None:
            return None
        action_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
        response = page.specific.serve_password_required_response(
            request, _refusing_form(request, restriction), action_url
        )
    else:
        restriction = CollectionViewRestriction.objects.filter(
            id=view_kwargs["restriction_id"]
        ).first()
        if restriction is None:
            return None
        action_url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])
        template = getattr(
            settings, "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE", "wagtaildocs/password_required.html"
        )
        response = TemplateResponse(
            request,
            template,
            {"form": _refusing_form(request, restriction), "action_url": action_url},
        )
    response.status_code = 429
    return response


def _refusing_form(request, restriction):
    form = PasswordViewRestrictionForm(request.POST, instance=restriction)
    form._errors = ErrorDict()
    form.cleaned_data = {}
    form.add_error(None, throttling.privacy_password_lockout_message())
    return form
