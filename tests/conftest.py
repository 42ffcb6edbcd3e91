"""Every test runs against the demo commune, built once per session.

``load_commune`` of its folder goes through the same models and publishing path
as real content, so the tests also prove that the folder loads into a fresh
database.
Each test runs in a transaction rolled back at its end.
"""

import pytest
from django.core.management import call_command
from django.test import Client

from tests.demo import COMMUNE, DEMO_PASSWORD


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The browser journeys (tests/browser) run last of all.

    Each empties the database when it ends (the demo is reloaded before the next
    journey only), and Playwright leaves an event loop in the test thread for the
    rest of the session: any test after them would find no demo, and Django's
    async-safety check switched off.
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_commune", str(COMMUNE), verbosity=0)


@pytest.fixture(autouse=True)
def forget_language_data():
    """The visitors' words are kept in the cache, which a rolled-back test does not
    empty: each test reads them from its own database."""
    from search import lexicon

    lexicon.forget()
    yield
    lexicon.forget()


@pytest.fixture
def client_for(db):
    """A client signed in as one of the demo accounts: ``client_for("juriste")``."""

    def sign_in(username):
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD)
        return client

    return sign_in


@pytest.fixture
def staff_client(client_for):
    return client_for("personnel")
