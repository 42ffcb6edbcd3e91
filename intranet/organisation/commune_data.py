"""The organisation as data: where the commune receives the public (``buildings``,
``arrondissements``, ``annexes`` in commune.yaml) and its organisation chart
(``organisation_chart`` and ``divisions`` with their services, in organisation.yaml).

Loading creates or updates by stable key (a building's key, an arrondissement's
number, an annex's key, a division's or service's slug), in French and Arabic, and
never deletes: a building, division or service absent from the folder stays as it
is, since removing one is an admin act. Likewise a service's team only gains the
accounts the file names. A service the file places under another division than
the intranet does is moved there, so that a reorganisation is one edit of the file.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.blocks import StreamValue
from wagtail.models import Locale

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s
from intranet.core.commune_data.pages import upsert_child, upsert_snippet, upsert_translation

from .colours import ColourCode
from .models import (
    Arrondissement,
    Building,
    DivisionPage,
    Floor,
    OpeningHours,
    OrganisationChartPage,
    ServicePage,
    StaffContact,
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TEAM_NAME = "Équipe — {service}"

# -- commune.yaml: buildings, arrondissements, annexes ---------------------------------

PLACE = {
    "name": s.bilingual(),
    "address": s.bilingual(),
    "phone": s.TEXT,
    "head": s.optional_bilingual(),
}
BUILDINGS = s.records(
    s.record(
        {"key": s.SLUG, "name": s.bilingual(), "address": s.bilingual()},
        required=("key", "name", "address"),
    ),
    description="Buildings where services sit; services name them by key.",
)
ARRONDISSEMENTS = s.records(
    s.record(
        {"number": {"type": "integer", "minimum": 1}, **PLACE},
        required=("number", "name", "address"),
    ),
    description="The commune's arrondissements, by number (none in a small commune).",
)
ANNEXES = s.records(
    s.record(
        {"key": s.SLUG, "number": {"type": "integer", "minimum": 1}, **PLACE},
        required=("key", "name", "address"),
    ),
    description="Administrative annexes, by key.",
)


def place_key(place):
    """Buildings and annexes have no key field: the slug of their French name serves.

    A folder may choose another key; the building is then found again by its
    French name, and the next export writes the slug form.
    """
    french = place.get_translation_or_none(Locale.objects.get(language_code="fr")) or place
    return slugify(french.name)


def _find_place(queryset, key, french_name):
    by_name = queryset.filter(name=french_name).first() if french_name else None
    return next((place for place in queryset if slugify(place.name) == key), None) or by_name


def _found_in_this_load(loading, kind):
    """Keys chosen by the folder, which may differ from ``place_key`` until the next export."""
    return loading.__dict__.setdefault(f"organisation_{kind}", {})


def declare_buildings(value, checking):
    for index, building in enumerate(value):
        checking.offer_unique("building", building["key"], record=index, field="key")


def load_buildings(value, loading):
    found = _found_in_this_load(loading, "buildings")
    for item in value:
        name = item["name"]
        buildings = Building.objects.filter(locale=loading.french)
        existing = _find_place(buildings, item["key"], name["fr"])
        found[item["key"]] = upsert_snippet(
            loading,
            Building,
            {"pk": existing.pk} if existing else {"name": name["fr"]},
            {"name": name["fr"], "address": item["address"]["fr"]},
            {"name": name["ar"], "address": item["address"]["ar"]},
        )


def export_buildings(exporting):
    buildings = [
        _place_data(building, {"key": place_key(building)})
        for building in Building.objects.filter(locale__language_code="fr")
    ]
    return sorted(buildings, key=lambda item: item["key"]) or None


def declare_arrondissements(value, checking):
    for index, arrondissement in enumerate(value):
        checking.offer_unique(
            "arrondissement", arrondissement["number"], record=index, field="number"
        )


def load_arrondissements(value, loading):
    for item in value:
        upsert_snippet(
            loading,
            Arrondissement,
            {"kind": Arrondissement.Kind.ARRONDISSEMENT, "number": item["number"]},
            *_place_fields(item),
        )


def export_arrondissements(exporting):
    arrondissements = Arrondissement.objects.filter(
        locale__language_code="fr", kind=Arrondissement.Kind.ARRONDISSEMENT
    ).order_by("number")
    return [
        _place_data(arrondissement, {"number": arrondissement.number})
        for arrondissement in arrondissements
    ] or None


def declare_annexes(value, checking):
    for index, annex in enumerate(value):
        checking.offer_unique("annex", annex["key"], record=index, field="key")


def load_annexes(value, loading):
    found = _found_in_this_load(loading, "annexes")
    annexes = Arrondissement.objects.filter(locale=loading.french, kind=Arrondissement.Kind.ANNEX)
    for item in value:
        french, arabic = _place_fields(item)
        existing = _find_place(annexes, item["key"], french["name"])
        found[item["key"]] = upsert_snippet(
            loading,
            Arrondissement,
            {"pk": existing.pk}
            if existing
            else {"kind": Arrondissement.Kind.ANNEX, "name": french["name"]},
            {**french, "number": item.get("number")},
            {**arabic, "number": item.get("number")},
        )


def export_annexes(exporting):
    annexes = []
    for annex in Arrondissement.objects.filter(
        locale__language_code="fr", kind=Arrondissement.Kind.ANNEX
    ):
        fields = {"key": place_key(annex)}
        if annex.number is not None:
            fields["number"] = annex.number
        annexes.append(_place_data(annex, fields))
    return sorted(annexes, key=lambda item: (item.get("number") or 0, item["key"])) or None


def _place_fields(item):
    """French and Arabic fields of an arrondissement or an annex."""
    head = item.get("head", {})
    common = {"phone": item.get("phone", "")}
    return (
        {"name": item["name"]["fr"], "address": item["address"]["fr"], **common}
        | {"head_name": head.get("fr", "")},
        {"name": item["name"]["ar"], "address": item["address"]["ar"], **common}
        | {"head_name": head.get("ar", "")},
    )


def _place_data(place, keys):
    arabic = place.get_translation_or_none(Locale.objects.get(language_code="ar")) or place
    value = {
        **keys,
        "name": {"fr": place.name, "ar": arabic.name},
        "address": {"fr": place.address, "ar": arabic.address},
    }
    if getattr(place, "phone", ""):
        value["phone"] = place.phone
    if getattr(place, "head_name", "") or getattr(arabic, "head_name", ""):
        value["head"] = {"fr": place.head_name, "ar": arabic.head_name}
    return value


# -- organisation.yaml: the chart, its divisions and their services ---------------------

HEAD = s.record({"name": s.optional_bilingual(), "title": s.optional_bilingual()})
UNIT = {
    "slug": s.SLUG,
    "title": s.bilingual(),
    "acronym": s.TEXT,
    "colour": s.choice(
        ColourCode.values,
        "Badge colour: the visitor's badge and the signs to this unit; one unit per colour.",
    ),
    "head": HEAD,
    "attributions": s.records(s.bilingual(), "Missions, one per line, in both languages."),
    "building": {**s.SLUG, "description": "Key of a building of commune.yaml."},
    "floor": s.choice(Floor.values, "0 for the ground floor, -1 for the basement."),
    "office": s.TEXT,
    "extension": s.TEXT,
    "email": s.TEXT,
}
OPENING_HOURS = s.record(
    {
        "from": s.choice(WEEKDAYS),
        "to": s.choice(WEEKDAYS, "Last day; the first day when omitted."),
        "opens": s.TIME,
        "closes": s.TIME,
    },
    required=("from", "opens", "closes"),
)
CONTACT = s.record(
    {
        "name": s.bilingual(),
        "job_title": s.bilingual(),
        "extension": s.TEXT,
        "email": s.TEXT,
    },
    required=("name", "job_title"),
)
SERVICE = s.record(
    {
        **UNIT,
        "colour": {
            **UNIT["colour"],
            "description": "Own badge colour; the division's when omitted.",
        },
        "open_to_public": {"type": "boolean"},
        "opening_hours": s.records(OPENING_HOURS),
        "arrondissements": s.records(
            {"type": "integer", "minimum": 1}, "Numbers of the arrondissements also offering it."
        ),
        "annexes": s.records(s.SLUG, "Keys of the annexes also offering it."),
        "team": s.records(
            s.NON_EMPTY_TEXT,
            "Usernames of its staff, who see the visitors the reception desk sends them.",
        ),
        "contacts": s.records(CONTACT, "People of the service colleagues can call."),
    },
    required=("slug", "title"),
)
DIVISIONS = s.records(
    s.record({**UNIT, "services": s.records(SERVICE)}, required=("slug", "title", "colour")),
    description="Divisions in chart order, each with its services.",
)


def _chart():
    return data.french_section_page(OrganisationChartPage)


def declare_divisions(value, checking):
    for index, division in enumerate(value):
        _declare_unit(checking, index, division, "division", "")
        for number, service in enumerate(division.get("services", [])):
            _declare_unit(checking, index, service, "service", f"services #{number + 1}.")


def _declare_unit(checking, index, unit, kind, prefix):
    checking.offer(kind, unit["slug"], record=index, field=f"{prefix}slug")
    checking.offer_unique("unit", unit["slug"], record=index, field=f"{prefix}slug", what="slug")
    if unit.get("colour"):
        checking.offer_unique("badge colour", unit["colour"], record=index, field=f"{prefix}colour")


def check_divisions(value, checking):
    if not checking.catalogue.keys("organisation chart") and _chart() is None:
        checking.problem("no organisation_chart in the folder or the intranet to hold them")
    for index, division in enumerate(value):
        _check_unit(checking, index, division, "")
        for number, service in enumerate(division.get("services", [])):
            prefix = f"services #{number + 1}."
            _check_unit(checking, index, service, prefix)
            for slot, hours in enumerate(service.get("opening_hours", [])):
                field = f"{prefix}opening_hours #{slot + 1}"
                first, last = hours["from"], hours.get("to", hours["from"])
                if WEEKDAYS.index(last) < WEEKDAYS.index(first):
                    checking.problem(f"{last} comes before {first}", index, f"{field}.to")
                if hours["closes"] <= hours["opens"]:
                    checking.problem(
                        f"closes at {hours['closes']}, not after it opens at {hours['opens']}",
                        index,
                        f"{field}.closes",
                    )
            for number_ in service.get("arrondissements", []):
                checking.require("arrondissement", number_, index, f"{prefix}arrondissements")
            for key in service.get("annexes", []):
                checking.require("annex", key, index, f"{prefix}annexes")
            for username in service.get("team", []):
                checking.require("account", username, index, f"{prefix}team")


def _check_unit(checking, index, unit, prefix):
    checking.require("building", unit.get("building"), index, f"{prefix}building")
    colour = unit.get("colour")
    holder = colour and _colour_worn_outside_the_folder(colour, checking)
    if holder:
        checking.problem(
            f"badge colour «{colour}» is already worn by «{holder.title}» ({holder.slug}), "
            "which the folder does not give another colour",
            index,
            f"{prefix}colour",
        )


def _colour_worn_outside_the_folder(colour, checking):
    """A unit of the intranet, absent from the folder or given another colour there,
    that wears ``colour``: loading would give one colour to two places."""
    slugs = set(checking.catalogue.keys("unit"))
    for model in (DivisionPage, ServicePage):
        for unit in _french(model, colour=colour):
            if unit.slug not in slugs:
                return unit
    return None


def load_divisions(value, loading):
    chart = _chart()
    buildings = _found_in_this_load(loading, "buildings")
    annexes = _found_in_this_load(loading, "annexes")
    places = Places(buildings, annexes)
    for item in value:
        division = upsert_child(
            loading, chart, DivisionPage, item["slug"], **_unit_fields(item, "fr", places)
        )
        upsert_translation(
            loading,
            division,
            loading.arabic,
            slug=item["slug"],
            **_unit_fields(item, "ar", places),
        )
        for service_item in item.get("services", []):
            _load_service(loading, chart, division, service_item, places)


def _load_service(loading, chart, division, item, places):
    elsewhere = (
        ServicePage.objects.descendant_of(chart)
        .not_child_of(division)
        .filter(slug=item["slug"])
        .first()
    )
    if elsewhere is not None:
        _move(elsewhere, division)
        loading.counted(ServicePage._meta.verbose_name, "moved")
    team = {}
    if "team" in item:
        existing = ServicePage.objects.child_of(division).filter(slug=item["slug"]).first()
        team["team"] = _team(existing, item)
    service = upsert_child(
        loading,
        division,
        ServicePage,
        item["slug"],
        **_unit_fields(item, "fr", places),
        **_service_fields(item, "fr", places, loading),
        **team,
    )
    upsert_translation(
        loading,
        service,
        loading.arabic,
        slug=item["slug"],
        **_unit_fields(item, "ar", places),
        **_service_fields(item, "ar", places, loading),
        **team,
    )


def _move(service, division):
    """Move a service, and its Arabic version, under the division the file names."""
    arabic = Locale.objects.get(language_code="ar")
    translation = service.get_translation_or_none(arabic)
    service.move(division, pos="last-child")
    arabic_division = division.get_translation_or_none(arabic)
    if translation is not None and arabic_division is not None:
        translation.move(arabic_division, pos="last-child")


def _team(service, item):
    """The service's team, made the first time, with the accounts the file names added."""
    if service is not None and service.team_id:
        team = service.team
    else:
        name = TEAM_NAME.format(service=item["title"]["fr"])[:150]
        team = Group.objects.get_or_create(name=name)[0]
    team.user_set.add(*get_user_model().objects.filter(username__in=item["team"]))
    return team


