"""The intranet must work on a network with no internet: nothing loads from outside."""

import re

import pytest

from intranet.organisation.models import OrganisationChartPage

pytestmark = pytest.mark.django_db

OUTSIDE_ASSET = re.compile(r"""(?:src|href|srcset)=["'](?:https?:)?//(?!testserver)""")


@pytest.mark.parametrize(
    "username, url",
    [
        ("personnel", "/fr/"),
        ("personnel", "the Arabic organisation chart"),
        ("communication", "/admin/"),
        ("communication", "/admin/pages/"),
        ("admin", "/admin/users/"),
    ],
)
def test_pages_and_the_administration_load_nothing_from_outside(client_for, username, url):
    if url == "the Arabic organisation chart":
        url = OrganisationChartPage.objects.get(locale__language_code="ar").url
    response = client_for(username).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    stylesheets_and_scripts = [
        tag
        for tag in re.findall(r"<(?:script|link|img)\b[^>]*>", html)
        if OUTSIDE_ASSET.search(tag)
    ]
    assert stylesheets_and_scripts == []


def test_the_sign_in_page_loads_nothing_from_outside(client):
    html = client.get("/fr/accounts/login/").content.decode()
    assert not OUTSIDE_ASSET.search(html)
