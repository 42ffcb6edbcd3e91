import pytest


@pytest.fixture(autouse=True)
def empty_office(db):
    """Each test starts from an office that holds only the requests it builds (the demo's
    year of requests would answer reminders, erasures and lists in its place)."""
    from intranet.requests_office.models import CitizenRequest

    CitizenRequest.objects.all().delete()