class Places:
    """Buildings and annexes by the keys of this folder, or of the intranet."""

    def __init__(self, buildings, annexes):
        self.buildings, self.annexes = buildings, annexes

    def building(self, key):
        if not key:
            return None
        if key not in self.buildings:
            french = Building.objects.filter(locale__language_code="fr")
            self.buildings[key] = _find_place(french, key, None)
        return self.buildings[key]

    def annex(self, key):
        if key not in self.annexes:
            french = Arrondissement.objects.filter(
                locale__language_code="fr", kind=Arrondissement.Kind.ANNEX
            )
            self.annexes[key] = _find_place(french, key, None)
        return self.annexes[key]


def _unit_fields(item, language, places):
    head = item.get("head", {})
    block = DivisionPage._meta.get_field("attributions").stream_block
    fields = {
        "title": item["title"][language],
        "acronym": item.get("acronym", ""),
        "head_name": head.get("name", {}).get(language, ""),
        "head_title": head.get("title", {}).get(language, ""),
        "attributions": StreamValue(
            block, [("mission", mission[language]) for mission in item.get("attributions", [])]
        ),
        "building": places.building(item.get("building")),
        "floor": item.get("floor"),
        "office": item.get("office", ""),
        "phone_extension": item.get("extension", ""),
        "email": item.get("email", ""),
        "colour": item.get("colour", ""),
    }
    return fields


