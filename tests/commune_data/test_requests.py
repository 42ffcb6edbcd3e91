"""requests.yaml: a sample of citizens' requests with their history, loaded once.

The test database holds the Beni Mellal demo and its year of requests.
"""

import copy
from datetime import date, timedelta
from pathlib import Path

import pytest

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, yaml_files
from intranet.requests_office import commune_data as requests_data
from intranet.requests_office.models import CitizenRequest

pytestmark = pytest.mark.django_db

TODAY = date(2030, 5, 20)
LAMP = {
    "kind": "complaint",
    "channel": "desk",
    "received": "today-70",
    "recorded_by": "reclamations",
    "language": "fr",
    "citizen": {"name": "Driss Amrani", "phone": "0600 00 00 01"},
    "gender": "man",
    "subject": "Lampadaire éteint rue des Orangers",
    "text": "Le lampadaire devant le n° 4 est éteint depuis un mois.",
    "arrondissement": 2,
    "point": [32.3351, -6.3512],
    "steps": [
        {"step": "assign", "by": "reclamations", "after_days": 1, "service": "service-etat-civil"},
        {"step": "propose_answer", "by": "etatcivil", "after_days": 5, "text": "Réparé le 5."},
        {"step": "approve_answer", "by": "reclamations", "after_days": 6},
        {"step": "close", "by": "reclamations", "after_days": 7, "sent_by": "phone"},
    ],
}


def folder(tmp_path, requests):
    contents = {"format": 1, "requests": copy.deepcopy(requests)}
    (tmp_path / "requests.yaml").write_text(yaml_files.write(contents), encoding="utf-8")
    return {"requests": contents}


def problems(tmp_path, requests):
    return [str(problem) for problem in commune_data.check(tmp_path, folder(tmp_path, requests))]


def test_the_beni_mellal_requests_file_is_valid():
    path = Path(__file__).resolve().parents[2] / "communes" / "beni-mellal"
    contents = {"requests": yaml_files.read((path / "requests.yaml").read_text(encoding="utf-8"))}
    assert commune_data.check(path, contents) == []


def test_the_demo_office_holds_requests_in_every_state_some_late():
    statuses = set(CitizenRequest.objects.values_list("status", flat=True))
    assert {"received", "assigned", "answer_proposed", "closed", "inadmissible"} <= statuses
    assert any(request.is_late() for request in CitizenRequest.objects.all())
    assert set(CitizenRequest.objects.values_list("language", flat=True)) == {"fr", "ar"}


def test_a_sample_is_loaded_through_the_steps_and_dated_back(tmp_path):
    CitizenRequest.objects.all().delete()
    folder(tmp_path, [LAMP])
    commune_data.load_folder(tmp_path, today=TODAY)
    request = CitizenRequest.objects.get()
    assert request.received_on == TODAY - timedelta(days=70)
    assert request.reference == f"REC-{request.received_on:%Y}-{request.pk:06d}"
    assert request.status == "closed" and request.sent_by == "phone"
    assert request.closed_at.date() == TODAY - timedelta(days=63)
    assert [event.kind for event in request.events.all()] == [
        "received",
        "acknowledged",
        "assigned",
        "answer_proposed",
        "answer_approved",
        "closed",
    ]
    assert str(request.latitude) == "32.335100"


def test_an_office_that_holds_requests_is_left_as_it_is(tmp_path):
    before = CitizenRequest.objects.count()
    assert before
    folder(tmp_path, [LAMP])
    commune_data.load_folder(tmp_path, today=TODAY)
    assert CitizenRequest.objects.count() == before


def test_mistakes_are_named_and_nothing_is_loaded(tmp_path):
    anonymous_complaint = {key: value for key, value in LAMP.items() if key != "citizen"}
    wrong_steps = {
        **LAMP,
        "channel": "national_portal",
        "steps": [
            {"step": "assign", "by": "personne", "after_days": 1},
            {"step": "close", "by": "reclamations", "after_days": 2},
        ],
    }
    found = problems(tmp_path, [anonymous_complaint, wrong_steps])
    assert any("a complaint needs the citizen" in problem for problem in found)
    assert any("national portal's case number" in problem for problem in found)
    assert any("personne" in problem for problem in found)
    assert any("say which service" in problem for problem in found)
    assert any("how the answer was sent" in problem for problem in found)


def test_requests_are_activity_and_are_not_exported(tmp_path):
    assert requests_data.export(Exporting(tmp_path)) is None


def test_the_demo_petitions_went_to_the_bureau_and_one_still_waits():
    from intranet.requests_office.models import Petition

    statuses = set(Petition.objects.values_list("status", flat=True))
    assert {"admitted", "refused", "with_the_bureau"} <= statuses
    admitted = Petition.objects.get(status="admitted")
    assert admitted.signatures_counted >= 200 and admitted.notified_on


def test_drawn_signatories_are_the_same_for_the_same_seed():
    names = {"first_names": ["Salma"], "last_names": ["Bennani", "Tazi"], "streets": ["Hay Atlas"]}
    drawn = {"count": 12, "not_on_lists": 3, "seed": 9}
    first = requests_data._drawn_signatories(drawn, names)
    assert first == requests_data._drawn_signatories(drawn, names)
    assert len(first.splitlines()) == 12 and first.count("; non") == 3


def test_drawn_signatories_need_names(tmp_path):
    petitions = {
        "petitions": [
            {
                "petitioner": "citizens",
                "received": "today-3",
                "recorded_by": "reclamations",
                "language": "fr",
                "representative": {"name": "Rachid Bennani"},
                "subject": "Un point",
                "text": "Le texte.",
                "signatories": {"count": 5, "seed": 1},
            }
        ]
    }
    contents = {"format": 1, "petitions": petitions}
    (tmp_path / "requests.yaml").write_text(yaml_files.write(contents), encoding="utf-8")
    found = [str(p) for p in commune_data.check(tmp_path, {"requests": contents})]
    assert any("need the «names»" in problem for problem in found)
