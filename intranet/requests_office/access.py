"""Who reads a request, and who acts on it (law 09-08 on personal data).

The office (its role) reads every request; the staff of the service a request
is assigned to (the service's ``team``, in any language of its page) read that
request. Nobody else does, administrators included: the office's role is given
to a person, not taken with the administration's rights. A desk agent who
records a request keeps its receipt for the day, to print it again.
"""

from django.db.models import Q
from django.utils import timezone

from intranet.accounts.roles import has_role
from intranet.organisation.models import ServicePage


def is_office(user):
    return has_role(user, "requests_office")


def may_record(user):
    return user.is_authenticated and (
        is_office(user) or user.has_perm("requests_office.record_citizenrequest")
    )


def teams_services(user):
    """The translation keys of the services whose team the user is in."""
    if not user.is_authenticated:
        return set()
    return set(
        ServicePage.objects.filter(team__in=user.groups.all()).values_list(
            "translation_key", flat=True
        )
    )


def serves(user, citizen_request):
    """Whether the user is in the team of the service the request is assigned to."""
    service = citizen_request.service
    return service is not None and service.is_team_member(user)


def may_read(user, citizen_request):
    return is_office(user) or serves(user, citizen_request)


def may_print_receipt(user, citizen_request):
    """The readers, and the agent who recorded it, the same day."""
    if may_read(user, citizen_request):
        return True
    return (
        citizen_request.recorded_by_id == user.pk
        and timezone.localdate(citizen_request.recorded_at) == timezone.localdate()
    )


def readable(user, queryset):
    """The requests of ``queryset`` the user may read."""
    if is_office(user):
        return queryset
    keys = teams_services(user)
    if not keys:
        return queryset.none()
    return queryset.filter(Q(service__translation_key__in=keys))
