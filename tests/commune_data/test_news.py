"""News, council decisions and the revue as data: news.yaml and council.yaml.

The test database holds the Beni Mellal demo, so a small folder may name the
demo's news and decisions in a revue without declaring them.
"""

import copy

import pytest

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, yaml_files
from intranet.news import commune_data as news_data
from intranet.news.models import CouncilDecisionPage, NewsPage, RevuePage

pytestmark = pytest.mark.django_db

NEWS = {
    "slug": "journee-portes-ouvertes",
    "date": "2026-12-05",
    "title": {"fr": "Journée portes ouvertes", "ar": "يوم الأبواب المفتوحة"},
    "introduction": {
        "fr": "La commune ouvre ses services aux habitants.",
        "ar": "تفتح الجماعة مصالحها في وجه الساكنة.",
    },
    "body": {
        "fr": [{"paragraph": "<p>De 9 h à 16 h.</p>"}, {"quote": "Venez nombreux."}],
        "ar": [{"paragraph": "<p>من الساعة 9 إلى الساعة 16.</p>"}],
    },
}
DECISION = {
    "slug": "decision-2026-50-portes-ouvertes",
    "number": 50,
    "session": {"date": "2026-12-01", "type": "extraordinary"},
    "votes": {"for": 30, "against": 2, "abstentions": 1},
    "outcome": "adopted",
    "title": {"fr": "Journée portes ouvertes", "ar": "يوم الأبواب المفتوحة"},
    "subject": {"fr": "Organisation d'une journée portes ouvertes.", "ar": "تنظيم يوم مفتوح."},
    "text": {"fr": "<p>Le conseil approuve.</p>", "ar": "<p>يوافق المجلس.</p>"},
}
REVUE = {
    "slug": "revue-hiver-2026",
    "title": {"fr": "La revue n° 2 · hiver 2026", "ar": "المجلة العدد 2 · شتاء 2026"},
    "period": {"start": "2026-12-01", "end": "2027-02-28"},
    "introduction": {"fr": "Premier paragraphe.\n\nSecond.", "ar": "الفقرة الأولى."},
    "items": [
        {"decision": "decision-2026-50-portes-ouvertes"},
        {"news": "journee-portes-ouvertes"},
        {"news": "lancement-manuel-des-procedures"},
    ],
}


def contents(news=(), decisions=(), revues=()):
    found = {}
    if news:
        found["news"] = {"format": 1, "news": copy.deepcopy(list(news))}
    if decisions or revues:
        found["council"] = {"format": 1}
        if decisions:
            found["council"]["council_decisions"] = copy.deepcopy(list(decisions))
        if revues:
            found["council"]["revues"] = copy.deepcopy(list(revues))
    return found


def problems(tmp_path, folder_contents):
    return [str(problem) for problem in commune_data.check(tmp_path, folder_contents)]


def load(tmp_path, folder_contents):
    for stem, content in folder_contents.items():
        (tmp_path / f"{stem}.yaml").write_text(yaml_files.write(content), encoding="utf-8")
    return commune_data.load_folder(tmp_path)


def outcomes(loading, model):
    what = str(model._meta.verbose_name)
    return {outcome for (name, outcome) in loading.counts if str(name) == what}


# Checking


def test_news_decisions_and_a_revue_may_name_what_the_intranet_has(tmp_path):
    assert problems(tmp_path, contents([NEWS], [DECISION], [REVUE])) == []


def test_an_outcome_that_contradicts_the_votes_is_refused(tmp_path):
    decision = copy.deepcopy(DECISION) | {"outcome": "rejected"}
    assert problems(tmp_path, contents(decisions=[decision])) == [
        "council.yaml · council_decisions #1 (decision-2026-50-portes-ouvertes) · outcome: "
        "rejected contradicts the votes: 30 for and 2 against"
    ]


