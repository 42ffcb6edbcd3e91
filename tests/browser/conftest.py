"""Browser journeys: Playwright drives Debian's chromium against a live server.

The live server answers from other threads, which see committed rows only, so
each journey is a transactional test. The demo commune, built once for the
whole session, is serialised when the first journey starts and loaded again
before each one (Django's serialized rollback); pytest-django runs these tests
after the others, which never see the emptied tables.

No browser is downloaded: ``CHROMIUM`` (default ``/usr/bin/chromium``, Debian's
``chromium`` package, which ``.ci/run`` installs) is launched. Without it the
journeys are skipped with a message saying so, unless
``BROWSER_JOURNEYS_REQUIRED`` is set, as in ``.ci/run``, where they fail.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connections
from playwright.sync_api import expect

from tests.demo import DEMO_PASSWORD

from .keyboard import Keyboard

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# As the machines of the commune's network are closed to the internet, so is the
# test browser: no background requests to Google's services.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Each journey module starts with ``pytestmark = JOURNEY``.
JOURNEY = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        if os.environ.get("BROWSER_JOURNEYS_REQUIRED"):  # set by .ci/run
            pytest.fail(f"no chromium at {CHROMIUM}, and the browser journeys are required")
        pytest.skip(
            f"no chromium at {CHROMIUM}: install Debian's package (apt-get install chromium)"
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "locale": "fr-FR",
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture(scope="session", autouse=True)
def _demo_kept_between_journeys(
    django_db_setup, django_db_blocker, playwright, _django_beside_playwright
):
    """Serialise the demo commune once, for serialized rollback to reload it.

    After Playwright starts, the tests run in another context than before it, and
    Django's connections are per context: the snapshot goes on the connections
    the journeys will use, so it is taken once Playwright runs."""
    with django_db_blocker.unblock():
        for connection in connections.all():
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(scope="session", autouse=True)
def _django_beside_playwright():
    """Playwright's synchronous API keeps an event loop in the test's thread; Django
    would then take every query of the test itself for one made from async code."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def sign_in(browser, browser_context_args):
    """``sign_in("accueil", next="/fr/reception/")``: a page signed in by keyboard, in its own
    browser context (its own cookies), as a person at their own desk."""
    contexts = []

    def open_as(username, next="/fr/"):
        contexts.append(browser.new_context(**browser_context_args))
        page = contexts[-1].new_page()
        page.goto(f"/fr/accounts/login/?{urlencode({'next': next})}")
        keys = Keyboard(page)
        expect(page.locator("#id_username")).to_be_focused()  # the page opens there
        keys.type(username)
        keys.press("Tab")
        keys.type(DEMO_PASSWORD)
        typed = page.evaluate("[id_username.value, id_password.value.length]")
        with page.expect_navigation():
            keys.press("Enter")
        assert "/accounts/login/" not in page.url, (
            f"{username} could not sign in (typed {typed}): {page.locator('main').inner_text()}"
        )
        return page, keys

    yield open_as
    for context in contexts:
        context.close()
