"""A badge colour leads a visitor to one place: no two units may wear the same one."""

import pytest
from django.core.exceptions import ValidationError

from intranet.organisation.models import DivisionPage, ServicePage

pytestmark = pytest.mark.django_db


def french(model, **filters):
    return model.objects.filter(locale__language_code="fr", **filters)


def test_a_service_may_not_take_the_colour_of_another_unit():
    division = french(DivisionPage).exclude(colour="").first()
    service = french(ServicePage).exclude(pk__in=[division.pk]).first()
    service.colour = division.colour
    with pytest.raises(ValidationError) as refusal:
        service.clean()
    assert division.title in str(refusal.value.message_dict["colour"])


def test_a_unit_keeps_its_own_colour_and_its_translation_shares_it():
    division = french(DivisionPage).exclude(colour="").first()
    division.clean()
    translation = DivisionPage.objects.get(
        translation_key=division.translation_key, locale__language_code="ar"
    )
    assert translation.colour == division.colour
    translation.clean()


def test_a_service_without_its_own_colour_wears_its_division_s():
    service = french(ServicePage, colour="").first()
    service.clean()
    assert service.effective_colour == service.division.colour
