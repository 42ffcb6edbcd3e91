"""The organisation chart: every division, its services, where they sit, on one printed page."""

from datetime import time
from html import unescape

import pytest
from django.core.exceptions import ValidationError

from intranet.organisation.colours import ColourCode
from intranet.organisation.models import (
    DivisionPage,
    OpeningHours,
    OrganisationChartPage,
    ServicePage,
)

pytestmark = pytest.mark.django_db


def french_chart():
    return OrganisationChartPage.objects.get(locale__language_code="fr")


def test_the_chart_lists_every_live_division_with_its_live_services(staff_client):
    response = staff_client.get(french_chart().url)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    for division in DivisionPage.objects.live().filter(locale__language_code="fr"):
        assert division.title in html
    for service in ServicePage.objects.live().filter(locale__language_code="fr"):
        assert service.title in html


def test_a_service_taken_offline_leaves_the_chart(staff_client):
    service = ServicePage.objects.get(slug="bureau-des-plaintes", locale__language_code="fr")
    service.unpublish()
    html = unescape(staff_client.get(french_chart().url).content.decode())
    assert service.title not in html
    assert "Bureau d'accueil et d'orientation" in html


def test_the_chart_groups_services_under_their_own_division():
    divisions = {division.slug: division for division in french_chart().divisions()}
    civil_status = [service.slug for service in divisions["division-etat-civil"].live_services]
    assert civil_status == ["service-etat-civil", "service-legalisation"]


def test_the_chart_is_built_in_a_constant_number_of_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        for division in french_chart().divisions():
            [service.title for service in division.live_services]


def test_the_chart_prints_on_one_landscape_a4_page(staff_client, settings):
    from pathlib import Path

    html = unescape(staff_client.get(french_chart().url).content.decode())
    assert 'class="org-chart"' in html
    assert "data-print" in html
    stylesheet = (Path(settings.BASE_DIR) / "static/css/intranet.css").read_text()
    assert "@page org { size: A4 landscape" in stylesheet
    assert "body.org-chart { page: org; }" in stylesheet


def test_a_service_wears_its_division_colour_unless_it_has_its_own():
    reception = ServicePage.objects.get(
        slug="bureau-accueil-orientation", locale__language_code="fr"
    )
    civil_status = ServicePage.objects.get(slug="service-etat-civil", locale__language_code="fr")
    assert reception.effective_colour == ColourCode.TEAL
    assert civil_status.effective_colour == civil_status.division.colour == ColourCode.GREEN


def test_a_service_page_shows_its_attributions_location_hours_and_staff(staff_client):
    service = ServicePage.objects.get(slug="service-etat-civil", locale__language_code="fr")
    html = unescape(staff_client.get(service.url).content.decode())
    assert "Recevoir les déclarations de naissance et de décès." in html
    assert "Siège de la commune" in html
    assert "Rez-de-chaussée" in html
    assert "Aicha Lamrini" in html
    assert "08:00 – 16:30" in html
    assert "Arrondissement Al Massira" in html
    assert "Badge vert" in html


def test_the_arabic_service_page_names_places_in_arabic(staff_client):
    service = ServicePage.objects.get(slug="service-etat-civil", locale__language_code="ar")
    html = unescape(staff_client.get(service.url).content.decode())
    assert "مقر الجماعة" in html
    assert "مقاطعة المسيرة" in html
    assert "الطابق الأرضي" in html
    assert "عائشة لمريني" in html


def test_a_division_page_lists_its_services(staff_client):
    division = DivisionPage.objects.get(slug="division-urbanisme", locale__language_code="fr")
    html = unescape(staff_client.get(division.url).content.decode())
    assert "Service des autorisations d'urbanisme (guichet unique)" in html
    assert "Service du contrôle de l'urbanisme" in html


@pytest.mark.parametrize(
    "fields, field_in_error",
    [
        ({"first_day": 4, "last_day": 0, "opens_at": time(8), "closes_at": time(16)}, "last_day"),
        ({"first_day": 0, "last_day": 4, "opens_at": time(16), "closes_at": time(8)}, "closes_at"),
    ],
)
def test_opening_hours_must_make_sense(fields, field_in_error):
    with pytest.raises(ValidationError) as error:
        OpeningHours(**fields).clean()
    assert field_in_error in error.value.message_dict


def test_a_phone_extension_with_letters_is_refused():
    service = ServicePage.objects.get(slug="service-etat-civil", locale__language_code="fr")
    service.phone_extension = "poste 12"
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "phone_extension" in error.value.message_dict
