import pytest


@pytest.fixture(autouse=True)
def empty_office(db):
    """Each test starts from an office that holds only what it builds (the demo's year
    of requests and petitions would answer reminders, erasures and lists in its place)."""
    from intranet.requests_office.models import BoxOpening, CitizenRequest, Petition

    CitizenRequest.objects.all().delete()
    Petition.objects.all().delete()
    BoxOpening.objects.all().delete()
