"""A page's version in the reader's language, as Wagtail finds it, with fewer queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from intranet.core import locales
from intranet.organisation.models import Arrondissement, ServicePage
from procedures_manual.models import ProcedureIndexPage

pytestmark = pytest.mark.django_db


def french_services():
    return list(ServicePage.objects.filter(locale__language_code="fr"))


def test_a_service_read_in_arabic_is_its_arabic_translation_and_in_french_itself():
    service = french_services()[0]
    with translation.override("ar"):
        arabic = service.localized
    assert arabic.locale.language_code == "ar"
    assert arabic.translation_key == service.translation_key
    with translation.override("fr"):
        assert service.localized == service


def test_a_translation_still_in_draft_is_not_shown():
    service = french_services()[0]
    arabic = service.get_translation(Locale.objects.get(language_code="ar"))
    arabic.unpublish()
    with translation.override("ar"):
        assert service.localized == service
        assert service.localized_draft == arabic


def test_a_list_is_localized_as_each_page_would_be_and_in_one_query():
    services = french_services()
    locales.locale_for("ar")  # the locales are read once per process
    with translation.override("ar"):
        expected = {service.pk: service.localized for service in services}
        with CaptureQueriesContext(connection) as queries:
            found = locales.localized_all(services)
    assert found == expected
    assert len(queries) == 1


def test_snippets_are_localized_the_same_way():
    arrondissement = Arrondissement.objects.filter(locale__language_code="fr").first()
    with translation.override("ar"):
        assert arrondissement.localized.locale.language_code == "ar"


def test_the_locales_kept_are_forgotten_when_one_changes():
    assert locales.locale_for("ar").language_code == "ar"
    assert "ar" in locales._locales
    Locale.objects.get(language_code="ar").save()
    assert locales._locales == {}


def test_the_arabic_manual_names_each_procedures_service_in_arabic(staff_client):
    manual = ProcedureIndexPage.objects.get(locale__language_code="ar")
    html = staff_client.get(manual.url).content.decode()
    arabic_services = ServicePage.objects.filter(locale__language_code="ar")
    french_services_ = ServicePage.objects.filter(locale__language_code="fr")
    assert any(service.title in html for service in arabic_services)
    assert not any(f">{service.title}" in html for service in french_services_)