def _service_fields(item, language, places, loading):
    """A service's own fields, new inline objects for each language's page."""
    offered_in = [
        *Arrondissement.objects.filter(
            locale__language_code="fr",
            kind=Arrondissement.Kind.ARRONDISSEMENT,
            number__in=item.get("arrondissements", []),
        ),
        *(places.annex(key) for key in item.get("annexes", [])),
    ]
    return {
        "open_to_public": item.get("open_to_public", True),
        "opening_hours": [
            OpeningHours(
                first_day=WEEKDAYS.index(hours["from"]),
                last_day=WEEKDAYS.index(hours.get("to", hours["from"])),
                opens_at=loading.time(hours["opens"]),
                closes_at=loading.time(hours["closes"]),
            )
            for hours in item.get("opening_hours", [])
        ],
        # In the order the page's own manager gives them, so that an unchanged
        # list compares equal and loading again publishes nothing.
        "arrondissements": list(
            Arrondissement.objects.filter(pk__in=[place.pk for place in offered_in])
        ),
        "staff_contacts": [
            StaffContact(
                name=contact["name"][language],
                job_title=contact["job_title"][language],
                phone_extension=contact.get("extension", ""),
                email=contact.get("email", ""),
            )
            for contact in item.get("contacts", [])
        ],
    }


