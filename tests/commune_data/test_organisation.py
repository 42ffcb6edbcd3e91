"""The organisation as data: buildings and arrondissements in commune.yaml, the chart,
its divisions and their services in organisation.yaml.

The test database holds the Beni Mellal demo, so a small folder may name its
buildings, arrondissements and accounts without declaring them.
"""

import copy

import pytest

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, yaml_files
from intranet.home.models import HomePage
from intranet.organisation import commune_data as organisation_data
from intranet.organisation.models import Arrondissement, DivisionPage, ServicePage
from training.models import TrainingSession

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def teal_is_free():
    """The demo wears all ten badge colours: the bureau d'accueil gives up its own
    teal (it then wears its division's) for the new division these tests load."""
    ServicePage.objects.filter(colour="teal").update(colour="")


SERVICE = {
    "slug": "service-des-archives",
    "title": {"fr": "Service des archives", "ar": "مصلحة الأرشيف"},
    "open_to_public": True,
    "attributions": [
        {"fr": "Conserver les archives.", "ar": "حفظ الأرشيف."},
        {"fr": "Communiquer les documents.", "ar": "إطلاع العموم على الوثائق."},
    ],
    "building": "siege-de-la-commune",
    "floor": 1,
    "office": "118",
    "extension": "318",
    "opening_hours": [
        {"from": "monday", "to": "friday", "opens": "08:30", "closes": "16:30"},
        {"from": "saturday", "opens": "09:00", "closes": "12:00"},
    ],
    "arrondissements": [2, 5],
    "team": ["personnel"],
    "contacts": [
        {
            "name": {"fr": "Rkia Amraoui", "ar": "رقية العمراوي"},
            "job_title": {"fr": "Archiviste", "ar": "أرشيفية"},
            "extension": "319",
        }
    ],
}
DIVISION = {
    "slug": "division-des-archives",
    "title": {"fr": "Division des archives", "ar": "قسم الأرشيف"},
    "acronym": "DA",
    "colour": "teal",
    "head": {
        "name": {"fr": "Ali Saidi", "ar": "علي السعيدي"},
        "title": {"fr": "Chef de la division", "ar": "رئيس القسم"},
    },
    "building": "siege-de-la-commune",
    "services": [SERVICE],
}


def organisation(*divisions):
    return {"organisation": {"format": 1, "divisions": copy.deepcopy(list(divisions))}}


def problems(tmp_path, contents):
    return [str(problem) for problem in commune_data.check(tmp_path, contents)]