def test_a_decision_number_is_used_once_a_year(tmp_path):
    other = copy.deepcopy(DECISION) | {"slug": "decision-2026-50-bis"}
    other["session"]["date"] = "2026-12-20"
    (found,) = problems(tmp_path, contents(decisions=[DECISION, other]))
    assert found.startswith("council.yaml · council_decisions #2 (decision-2026-50-bis) · number")
    assert "decision «50/2026» is already used by council_decisions #1" in found


def test_a_signed_document_must_be_a_pdf_of_the_folder(tmp_path):
    decision = copy.deepcopy(DECISION)
    decision["signed_document"] = {"title": "Décision 50", "file": "files/council/50.docx"}
    found = problems(tmp_path, contents(decisions=[decision]))
    assert [text.rsplit(": ", 1)[1] for text in found] == [
        "the file «files/council/50.docx» is missing from the folder",
        "the signed document must be a PDF",
    ]


def test_a_revue_naming_missing_items_or_ending_before_it_starts_is_refused(tmp_path):
    revue = copy.deepcopy(REVUE)
    revue["period"]["end"] = "2026-11-30"
    assert problems(tmp_path, contents(revues=[revue])) == [
        "council.yaml · revues #1 (revue-hiver-2026) · items #1: "
        "no council decision «decision-2026-50-portes-ouvertes» in the folder",
        "council.yaml · revues #1 (revue-hiver-2026) · items #2: "
        "no news item «journee-portes-ouvertes» in the folder",
        "council.yaml · revues #1 (revue-hiver-2026) · period.end: "
        "the period ends before it starts",
    ]


def test_a_revue_item_names_its_kind(tmp_path):
    revue = copy.deepcopy(REVUE)
    revue["items"][2] = {"page": "lancement-manuel-des-procedures"}
    found = problems(tmp_path, contents(revues=[revue]))
    assert any("revues #1 (revue-hiver-2026) · items #3" in text for text in found)


# Loading


def test_news_a_decision_and_a_revue_load_in_both_languages(tmp_path):
    load(tmp_path, contents([NEWS], [DECISION], [REVUE]))
    news = NewsPage.objects.get(slug="journee-portes-ouvertes", locale__language_code="ar")
    assert news.title == "يوم الأبواب المفتوحة" and news.live
    assert [block.block_type for block in news.body] == ["paragraph"]
    decision = CouncilDecisionPage.objects.get(slug=DECISION["slug"], locale__language_code="ar")
    assert (decision.reference(), decision.votes_cast) == ("50/2026", 33)
    revue = RevuePage.objects.get(slug="revue-hiver-2026", locale__language_code="ar")
    assert [entry.page.slug for entry in revue.entries()] == [
        "decision-2026-50-portes-ouvertes",
        "journee-portes-ouvertes",
        "lancement-manuel-des-procedures",
    ]
    assert {entry.page.locale_id for entry in revue.entries()} == {revue.locale_id}


def test_loading_the_same_files_twice_changes_nothing(tmp_path):
    load(tmp_path, contents([NEWS], [DECISION], [REVUE]))
    revue = RevuePage.objects.get(slug="revue-hiver-2026", locale__language_code="fr")
    revisions = revue.revisions.count()
    again = load(tmp_path, contents([NEWS], [DECISION], [REVUE]))
    for model in (NewsPage, CouncilDecisionPage, RevuePage):
        assert outcomes(again, model) == {"unchanged"}
    assert revue.revisions.count() == revisions


def test_exported_records_read_as_the_files_that_loaded_them(tmp_path):
    load(tmp_path, contents([NEWS], [DECISION], [REVUE]))
    exporting = Exporting(tmp_path / "out")
    assert NEWS in news_data.export_news(exporting)
    assert DECISION in news_data.export_decisions(exporting)
    assert REVUE in news_data.export_revues(exporting)


def test_the_demo_revue_names_its_items_by_kind_in_order(tmp_path):
    (revue,) = news_data.export_revues(Exporting(tmp_path))
    assert revue["items"][:3] == [
        {"decision": "decision-2026-41-budget-2027"},
        {"decision": "decision-2026-47-manuel-des-procedures"},
        {"news": "lancement-manuel-des-procedures"},
    ]
