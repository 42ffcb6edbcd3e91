"""The organisation chart: every division, its services, where they sit, on one printed page."""

from datetime import time
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from intranet.organisation.models import DivisionPage, OpeningHours, ServicePage

from . import factories
from .factories import chart as french_chart

pytestmark = pytest.mark.django_db


def shown(client, page):
    return unescape(client.get(page.url).content.decode())


def test_the_chart_lists_every_live_division_with_its_live_services(staff_client):
    division = factories.division(title="Division des essais")
    factories.service(division, title="Service des essais")
    response = staff_client.get(french_chart().url)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Division des essais" in html and "Service des essais" in html
    for division in DivisionPage.objects.live().filter(locale__language_code="fr"):
        assert division.title in html
    for service in ServicePage.objects.live().filter(locale__language_code="fr"):
        assert service.title in html


def test_a_service_taken_offline_leaves_the_chart(staff_client):
    division = factories.division()
    closed = factories.service(division, slug="bureau-ferme", title="Bureau fermé")
    factories.service(division, slug="bureau-ouvert", title="Bureau resté ouvert")
    closed.unpublish()
    html = unescape(staff_client.get(french_chart().url).content.decode())
    assert "Bureau fermé" not in html
    assert "Bureau resté ouvert" in html


def test_the_chart_groups_services_under_their_own_division():
    first = factories.division(slug="premiere-division", title="Première division")
    second = factories.division(slug="seconde-division", title="Seconde division")
    factories.service(first, slug="service-a")
    factories.service(second, slug="service-b")
    factories.service(first, slug="service-c")
    divisions = {division.slug: division for division in french_chart().divisions()}
    assert [service.slug for service in divisions["premiere-division"].live_services] == [
        "service-a",
        "service-c",
    ]
    assert [service.slug for service in divisions["seconde-division"].live_services] == [
        "service-b"
    ]


def test_the_chart_is_built_in_a_constant_number_of_queries(django_assert_max_num_queries):
    division = factories.division()
    for number in range(3):
        factories.service(division, slug=f"service-{number}")
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
    division = factories.division(colour=factories.free_colour())
    own = factories.free_colour()
    distinct = factories.service(division, slug="service-distinct", colour=own)
    plain = factories.service(division, slug="service-ordinaire")
    assert distinct.effective_colour == own != division.colour
    assert plain.effective_colour == division.colour


def a_service_with_everything():
    """A service with its missions, place, hours, arrondissement and a contact, in both
    languages (the places are French snippets, shown in the reader's language)."""
    return factories.service(
        factories.division(),
        attributions=factories.missions("Recevoir les déclarations de test."),
        building=factories.building(name="Pavillon des essais", arabic_name="جناح التجارب"),
        floor=0,
        office="7",
        opening_hours=[factories.weekdays(opens=time(8), closes=time(16, 30))],
        arrondissements=[
            factories.arrondissement(name="Arrondissement des essais", arabic_name="مقاطعة التجارب")
        ],
        staff_contacts=[factories.contact("Nadia Testeuse")],
        arabic_fields={
            "attributions": factories.missions("تلقي تصريحات الاختبار."),
            "staff_contacts": [factories.contact("نادية المختبرة")],
        },
    )


def test_a_service_page_shows_its_attributions_location_hours_and_staff(staff_client):
    service = a_service_with_everything()
    html = shown(staff_client, service)
    assert "Recevoir les déclarations de test." in html
    assert "Pavillon des essais" in html
    assert "Rez-de-chaussée" in html
    assert "Nadia Testeuse" in html
    assert "08:00 – 16:30" in html
    assert "Arrondissement des essais" in html
    with translation.override("fr"):
        assert f"Badge {service.colour_label}" in html


def test_the_arabic_service_page_names_places_in_arabic(staff_client):
    service = a_service_with_everything().get_translation(factories.arabic())
    html = shown(staff_client, service)
    assert "جناح التجارب" in html
    assert "مقاطعة التجارب" in html
    assert "الطابق الأرضي" in html
    assert "نادية المختبرة" in html
    assert "Pavillon des essais" not in html


def test_a_division_page_lists_its_services(staff_client):
    division = factories.division()
    factories.service(division, slug="service-un", title="Service numéro un")
    factories.service(division, slug="service-deux", title="Service numéro deux")
    html = shown(staff_client, division)
    assert "Service numéro un" in html
    assert "Service numéro deux" in html


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
    service = factories.service()
    service.phone_extension = "poste 12"
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "phone_extension" in error.value.message_dict