def export_divisions(exporting):
    chart = _chart()
    if chart is None:
        return None
    divisions = []
    for division in DivisionPage.objects.child_of(chart).live().order_by("path"):
        value = _unit_data(division, exporting)
        services = ServicePage.objects.child_of(division).live().order_by("path")
        if services:
            value["services"] = [_service_data(service, exporting) for service in services]
        divisions.append(value)
    return divisions or None


def _unit_data(page, exporting):
    arabic = data.arabic_translation(page) or page
    value = {"slug": page.slug, "title": {"fr": page.title, "ar": arabic.title}}
    if page.acronym:
        value["acronym"] = page.acronym
    if page.colour:
        value["colour"] = page.colour
    if isinstance(page, ServicePage):
        value["open_to_public"] = page.open_to_public
    head = {}
    for name in ("name", "title"):
        french, translated = getattr(page, f"head_{name}"), getattr(arabic, f"head_{name}")
        if french or translated:
            head[name] = {"fr": french, "ar": translated}
    if head:
        value["head"] = head
    if page.attributions:
        value["attributions"] = _side_by_side(page.missions, arabic.missions)
    if page.building_id:
        value["building"] = place_key(page.building)
    if page.floor is not None:
        value["floor"] = page.floor
    for name, field in (("office", "office"), ("extension", "phone_extension"), ("email", "email")):
        if getattr(page, field):
            value[name] = getattr(page, field)
    return value


