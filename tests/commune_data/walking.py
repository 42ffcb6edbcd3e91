"""Every page of a commune loaded into an empty database answers, in both languages.

Not collected by the suite's own run: ``test_communes.py`` runs it in a fresh
database holding another commune than Beni Mellal (``INTRANET_TEST_COMMUNE``),
and checks that no page names Beni Mellal: nothing in the code may assume it.
"""

import os
from html import unescape

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

OTHER_COMMUNE = ("Beni Mellal", "بني ملال", "benimellal", "beni-mellal")


def pages():
    return Page.objects.live().filter(depth__gte=2).specific().order_by("path")


def test_every_live_page_answers_and_names_only_its_own_commune(client_for):
    client = client_for(os.environ.get("INTRANET_TEST_WALKER", "admin"))
    walked = 0
    for page in pages():
        url = page.get_url()
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        html = unescape(response.content.decode())
        for name in OTHER_COMMUNE:
            assert name not in html, f"{url} names {name}"
        walked += 1
    assert walked >= 10


def test_the_commune_of_the_data_is_named_in_both_languages(client_for):
    from intranet.core.models import current_commune

    commune = current_commune()
    client = client_for(os.environ.get("INTRANET_TEST_WALKER", "admin"))
    assert commune.formal_name_fr in unescape(client.get("/fr/").content.decode())
    assert commune.formal_name_ar in unescape(client.get("/ar/").content.decode())


def test_search_and_every_printed_fiche_answer(client_for):
    from procedures_manual.models import ProcedurePage

    client = client_for(os.environ.get("INTRANET_TEST_WALKER", "admin"))
    for language in ("fr", "ar"):
        assert client.get(f"/{language}/search/?q=acte").status_code == 200
    procedures = ProcedurePage.objects.live()
    assert procedures.exists()
    for procedure in procedures:
        response = client.get(procedure.get_url() + "fiche/")
        html = unescape(response.content.decode())
        assert response.status_code == 200
        assert not any(name in html for name in OTHER_COMMUNE), procedure.get_url()
