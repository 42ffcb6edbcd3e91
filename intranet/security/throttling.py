"""Throttling of everything that checks a secret: sign-in, password reset, privacy passwords.

Sign-in is throttled by django-axes, which counts failures per (username, IP
address). The sign-in form accepts a username or an email address for the same
account, so both are counted under the account's username: five tries with the
username and five more with the address would otherwise give an attacker ten.

The privacy passwords that Wagtail puts on pages and document collections are
checked by Wagtail's own views, which accept any number of guesses; their
failures are counted here, per (restriction, IP address), in the cache, and
``PrivacyPasswordThrottleMiddleware`` refuses the locked ones.

The accounts section's views say why a sign-in or a password reset is refused
(``intranet.accounts.views``).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils.translation import ngettext


def account_username(request, credentials):
    """The username failures are counted under: the account's own, however it was typed."""
    login = ((credentials or {}).get("username") or "").strip()
    if "@" in login:
        matches = list(
            get_user_model()
            ._default_manager.filter(email__iexact=login)
            .values_list(get_user_model().USERNAME_FIELD, flat=True)[:2]
        )
        if len(matches) == 1:
            return matches[0]
    return login


def client_ip(request):
    """The client's address: the connection's, or the one the trusted proxy in front says.

    X-Forwarded-For is only believed when PROXY_COUNT says how many proxies
    stand in front of the application (the last ones added the right-most addresses).
    """
    proxies = settings.PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


def _count(key, period):
    """One more event under ``key`` in the cache; the count lasts ``period`` from the first."""
    timeout = int(period.total_seconds())
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


def password_reset_allowed(request):
    """At most PASSWORD_RESET_LIMIT reset requests per address per cool-off period.

    Each request sends an email: without a limit, the form can be used to flood
    a colleague's mailbox.
    """
    count = _count(f"password-reset:{client_ip(request)}", settings.AXES_COOLOFF_TIME)
    return count <= settings.PASSWORD_RESET_LIMIT


def _privacy_password_keys(request, restriction):
    key = f"privacy-password:{restriction}:{client_ip(request)}"
    return f"{key}:failures", f"{key}:locked"


def privacy_password_locked(request, restriction):
    """True while this address is refused this restriction, whatever password it gives.

    ``restriction`` names one restriction: ``"page-12"``, ``"collection-3"``.
    """
    _failures, locked = _privacy_password_keys(request, restriction)
    return cache.get(locked, False)


def privacy_password_failed(request, restriction):
    """Count a wrong password; True if it is the one that locks the restriction for this address.

    Failures are counted for PRIVACY_PASSWORD_COOLOFF_TIME from the first; the
    lock lasts as long from the failure that set it.
    """
    failures, locked = _privacy_password_keys(request, restriction)
    period = settings.PRIVACY_PASSWORD_COOLOFF_TIME
    if _count(failures, period) < settings.PRIVACY_PASSWORD_FAILURE_LIMIT:
        return False
    cache.set(locked, True, timeout=int(period.total_seconds()))
    cache.delete(failures)
    return True


def privacy_password_passed(request, restriction):
    """A right password starts the count again, as a successful sign-in does."""
    failures, _locked = _privacy_password_keys(request, restriction)
    cache.delete(failures)


def privacy_password_lockout_message():
    minutes = max(1, int(settings.PRIVACY_PASSWORD_COOLOFF_TIME.total_seconds() // 60))
    return ngettext(
        "Too many wrong passwords from this computer. Wait %(minutes)d minute and try again.",
        "Too many wrong passwords from this computer. Wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}
