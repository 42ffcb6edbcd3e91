"""The sample reception register: proportions in reception.yaml, visits drawn once.

The test database holds the Beni Mellal demo and its two months of register.
"""

import copy
from datetime import date
from pathlib import Path

import pytest

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, yaml_files
from intranet.reception import commune_data as reception_data
from intranet.reception.models import ReceptionVisit, Referral
from search import query_log
from search.models import SearchFollowUp, SearchQueryLog

pytestmark = pytest.mark.django_db

REGISTER = {
    "days": 14,
    "visits_per_day": 10,
    "seed": 7,
    "agent": "accueil",
    "services": {"service-etat-civil": 3, "service-legalisation": 1},
    "hours": {8: 1, "09": 3, 10: 2},
    "categories": {"citizen": 9, "abroad": 1},
    "genders": {"woman": 1, "man": 1},
    "answered_at_desk": 60,
    "referrals": {"received_by": "etatcivil", "notes": ["", "Acte à corriger"]},
    "unanswered_searches": [{"query": "permis de chasse", "language": "fr", "times": 2}],
    "searches_followed_up": [{"query": "permis de chasse", "outcome": "not_ours", "by": "cellule"}],
}
TODAY = date(2030, 5, 20)


def reception(register):
    return {"reception": {"format": 1, "sample_register": copy.deepcopy(register)}}


def problems(tmp_path, contents):
    return [str(problem) for problem in commune_data.check(tmp_path, contents)]


def load(tmp_path, register):
    (tmp_path / "reception.yaml").write_text(
        yaml_files.write(reception(register)["reception"]), encoding="utf-8"
    )
    return commune_data.load_folder(tmp_path, today=TODAY)


def drawn():
    return [
        (visit.recorded_at, visit.service.slug, visit.visitor_category, visit.gender, visit.outcome)
        for visit in ReceptionVisit.objects.order_by("recorded_at", "pk")
    ]


def test_a_service_the_commune_lacks_an_odd_hour_and_no_weight_are_refused(tmp_path):
    register = {
        **REGISTER,
        "services": {"service-des-loisirs": 2},
        "hours": {25: 1},
        "genders": {"woman": 0, "man": 0},
    }
    assert problems(tmp_path, reception(register)) == [
        "reception.yaml · sample_register · genders: give at least one choice a weight above 0",
        "reception.yaml · sample_register · hours: «25» is not an hour of the day (0 to 23)",
        "reception.yaml · sample_register · services.service-des-loisirs: "
        "no service «service-des-loisirs» in the folder",
    ]


def test_a_visitor_category_the_register_does_not_know_is_refused(tmp_path):
    register = {**REGISTER, "categories": {"tourist": 1}}
    (problem,) = problems(tmp_path, reception(register))
    assert problem.endswith(
        "categories.tourist: unknown field; expected one of: "
        "abroad, administration, association, business, citizen, elected, other"
    )


def test_a_register_that_holds_visits_is_left_as_it_is(tmp_path):
    before = ReceptionVisit.objects.count()
    assert before
    loading = load(tmp_path, REGISTER)
    assert ReceptionVisit.objects.count() == before
    register = str(ReceptionVisit._meta.verbose_name_plural)
    assert {outcome for (what, outcome) in loading.counts if str(what) == register} == {"unchanged"}


def test_an_empty_register_is_drawn_the_same_from_the_same_seed(tmp_path):
    ReceptionVisit.objects.all().delete()
    load(tmp_path, REGISTER)
    first = drawn()
    assert first and {slug for _at, slug, *_rest in first} <= set(REGISTER["services"])
    assert {at.date() for at, *_rest in first} <= {
        date.fromordinal(TODAY.toordinal() - days) for days in range(1, 15)
    }
    assert Referral.objects.filter(visit__outcome="redirected").count() == sum(
        outcome == "redirected" for *_rest, outcome in first
    )
    assert SearchQueryLog.objects.filter(query="permis de chasse").count() == 2
    decision = SearchFollowUp.objects.get(normalised=query_log.normalised_form("permis de chasse"))
    assert decision.decided_by.username == "cellule"

    ReceptionVisit.objects.all().delete()
    load(tmp_path, REGISTER)
    assert drawn() == first


def test_the_register_is_activity_and_is_not_exported(tmp_path):
    assert ReceptionVisit.objects.exists()
    assert reception_data.export(Exporting(tmp_path)) is None


def test_the_beni_mellal_reception_file_is_valid():
    folder = Path(__file__).resolve().parents[2] / "communes" / "beni-mellal"
    contents = {
        "reception": yaml_files.read((folder / "reception.yaml").read_text(encoding="utf-8"))
    }
    assert commune_data.check(folder, contents) == []


def test_the_demo_register_counts_women_and_men():
    """The statistics page of the demo has something to show from the first visit."""
    genders = set(ReceptionVisit.objects.values_list("gender", flat=True))
    assert {"woman", "man"} <= genders


def test_the_demo_cell_already_put_the_criminal_record_aside():
    """The demo's register shows a cell at work: some searches already decided."""
    decided = query_log.normalised_form("casier judiciaire")
    assert SearchFollowUp.objects.filter(normalised=decided).exists()
    assert decided not in [row["normalised"] for row in query_log.unanswered()]