def load(tmp_path, contents):
    for stem, content in contents.items():
        text = yaml_files.write(content)
        (tmp_path / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return commune_data.load_folder(tmp_path)


def outcomes(loading, model):
    what = str(model._meta.verbose_name)
    return {outcome for (name, outcome) in loading.counts if str(name) == what}


def with_service(**changes):
    division = copy.deepcopy(DIVISION)
    division["services"][0].update(changes)
    return division


# Checking: what is wrong is named where it is


def test_a_folder_may_name_the_buildings_and_arrondissements_the_intranet_has(tmp_path):
    assert problems(tmp_path, organisation(DIVISION)) == []


def test_a_service_in_a_building_nobody_declared_is_refused(tmp_path):
    found = problems(tmp_path, organisation(with_service(building="mairie-annexe")))
    assert found == [
        "organisation.yaml · divisions #1 (division-des-archives) · services #1.building: "
        "no building «mairie-annexe» in the folder"
    ]


def test_a_building_declared_in_commune_yaml_may_be_named(tmp_path):
    contents = organisation(with_service(building="mairie-annexe"))
    contents["commune"] = {
        "format": 1,
        "commune": {"name": {"fr": "X", "ar": "س"}, "formal_name": {"fr": "X", "ar": "س"}},
        "buildings": [
            {
                "key": "mairie-annexe",
                "name": {"fr": "Mairie annexe", "ar": "الملحقة"},
                "address": {"fr": "Rue 1", "ar": "الزنقة 1"},
            }
        ],
    }
    assert problems(tmp_path, contents) == []


def test_two_units_may_not_wear_the_same_badge_colour(tmp_path):
    found = problems(tmp_path, organisation(with_service(colour="teal")))
    assert found == [
        "organisation.yaml · divisions #1 (division-des-archives) · services #1.colour: "
        "badge colour «teal» is already used by divisions #1 (division-des-archives) "
        "in organisation.yaml"
    ]


def test_a_slug_held_by_a_division_and_a_service_is_refused(tmp_path):
    found = problems(tmp_path, organisation(with_service(slug="division-des-archives")))
    assert len(found) == 1
    assert "services #1.slug: slug «division-des-archives» is already used" in found[0]


def test_an_arrondissement_the_commune_lacks_is_refused(tmp_path):
    found = problems(tmp_path, organisation(with_service(arrondissements=[2, 9])))
    assert found == [
        "organisation.yaml · divisions #1 (division-des-archives) · services #1.arrondissements: "
        "no arrondissement «9» in the folder"
    ]


def test_a_team_member_without_an_account_is_refused(tmp_path):
    found = problems(tmp_path, organisation(with_service(team=["personnel", "inconnu"])))
    assert found == [
        "organisation.yaml · divisions #1 (division-des-archives) · services #1.team: "
        "no account «inconnu» in the folder"
    ]


def test_opening_hours_that_close_before_they_open_are_refused(tmp_path):
    hours = [{"from": "friday", "to": "monday", "opens": "16:30", "closes": "08:30"}]
    found = problems(tmp_path, organisation(with_service(opening_hours=hours)))
    assert found == [
        "organisation.yaml · divisions #1 (division-des-archives) · "
        "services #1.opening_hours #1.closes: closes at 08:30, not after it opens at 16:30",
        "organisation.yaml · divisions #1 (division-des-archives) · "
        "services #1.opening_hours #1.to: monday comes before friday",
    ]


def test_a_misspelt_field_or_an_unknown_colour_is_refused_by_the_schema(tmp_path):
    division = with_service(colour="turquoise")
    division["services"][0]["extention"] = "318"
    found = problems(tmp_path, organisation(division))
    assert any("services #1.colour: «turquoise» is not one of" in text for text in found)
    assert any("services #1.extention: unknown field" in text for text in found)


# Loading: by slug, in both languages, and never twice


def test_a_division_and_its_service_load_in_french_and_arabic(tmp_path):
    load(tmp_path, organisation(DIVISION))
    service = ServicePage.objects.get(slug="service-des-archives", locale__language_code="fr")
    arabic = ServicePage.objects.get(slug="service-des-archives", locale__language_code="ar")
    assert service.get_parent().slug == "division-des-archives"
    assert arabic.title == "مصلحة الأرشيف" and arabic.live
    assert arabic.missions == ["حفظ الأرشيف.", "إطلاع العموم على الوثائق."]
    assert [contact.name for contact in arabic.staff_contacts.all()] == ["رقية العمراوي"]
    for page in (service, arabic):
        assert page.opening_hours.count() == 2
        assert sorted(place.number for place in page.arrondissements.all()) == [2, 5]
    assert service.is_team_member(service.team.user_set.get(username="personnel"))


def test_loading_the_same_folder_twice_changes_nothing(tmp_path):
    load(tmp_path, organisation(DIVISION))
    division = DivisionPage.objects.get(slug="division-des-archives", locale__language_code="fr")
    revisions = division.revisions.count()
    again = load(tmp_path, organisation(DIVISION))
    assert outcomes(again, ServicePage) == outcomes(again, DivisionPage) == {"unchanged"}
    assert division.revisions.count() == revisions


def test_an_exported_service_reads_as_the_file_that_loaded_it(tmp_path):
    load(tmp_path, organisation(DIVISION))
    exported = organisation_data.export_divisions(Exporting(tmp_path / "out"))
    (division,) = [item for item in exported if item["slug"] == "division-des-archives"]
    assert division["services"] == [SERVICE]
    assert division["head"] == DIVISION["head"]


def test_a_service_the_file_places_in_another_division_is_moved_there(tmp_path):
    division = copy.deepcopy(DIVISION)
    division["services"][0]["slug"] = "bureau-des-plaintes"
    division["services"][0]["colour"] = "red"
    loading = load(tmp_path, organisation(division))
    for language in ("fr", "ar"):
        (complaints,) = ServicePage.objects.filter(
            slug="bureau-des-plaintes", locale__language_code=language
        )
        assert complaints.get_parent().slug == "division-des-archives"
    assert "moved" in outcomes(loading, ServicePage)


def test_a_commune_without_arrondissements_exports_none(tmp_path):
    TrainingSession.objects.update(arrondissement=None)
    Arrondissement.objects.all().delete()
    assert organisation_data.export_arrondissements(Exporting(tmp_path)) is None
    load(tmp_path, organisation(with_service(arrondissements=[])))
    service = ServicePage.objects.get(slug="service-des-archives", locale__language_code="fr")
    assert not service.arrondissements.exists()


def test_the_home_page_takes_the_commune_s_words_in_both_languages(tmp_path):
    commune = {
        "format": 1,
        "commune": {
            "name": {"fr": "Azilal", "ar": "أزيلال"},
            "formal_name": {"fr": "A", "ar": "أ"},
        },
        "home": {
            "title": {"fr": "Bienvenue", "ar": "مرحبا"},
            "welcome": {"fr": "<p>Bonjour</p>", "ar": "<p>أهلا</p>"},
        },
    }
    load(tmp_path, {"commune": commune})
    french = HomePage.objects.get(locale__language_code="fr", depth=2)
    arabic = HomePage.objects.get(locale__language_code="ar", depth=2)
    assert (french.title, french.welcome) == ("Bienvenue", "<p>Bonjour</p>")
    assert (arabic.title, arabic.welcome) == ("مرحبا", "<p>أهلا</p>")


def test_a_colour_worn_by_a_unit_outside_the_folder_is_refused(tmp_path):
    division = copy.deepcopy(DIVISION)
    division["colour"] = "grey"
    found = problems(tmp_path, organisation(division))
    assert any(
        "divisions #1 (division-des-archives) · colour: badge colour «grey» is already worn by"
        in text
        for text in found
    )
