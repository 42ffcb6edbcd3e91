"""The office, the services that answer and the requests, built for one test.

The office agent and the services' staff are the test's own accounts; the
services hang under a division of the test's own (``tests.organisation``).
"""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from intranet.requests_office import handling
from tests.organisation import factories as organisation
from tests.training.factories import PersonFactory

PASSWORD = "Tamda-Ouzoud-1990"


def person(username, role="staff"):
    account = PersonFactory(username=username, role=role)
    account.set_password(PASSWORD)
    account.save()
    return account


def office_agent(username="bureau-agent"):
    return person(username, role="requests_office")


def service_with_staff(
    slug="service-voirie-essais",
    title="Service de la voirie (essais)",
    arabic_title="مصلحة الطرق (تجارب)",
    member="agent-voirie",
    division=None,
):
    """A service with one member of staff in its team: ``(service, member)``."""
    member_account = person(member)
    service = organisation.service(
        parent=division,
        slug=slug,
        title=title,
        arabic_title=arabic_title,
        members=[member_account.username],
        email=f"{slug}@commune.test",
    )
    return service, member_account


def signed_in(account):
    client = Client()
    client.force_login(account)
    return client


def complaint(**fields):
    """A complaint about a water leak, received at the desk today unless told otherwise."""
    values = {
        "kind": "complaint",
        "channel": "desk",
        "citizen_name": "Youssef Ait Lahcen",
        "national_id": "I123456",
        "phone": "0661 23 45 67",
        "email": "youssef.aitlahcen@example.ma",
        "postal_address": "12, rue Oum Errabia, Beni Mellal",
        "gender": "man",
        "subject": "Fuite d'eau devant le n° 12",
        "text": "Une fuite d'eau coule depuis trois semaines devant chez moi.",
        "recorded_by": None,
        **fields,
    }
    return handling.receive(**values)


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)
