"""The intranet must work on a network with no internet: nothing loads from outside."""

import re

import pytest

pytestmark = pytest.mark.django_db

OUTSIDE_ASSET = re.compile(r"""(?:src|href|srcset)=["'](?:https?:)?//(?!testserver)""")


@pytest.mark.parametrize(
    "username, url",
    [
        ("personnel", "/fr/"),
        ("personnel", "/ar/organigramme/"),
        ("communication", "/admin/"),
        ("communication", "/admin/pages/"),
        ("admin", "/admin/users/"),
    ],
)
def test_pages_and_the_administration_load_nothing_from_outside(client_for, username, url):
    html = client_for(username).get(url).content.decode()
    stylesheets_and_scripts = [
        tag
        for tag in re.findall(r"<(?:script|link|img)\b[^>]*>", html)
        if OUTSIDE_ASSET.search(tag)
    ]
    assert stylesheets_and_scripts == []


def test_the_sign_in_page_loads_nothing_from_outside(client):
    html = client.get("/fr/accounts/login/").content.decode()
    assert not OUTSIDE_ASSET.search(html)
