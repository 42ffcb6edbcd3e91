from django.utils.functional import SimpleLazyObject

from . import access


def requests_link(request):
    """Whether the header shows the way to the requests: to the office, and to the staff
    of a service (who see their service's requests there)."""
    user = getattr(request, "user", None)

    def shown():
        if user is None or not user.is_authenticated:
            return False
        return access.is_office(user) or bool(access.teams_services(user))

    return {"requests_office_link": SimpleLazyObject(shown)}
