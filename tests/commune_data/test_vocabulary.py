"""vocabulary.yaml: the editors' synonym sets, found again by their first phrase."""

from pathlib import Path
from types import SimpleNamespace

import pytest

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, yaml_files
from search import commune_data as vocabulary
from search.models import SynonymSet

pytestmark = pytest.mark.django_db

BENI_MELLAL = Path(__file__).resolve().parents[2] / "communes" / "beni-mellal"

COMMUNE = {
    "format": 1,
    "commune": {
        "name": {"fr": "Beni Mellal", "ar": "بني ملال"},
        "formal_name": {"fr": "Commune de Beni Mellal", "ar": "جماعة بني ملال"},
    },
}
MARKET = {"terms": ["souk", "marché hebdomadaire", "السوق الأسبوعي"], "note": "Hygiène"}


def load(path, *sets):
    for stem, content in {
        "commune": COMMUNE,
        "vocabulary": {"format": 1, "synonyms": list(sets)},
    }.items():
        (path / f"{stem}.yaml").write_text(yaml_files.write(content), encoding="utf-8")
    return commune_data.load_folder(path)


def count(loading, outcome):
    return loading.counts[(SynonymSet._meta.verbose_name, outcome)]


def problems(path, *sets):
    contents = {"vocabulary": {"format": 1, "synonyms": list(sets)}}
    return [str(problem) for problem in commune_data.check(path, contents)]


def test_a_synonym_set_is_created_then_left_unchanged(tmp_path):
    assert count(load(tmp_path, MARKET), "created") == 1
    assert count(load(tmp_path, MARKET), "unchanged") == 1
    (market,) = [s for s in SynonymSet.objects.all() if s.phrases()[0] == "souk"]
    assert market.phrases() == MARKET["terms"]
    assert market.note == "Hygiène"


def test_a_set_is_found_again_by_its_first_phrase_and_updated(tmp_path):
    load(tmp_path, MARKET)
    wider = {"terms": [*MARKET["terms"], "سويقة"], "note": "Marchés"}
    assert count(load(tmp_path, wider), "updated") == 1
    (market,) = [s for s in SynonymSet.objects.all() if s.phrases()[0] == "souk"]
    assert market.phrases()[-1] == "سويقة"
    assert market.note == "Marchés"


def test_the_demo_synonyms_are_the_shipped_ones(tmp_path):
    shipped = yaml_files.read((BENI_MELLAL / "vocabulary.yaml").read_text(encoding="utf-8"))
    assert count(load(tmp_path, *shipped["synonyms"]), "unchanged") == SynonymSet.objects.count()


def test_sets_are_written_back_by_their_first_phrase_as_they_were_read(tmp_path):
    SynonymSet.objects.all().delete()
    load(tmp_path, MARKET, {"terms": ["cimetière", "مقبرة"]})
    assert vocabulary.export(Exporting(tmp_path)) == [{"terms": ["cimetière", "مقبرة"]}, MARKET]


def test_a_phrase_holding_a_comma_is_refused_as_two_phrases_in_one(tmp_path):
    (problem,) = problems(tmp_path, {"terms": ["souk, marché", "السوق"]})
    assert problem.startswith("vocabulary.yaml · synonyms #1 · terms #1: «souk, marché»")


def test_a_set_of_one_phrase_is_refused(tmp_path):
    assert problems(tmp_path, {"terms": ["souk"]}) == [
        "vocabulary.yaml · synonyms #1 · terms: needs at least 2 item(s)"
    ]


def test_two_sets_may_not_begin_with_the_same_phrase(tmp_path):
    found = problems(tmp_path, MARKET, {"terms": ["souk", "سويقة", "souk"]})
    assert found == [
        "vocabulary.yaml · synonyms #2 · terms: the first phrase «souk» is already used by "
        "synonyms #1 in vocabulary.yaml",
        "vocabulary.yaml · synonyms #2 · terms: «souk» is given 2 times",
    ]


def test_the_index_is_rebuilt_once_a_load_that_changed_something_is_committed(
    django_capture_on_commit_callbacks,
):
    changed = SimpleNamespace(counts={("synonym set", "unchanged"): 3, ("page", "updated"): 1})
    unchanged = SimpleNamespace(counts={("synonym set", "unchanged"): 3})
    with django_capture_on_commit_callbacks() as callbacks:
        vocabulary.rebuild_index_once_loaded(unchanged)
    assert callbacks == []
    with django_capture_on_commit_callbacks() as callbacks:
        vocabulary.rebuild_index_once_loaded(changed)
    assert callbacks == [vocabulary._rebuild]
