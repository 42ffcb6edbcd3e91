"""The knowledge base as data: its index page and its articles in knowledge.yaml.

The test database holds the Beni Mellal demo, so a small folder may name its
accounts, services and procedures without declaring them.
"""

import copy

import pytest

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, parts, yaml_files
from knowledge import commune_data as knowledge_data
from knowledge.models import ArticleFeedback, KnowledgeArticlePage
from procedures_manual.models import ProcedurePage

pytestmark = pytest.mark.django_db

ARTICLE = {
    "slug": "horaires-du-ramadan",
    "title": {"fr": "Horaires du mois de Ramadan", "ar": "أوقات العمل خلال شهر رمضان"},
    "topic": "reception",
    "summary": {
        "fr": "Pendant le Ramadan, l'accueil est ouvert de 9 h à 15 h.",
        "ar": "خلال شهر رمضان، يفتح الاستقبال من الساعة 9 إلى الساعة 15.",
    },
    "responsible": "accueil",
    "responsible_service": "bureau-accueil-orientation",
    "services": ["bureau-accueil-orientation", "service-etat-civil"],
    "procedures": ["EC-01"],
    "last_reviewed_on": "2026-03-02",
    "review_interval_months": 6,
    "body": {
        "fr": [
            {"paragraph": "<p>Les horaires changent pendant un mois.</p>"},
            {
                "steps": {
                    "heading": "Prévenir les visiteurs",
                    "steps": [
                        {"title": "Afficher les horaires", "detail": "À l'entrée du siège."},
                        {"title": "Les annoncer au téléphone"},
                    ],
                }
            },
            {"question": {"question": "Et le samedi ?", "answer": "<p>Fermé.</p>"}},
            {
                "document": {
                    "title": "Certificat de résidence",
                    "issued_by": "Autorité locale",
                }
            },
        ],
        "ar": [
            {"paragraph": "<p>تتغير الأوقات خلال شهر.</p>"},
            {"question": {"question": "ويوم السبت؟", "answer": "<p>مغلق.</p>"}},
        ],
    },
    "votes": [
        {"reader": "personnel", "language": "fr", "helpful": True},
        {"reader": "accueil", "language": "ar", "helpful": False, "comment": "ناقص."},
    ],
}


@pytest.fixture(autouse=True)
def procedures_known(monkeypatch):
    """The procedures section names its procedures by code; until it registers them
    itself, the demo's procedures stand for those of the database."""
    if parts.existing_reference("procedure") is None:
        monkeypatch.setitem(
            parts._references,
            "procedure",
            lambda code: ProcedurePage.objects.filter(code=code).exists(),
        )


def knowledge(*articles):
    return {"knowledge": {"format": 1, "knowledge_articles": copy.deepcopy(list(articles))}}


def with_article(**changes):
    article = copy.deepcopy(ARTICLE)
    article.update(changes)
    return article


def problems(tmp_path, contents):
    return [str(problem) for problem in commune_data.check(tmp_path, contents)]


def load(tmp_path, contents):
    for stem, content in contents.items():
        (tmp_path / f"{stem}.yaml").write_text(yaml_files.write(content), encoding="utf-8")
    return commune_data.load_folder(tmp_path)


def article_in(language):
    return KnowledgeArticlePage.objects.get(
        slug="horaires-du-ramadan", locale__language_code=language
    )


def outcomes(loading, model):
    what = str(model._meta.verbose_name)
    return {outcome for (name, outcome) in loading.counts if str(name) == what}


# Checking


def test_an_article_may_name_what_the_intranet_has(tmp_path):
    assert problems(tmp_path, knowledge(ARTICLE)) == []


def test_an_article_linking_to_a_missing_service_or_procedure_is_refused(tmp_path):
    found = problems(
        tmp_path, knowledge(with_article(services=["service-des-archives"], procedures=["XX-99"]))
    )
    assert found == [
        "knowledge.yaml · knowledge_articles #1 (horaires-du-ramadan) · procedures: "
        "no procedure «XX-99» in the folder",
        "knowledge.yaml · knowledge_articles #1 (horaires-du-ramadan) · services: "
        "no service «service-des-archives» in the folder",
    ]


def test_an_article_nobody_keeps_is_refused(tmp_path):
    article = with_article()
    del article["responsible"], article["responsible_service"]
    (found,) = problems(tmp_path, knowledge(article))
    assert found.endswith(
        "· responsible: name who keeps the article up to date: responsible or responsible_service"
    )


