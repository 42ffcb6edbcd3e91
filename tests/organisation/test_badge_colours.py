"""A badge colour leads a visitor to one place: no two units may wear the same one."""

import pytest
from django.core.exceptions import ValidationError

from . import factories

pytestmark = pytest.mark.django_db


def test_a_service_may_not_take_the_colour_of_another_unit():
    division = factories.division(slug="division-coloree", title="Division colorée")
    service = factories.service(factories.division(slug="autre-division"))
    service.colour = division.colour
    with pytest.raises(ValidationError) as refusal:
        service.clean()
    assert "Division colorée" in str(refusal.value.message_dict["colour"])


def test_a_unit_keeps_its_own_colour_and_its_translation_shares_it():
    division = factories.division()
    division.clean()
    translation = division.get_translation(factories.arabic()).specific
    assert translation.colour == division.colour
    translation.clean()


def test_a_service_without_its_own_colour_wears_its_division_s():
    service = factories.service(colour="")
    service.clean()
    assert service.effective_colour == service.division.colour
