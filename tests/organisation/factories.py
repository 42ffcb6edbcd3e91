"""Divisions, services and the places they sit, built for one test.

They hang under the installation's organisation chart and go through the same
page tree and publishing path as the demo, in French and in Arabic. Buildings
and arrondissements are the test's own too, so that what a page shows comes
from here and not from the demo's wording.
"""

from datetime import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from intranet.core.commune_data.pages import upsert_child, upsert_translation
from intranet.organisation.colours import ColourCode
from intranet.organisation.models import (
    Arrondissement,
    Building,
    DivisionPage,
    OpeningHours,
    OrganisationChartPage,
    ServicePage,
    StaffContact,
)


def arabic():
    return Locale.objects.get(language_code="ar")


def chart(language="fr"):
    return OrganisationChartPage.objects.get(locale__language_code=language)


def free_colour():
    """A badge colour no unit wears, taken from a service if the installation wears them all.

    Each colour leads to one place (``OrganisationUnit.clean``) and the demo wears all
    ten: a service that gives its own up wears its division's, so nothing else changes.
    """
    worn = set(DivisionPage.objects.values_list("colour", flat=True))
    worn |= set(ServicePage.objects.values_list("colour", flat=True))
    for colour in ColourCode.values:
        if colour not in worn:
            return colour
    wearer = ServicePage.objects.exclude(colour="").order_by("path").first()
    if wearer is None:
        raise LookupError("every badge colour is worn by a division")
    colour = wearer.colour
    ServicePage.objects.filter(colour=colour).update(colour="")
    return colour


def building(name="Pavillon des essais", arabic_name="جناح التجارب", address="Rue des essais"):
    """A French building and its Arabic translation; pages point at the French one."""
    french = Building.objects.create(
        locale=Locale.objects.get(language_code="fr"), name=name, address=address
    )
    translation = french.copy_for_translation(arabic())
    translation.name, translation.address = arabic_name, f"{address} (ar)"
    translation.save()
    return french


def arrondissement(name="Arrondissement des essais", arabic_name="مقاطعة التجارب", number=99):
    french = Arrondissement.objects.create(
        locale=Locale.objects.get(language_code="fr"),
        name=name,
        number=number,
        address="Place des essais",
    )
    translation = french.copy_for_translation(arabic())
    translation.name = arabic_name
    translation.save()
    return french


def division(
    slug="division-des-essais",
    title="Division des essais",
    arabic_title="قسم التجارب",
    colour=None,
    **fields,
):
    """A published division with its Arabic version, wearing a colour of its own."""
    existing = DivisionPage.objects.child_of(chart()).filter(slug=slug).first()
    colour = colour or (existing.colour if existing else free_colour())
    page = upsert_child(None, chart(), DivisionPage, slug, title=title, colour=colour, **fields)
    upsert_translation(None, page, arabic(), slug=slug, title=arabic_title)
    return page


def service(
    parent=None,
    slug="service-des-essais",
    title="Service des essais",
    arabic_title="مصلحة التجارب",
    arabic_fields=None,
    members=(),
    **fields,
):
    """A published service (under a new division unless ``parent`` is given) and its
    Arabic version. ``members`` (usernames) make its team; ``arabic_fields`` override
    what the Arabic version copies from the French one (contacts, missions...)."""
    parent = parent or division()
    if members:
        team = Group.objects.create(name=f"Équipe — {title}")
        team.user_set.add(*get_user_model().objects.filter(username__in=members))
        fields["team"] = team
    page = upsert_child(None, parent, ServicePage, slug, title=title, **fields)
    upsert_translation(None, page, arabic(), slug=slug, title=arabic_title, **(arabic_fields or {}))
    return page


def weekdays(opens=time(8), closes=time(16, 30)):
    """Monday to Friday, ``opens`` to ``closes``."""
    return OpeningHours(first_day=0, last_day=4, opens_at=opens, closes_at=closes)


def contact(name, job_title="Agent", extension="321"):
    return StaffContact(name=name, job_title=job_title, phone_extension=extension)


def missions(*lines):
    """An ``attributions`` stream of one mission per line."""
    return [("mission", line) for line in lines]
