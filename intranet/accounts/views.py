"""The accounts' own views around Django's: a sign-in refused for now, a throttled password
reset (the counting is ``intranet.security.throttling``'s)."""

from django.conf import settings
from django.contrib.auth.views import PasswordResetView
from django.forms.utils import ErrorDict
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from intranet.security.throttling import password_reset_allowed

from .forms import SignInForm


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed sign-in attempts for this account from this computer. "
        "Wait %(minutes)d minute and try again, or ask the intranet administrator to unlock it.",
        "Too many failed sign-in attempts for this account from this computer. "
        "Wait %(minutes)d minutes and try again, or ask the intranet administrator to unlock it.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page again, saying why the right password is refused for now (HTTP 429)."""
    form = SignInForm(request, data=request.POST or None)
    # Not validated: cleaning the form would try to authenticate once more.
    form._errors = ErrorDict()
    form.cleaned_data = {}
    form.add_error(None, lockout_message())
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    return render(
        request,
        "accounts/login.html",
        {"form": form, "next": next_url, "locked_out": True},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class ThrottledPasswordResetView(PasswordResetView):
    """Django's password reset, refusing to send more than a few emails per computer."""

    def form_valid(self, form):
        if not password_reset_allowed(self.request):
            form.add_error(
                None, _("Too many password reset requests from this computer. Try again later.")
            )
            return self.form_invalid(form)
        return super().form_valid(form)
