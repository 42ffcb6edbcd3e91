from django.template.loader import render_to_string
from wagtail import hooks

from . import referrals


@hooks.register("service_panels")
def incoming_referrals(request, service):
    """On a service's page, for its own staff: the visitors the desk sent them."""
    if not service.is_team_member(request.user):
        return None
    return render_to_string(
        "reception/includes/service_referrals.html",
        {"service": service, "referrals": referrals.incoming(service)[:30]},
        request=request,
    )
