"""The IPECAG's work plans as data: years, objectives, measures and actions with stable ids.

The test database holds the Beni Mellal demo (its IPECAG section and its services).
"""

import copy
from datetime import date
from pathlib import Path

import pytest

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, yaml_files
from intranet.ipecag import commune_data as ipecag_data
from intranet.ipecag import progress
from intranet.ipecag.models import WorkPlanPage

pytestmark = pytest.mark.django_db

ACTION_ID = "0b7f1a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
ACTION = {
    "id": ACTION_ID,
    "title": {"fr": "Former les agents d'accueil", "ar": "تكوين أعوان الاستقبال"},
    "service": "service-ressources-humaines",
    "partners": {"fr": "OFPPT", "ar": "مكتب التكوين المهني"},
    "deadline": "today-10",
    "budget": 12000,
    "spent": 4500.5,
    "status": "late",
    "indicator": {"fr": "Agents formés", "ar": "أعوان مكونون"},
    "target": 10,
    "measured": 4,
}
PLAN = {
    "year": "this-year+1",
    "title": {"fr": "Plan de travail {year}", "ar": "خطة العمل {year}"},
    "objectives": [
        {
            "title": {"fr": "Mieux accueillir", "ar": "استقبال أفضل"},
            "why": {"fr": "L'accueil est inégal.", "ar": "الاستقبال غير متكافئ."},
            "measures": [
                {
                    "title": {"fr": "Former", "ar": "التكوين"},
                    "actions": [
                        ACTION,
                        {
                            "title": {"fr": "Afficher la charte", "ar": "تعليق الميثاق"},
                            "deadline": "2031-06-30",
                            "status": "planned",
                        },
                    ],
                }
            ],
        }
    ],
}
TODAY = date(2030, 5, 20)


def ipecag(plans):
    return {"ipecag": {"format": 1, "plans": copy.deepcopy(plans)}}


def problems(tmp_path, contents):
    return [str(problem) for problem in commune_data.check(tmp_path, contents)]


def load(tmp_path, contents, today=TODAY):
    for stem, content in contents.items():
        (tmp_path / f"{stem}.yaml").write_text(yaml_files.write(content), encoding="utf-8")
    return commune_data.load_folder(tmp_path, today=today)


def outcomes(loading, model):
    what = str(model._meta.verbose_name)
    return {outcome for (name, outcome) in loading.counts if str(name) == what}


def test_an_action_of_a_service_the_commune_lacks_is_refused_naming_where(tmp_path):
    plan = copy.deepcopy(PLAN)
    plan["objectives"][0]["measures"][0]["actions"][0]["service"] = "service-des-loisirs"
    assert problems(tmp_path, ipecag([plan])) == [
        "ipecag.yaml · plans #1 (this-year+1) · objectives #1.measures #1.actions #1.service: "
        "no service «service-des-loisirs» in the folder"
    ]


def test_two_plans_for_one_year_and_an_action_id_given_twice_are_refused(tmp_path):
    year = date.today().year
    found = problems(tmp_path, ipecag([{**PLAN, "year": "this-year"}, {**PLAN, "year": year}]))
    assert any(f"year «{year}» is already used by plans #1" in problem for problem in found)
    assert any(f"action id «{ACTION_ID}» is already used" in problem for problem in found)


def test_a_status_the_plan_does_not_know_is_refused(tmp_path):
    plan = copy.deepcopy(PLAN)
    plan["objectives"][0]["measures"][0]["actions"][0]["status"] = "finished"
    (problem,) = commune_data.check(tmp_path, ipecag([plan]))
    assert "actions #1.status" in problem.field and "«finished» is not one of" in problem.message


def test_a_plan_loads_in_both_languages_sharing_its_action_ids_and_figures(tmp_path):
    load(tmp_path, ipecag([PLAN]))
    french = WorkPlanPage.objects.get(year=2031, locale__language_code="fr")
    arabic = WorkPlanPage.objects.get(year=2031, locale__language_code="ar")
    assert (french.slug, french.title, arabic.title) == (
        "plan-2031",
        "Plan de travail 2031",
        "خطة العمل 2031",
    )
    ids = list(progress.action_values(french))
    assert ids[0] == ACTION_ID and ids == list(progress.action_values(arabic))
    plan = progress.build(arabic, today=TODAY)
    late = plan.actions[0]
    assert late.title == "تكوين أعوان الاستقبال"
    assert late.deadline == date(2030, 5, 10) and late.overdue
    assert (late.budget, late.spent, late.achievement) == (12000, 4500.5, 40)
    assert late.service.locale.language_code == "ar"


def test_loading_a_plan_again_changes_nothing_and_keeps_the_derived_ids(tmp_path):
    load(tmp_path, ipecag([PLAN]))
    french = WorkPlanPage.objects.get(year=2031, locale__language_code="fr")
    ids, revisions = list(progress.action_values(french)), french.revisions.count()
    again = load(tmp_path, ipecag([PLAN]))
    assert outcomes(again, WorkPlanPage) == {"unchanged"}
    french.refresh_from_db()
    assert french.revisions.count() == revisions
    assert list(progress.action_values(french)) == ids
    assert ids[1] == ipecag_data.block_id(2031, 0, 0, 1)


def test_a_plan_exports_with_absolute_year_and_days_and_loads_back_the_same(tmp_path):
    load(tmp_path, ipecag([PLAN]))
    exported = ipecag_data.export_plans(Exporting(tmp_path))
    plan = next(item for item in exported if item["year"] == 2031)
    action, charter = plan["objectives"][0]["measures"][0]["actions"]
    assert plan["title"]["fr"] == "Plan de travail 2031"
    assert action == {**ACTION, "deadline": "2030-05-10"}
    assert charter["id"] == ipecag_data.block_id(2031, 0, 0, 1)
    assert set(charter) == {"id", "title", "deadline", "status"}
    again = load(tmp_path, ipecag([plan]))
    assert outcomes(again, WorkPlanPage) == {"unchanged"}


def test_the_demo_plans_export_every_action_with_its_id():
    exported = ipecag_data.export_plans(Exporting("/nonexistent"))
    for plan in exported:
        page = WorkPlanPage.objects.get(year=plan["year"], locale__language_code="fr")
        ids = [
            action["id"]
            for objective in plan["objectives"]
            for measure in objective["measures"]
            for action in measure["actions"]
        ]
        assert ids == list(progress.action_values(page))


def test_the_beni_mellal_ipecag_file_is_valid():
    folder = Path(__file__).resolve().parents[2] / "communes" / "beni-mellal"
    contents = {"ipecag": yaml_files.read((folder / "ipecag.yaml").read_text(encoding="utf-8"))}
    assert commune_data.check(folder, contents) == []
