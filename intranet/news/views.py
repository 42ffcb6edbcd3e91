"""The page where each member of staff finds, copies or renews their feed address."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .models import FeedToken


@require_http_methods(["GET", "POST"])
def feed_address(request):
    token = FeedToken.objects.filter(user=request.user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "revoke":
            FeedToken.objects.filter(user=request.user).delete()
            messages.success(request, _("Your feed address is revoked: it no longer works."))
        else:
            renewed = token is not None
            FeedToken.issue(request.user)
            messages.success(
                request,
                _("Your new feed address is ready; the previous one no longer works.")
                if renewed
                else _("Your feed address is ready."),
            )
        return redirect("news_feed_address")
    feed_url = None
    if token:
        feed_url = request.build_absolute_uri(reverse("news_feed_with_token", args=[token.key]))
    return TemplateResponse(
        request, "news/feed_address.html", {"token": token, "feed_url": feed_url}
    )
