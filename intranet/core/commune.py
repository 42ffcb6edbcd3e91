"""The ``commune`` part of commune.yaml: who this installation belongs to."""

from . import commune_data as data
from . import geojson
from .commune_data import schemas as s
from .models import Commune

SCHEMA = s.record(
    {
        "name": s.bilingual(),
        "formal_name": s.bilingual(),
        "email_domain": {"type": "string", "pattern": r"^[a-z0-9-]+(\.[a-z0-9-]+)+$"},
        "website": {"type": "string", "pattern": r"^https?://"},
        "phone": s.TEXT,
        "address": s.optional_bilingual(),
        "map": {
            **s.FILE,
            "description": "A GeoJSON file of the arrondissements' outlines "
            "(properties.number: the arrondissement's number).",
        },
    },
    required=("name", "formal_name"),
    description="The commune: its name as said in a sentence and as printed on a letterhead.",
)


def check(value, checking):
    relative = value.get("map")
    if relative and checking.require_file(relative, field="map"):
        outlines, found = geojson.read((checking.folder / relative).read_bytes())
        for problem in found:
            checking.problem(problem, field="map")
        if not found:
            for number in geojson.numbers(outlines):
                checking.require("arrondissement", number, field="map")


def load(value, loading):
    commune = Commune.objects.first() or Commune()
    fields = {
        "name_fr": value["name"]["fr"],
        "name_ar": value["name"]["ar"],
        "formal_name_fr": value["formal_name"]["fr"],
        "formal_name_ar": value["formal_name"]["ar"],
        "email_domain": value.get("email_domain", ""),
        "website": value.get("website", ""),
        "phone": value.get("phone", ""),
        "address_fr": value.get("address", {}).get("fr", ""),
        "address_ar": value.get("address", {}).get("ar", ""),
        "map_outlines": (
            geojson.read(loading.read_file(value["map"]))[0] if value.get("map") else {}
        ),
    }
    outcome = "created" if commune.pk is None else "updated"
    if commune.pk and all(getattr(commune, name) == field for name, field in fields.items()):
        outcome = "unchanged"
    for name, field in fields.items():
        setattr(commune, name, field)
    if outcome != "unchanged":
        commune.save()
    loading.counted(Commune._meta.verbose_name, outcome)


def export(exporting):
    commune = Commune.objects.first()
    if commune is None:
        return None
    value = {
        "name": {"fr": commune.name_fr, "ar": commune.name_ar},
        "formal_name": {"fr": commune.formal_name_fr, "ar": commune.formal_name_ar},
    }
    for name in ("email_domain", "website", "phone"):
        if getattr(commune, name):
            value[name] = getattr(commune, name)
    if commune.address_fr or commune.address_ar:
        value["address"] = {"fr": commune.address_fr, "ar": commune.address_ar}
    if commune.map_outlines:
        value["map"] = exporting.content(
            geojson.as_bytes(commune.map_outlines), "map", "arrondissements.geojson"
        )
    return value


data.register(
    data.Part(
        file="commune",
        key="commune",
        order=0,
        schema=SCHEMA,
        load=load,
        export=export,
        check=check,
    )
)
