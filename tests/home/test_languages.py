"""French is the default, Arabic its equal: right to left, and every string translated."""

import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.conf import settings

from intranet.organisation.models import OrganisationChartPage
from tests.organisation import factories as organisation

pytestmark = pytest.mark.django_db


def test_the_intranet_opens_in_french_by_default(staff_client):
    response = staff_client.get("/", follow=True)
    assert response.redirect_chain[0][0] == "/fr/"
    assert '<html lang="fr" dir="ltr">' in response.content.decode()


def test_an_arabic_page_is_laid_out_right_to_left(staff_client):
    chart = OrganisationChartPage.objects.get(locale__language_code="ar")
    html = unescape(staff_client.get(chart.url).content.decode())
    assert chart.url.startswith("/ar/")
    assert '<html lang="ar" dir="rtl">' in html
    assert chart.title in html
    assert "تسجيل الخروج" in html  # the interface too, not only the content


def test_the_sign_in_page_exists_in_both_languages(client):
    assert "Connexion à l'intranet" in unescape(client.get("/fr/accounts/login/").content.decode())
    arabic = unescape(client.get("/ar/accounts/login/").content.decode())
    assert 'dir="rtl"' in arabic
    assert "الدخول إلى الشبكة الداخلية" in arabic


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(staff_client):
    french = organisation.service()
    arabic = french.get_translation(organisation.arabic())
    html = unescape(staff_client.get(french.url).content.decode())
    assert f'href="{arabic.url}" lang="ar"' in html


def test_the_language_switch_falls_back_to_the_home_page_of_an_untranslated_page(staff_client):
    french = organisation.service()
    french.get_translation(organisation.arabic()).unpublish()
    html = unescape(staff_client.get(french.url).content.decode())
    assert 'href="/ar/" lang="ar"' in html


def test_the_stylesheet_uses_logical_properties_only():
    stylesheet = (Path(settings.BASE_DIR) / "static/css/intranet.css").read_text()
    stylesheet = re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.DOTALL)  # comments may name them
    for physical in (
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
    ):
        assert physical not in stylesheet, physical


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_interface_catalogue_is_complete(language):
    catalogue = polib.pofile(Path(settings.BASE_DIR) / f"locale/{language}/LC_MESSAGES/django.po")
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_compiled_catalogue_matches_its_source(language):
    folder = Path(settings.BASE_DIR) / f"locale/{language}/LC_MESSAGES"
    source = {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(folder / "django.po")
        if entry.msgstr and not entry.obsolete
    }
    compiled = {
        entry.msgid: entry.msgstr for entry in polib.mofile(folder / "django.mo") if entry.msgstr
    }
    assert compiled == source