def test_a_reader_has_one_vote_per_language(tmp_path):
    votes = [*ARTICLE["votes"], {"reader": "personnel", "language": "fr", "helpful": False}]
    (found,) = problems(tmp_path, knowledge(with_article(votes=votes)))
    assert "votes #3.reader: «personnel» votes twice on the article in «fr»" in found


def test_a_block_of_an_unknown_kind_is_refused(tmp_path):
    body = copy.deepcopy(ARTICLE["body"])
    body["ar"].append({"video": "https://example.org"})
    found = problems(tmp_path, knowledge(with_article(body=body)))
    assert any("knowledge_articles #1 (horaires-du-ramadan) · body.ar #3" in text for text in found)


def test_a_document_whose_file_is_missing_from_the_folder_is_refused(tmp_path):
    body = copy.deepcopy(ARTICLE["body"])
    body["fr"][3]["document"]["document"] = {"title": "CNIE", "file": "files/knowledge/cnie.pdf"}
    (found,) = problems(tmp_path, knowledge(with_article(body=body)))
    assert found.endswith(
        "body.fr #4.document.file: the file «files/knowledge/cnie.pdf» is missing from the folder"
    )


def test_two_articles_may_not_share_a_slug(tmp_path):
    (found,) = problems(tmp_path, knowledge(ARTICLE, ARTICLE))
    assert "knowledge article «horaires-du-ramadan» is already used" in found


# Loading


def test_an_article_loads_in_both_languages_with_its_links_and_votes(tmp_path):
    load(tmp_path, knowledge(ARTICLE))
    french, arabic = (article_in(language) for language in ("fr", "ar"))
    assert arabic.title == "أوقات العمل خلال شهر رمضان" and arabic.live
    assert arabic.get_parent().specific.get_translation(french.locale).pk == french.get_parent().pk
    assert french.review_interval_months == 6 and french.responsible.username == "accueil"
    assert [block.block_type for block in french.body] == [
        "paragraph",
        "steps",
        "question",
        "document",
    ]
    assert french.body[1].value["steps"][1]["detail"] == ""
    assert french.body[3].value["issued_by"] == "Autorité locale"
    for page in (french, arabic):
        assert {link.service.locale_id for link in page.service_links.all()} == {page.locale_id}
        assert [link.procedure.code for link in page.procedure_links.all()] == ["EC-01"]
        assert page.procedure_links.get().procedure.locale_id == page.locale_id
    assert ArticleFeedback.objects.get(article=arabic, user__username="accueil").comment == "ناقص."


def test_loading_the_same_article_twice_changes_nothing(tmp_path):
    load(tmp_path, knowledge(ARTICLE))
    page = article_in("fr")
    revisions = page.revisions.count()
    again = load(tmp_path, knowledge(ARTICLE))
    assert outcomes(again, KnowledgeArticlePage) == {"unchanged"}
    assert outcomes(again, ArticleFeedback) == {"unchanged"}
    assert page.revisions.count() == revisions


def test_a_reader_changing_their_mind_replaces_their_vote(tmp_path):
    load(tmp_path, knowledge(ARTICLE))
    votes = [{"reader": "personnel", "language": "fr", "helpful": False, "comment": "Flou."}]
    load(tmp_path, knowledge(with_article(votes=votes)))
    (vote,) = ArticleFeedback.objects.filter(
        article__slug="horaires-du-ramadan", user__username="personnel"
    )
    assert (vote.helpful, vote.comment) == (False, "Flou.")


def test_an_exported_article_reads_as_the_file_that_loaded_it(tmp_path):
    load(tmp_path, knowledge(ARTICLE))
    exported = knowledge_data.export_articles(Exporting(tmp_path / "out"))
    (article,) = [item for item in exported if item["slug"] == "horaires-du-ramadan"]
    assert article == ARTICLE


def test_the_demo_knowledge_base_comes_back_as_it_went_out(tmp_path):
    """Its form is copied into the folder, and loading the export changes nothing of it."""
    first = knowledge_data.export_articles(Exporting(tmp_path))
    access = next(item for item in first if item["slug"] == "acces-a-l-information")
    document = next(block["document"] for block in access["body"]["ar"] if "document" in block)
    assert document["document"]["file"].startswith("files/knowledge/formulaire-")
    assert (tmp_path / document["document"]["file"]).is_file()
    load(tmp_path, knowledge(*first))
    assert knowledge_data.export_articles(Exporting(tmp_path)) == first