def _service_data(service, exporting):
    value = _unit_data(service, exporting)
    hours = []
    for slot in service.opening_hours.all():
        entry = {"from": WEEKDAYS[slot.first_day]}
        if slot.last_day != slot.first_day:
            entry["to"] = WEEKDAYS[slot.last_day]
        entry["opens"] = exporting.time(slot.opens_at)
        entry["closes"] = exporting.time(slot.closes_at)
        hours.append(entry)
    if hours:
        value["opening_hours"] = hours
    french = Locale.objects.get(language_code="fr")
    places = [
        place.get_translation_or_none(french) or place for place in service.arrondissements.all()
    ]
    numbers = sorted(place.number for place in places if place.kind == place.Kind.ARRONDISSEMENT)
    annexes = sorted(place_key(place) for place in places if place.kind == place.Kind.ANNEX)
    if numbers:
        value["arrondissements"] = numbers
    if annexes:
        value["annexes"] = annexes
    if service.team_id:
        value["team"] = sorted(service.team.user_set.values_list("username", flat=True))
    arabic_contacts = list((data.arabic_translation(service) or service).staff_contacts.all())
    contacts = []
    for index, contact in enumerate(service.staff_contacts.all()):
        translated = arabic_contacts[index] if index < len(arabic_contacts) else contact
        entry = {
            "name": {"fr": contact.name, "ar": translated.name},
            "job_title": {"fr": contact.job_title, "ar": translated.job_title},
        }
        if contact.phone_extension:
            entry["extension"] = contact.phone_extension
        if contact.email:
            entry["email"] = contact.email
        contacts.append(entry)
    if contacts:
        value["contacts"] = contacts
    return value


def _side_by_side(french, arabic):
    """Each French line with its Arabic one; a line missing in Arabic repeats the French."""
    return [
        {"fr": line, "ar": arabic[index] if index < len(arabic) else line}
        for index, line in enumerate(french)
    ]


# -- references: what a partial folder may name from the intranet ----------------------


def _french(model, **filters):
    return model.objects.filter(locale__language_code="fr", **filters)


data.reference("building", lambda key: _find_place(_french(Building), key, None) is not None)
data.reference(
    "arrondissement",
    lambda number: _french(
        Arrondissement, kind=Arrondissement.Kind.ARRONDISSEMENT, number=number
    ).exists(),
)
data.reference(
    "annex",
    lambda key: (
        _find_place(_french(Arrondissement, kind=Arrondissement.Kind.ANNEX), key, None) is not None
    ),
)


def _in_language(model):
    """The page with this slug in ``language``, or the French one if it has no translation."""

    def find(slug, language):
        page = _french(model, slug=slug).first()
        if page is None or language == "fr":
            return page
        return page.get_translation_or_none(Locale.objects.get(language_code=language)) or page

    return find


data.reference("division", data.french_page_exists(DivisionPage), find=_in_language(DivisionPage))
data.reference("service", data.french_page_exists(ServicePage), find=_in_language(ServicePage))
data.reference(
    "unit",
    lambda slug: (
        _french(DivisionPage, slug=slug).exists() or _french(ServicePage, slug=slug).exists()
    ),
)

for part in (
    data.Part(
        file="commune",
        key="buildings",
        order=20,
        schema=BUILDINGS,
        declare=declare_buildings,
        load=load_buildings,
        export=export_buildings,
    ),
    data.Part(
        file="commune",
        key="arrondissements",
        order=21,
        schema=ARRONDISSEMENTS,
        declare=declare_arrondissements,
        load=load_arrondissements,
        export=export_arrondissements,
    ),
    data.Part(
        file="commune",
        key="annexes",
        order=22,
        schema=ANNEXES,
        declare=declare_annexes,
        load=load_annexes,
        export=export_annexes,
    ),
    data.section_page_part(
        file="organisation",
        key="organisation_chart",
        order=30,
        model=OrganisationChartPage,
        reference_kind="organisation chart",
        description="The organisation chart page, under the home page.",
    ),
    data.Part(
        file="organisation",
        key="divisions",
        order=31,
        schema=DIVISIONS,
        declare=declare_divisions,
        check=check_divisions,
        load=load_divisions,
        export=export_divisions,
    ),
):
    data.register(part)
