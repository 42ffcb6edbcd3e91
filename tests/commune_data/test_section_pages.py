"""A section's page as data: the one page under the home page that holds a section.

The test database holds the Beni Mellal demo, so every section already has its
page; these tests load other values over them and read them back.
"""

import pytest
from wagtail.models import Locale

from intranet.core import commune_data as data
from intranet.core.commune_data import Catalogue, Checking, Loading
from intranet.core.pages import home_page
from intranet.library.models import LibraryPage
from intranet.news.models import NewsIndexPage
from knowledge.models import KnowledgeIndexPage
from procedures_manual.models import LegalTextIndexPage
from training.models import TrainingIndexPage

pytestmark = pytest.mark.django_db

VALUE = {
    "slug": "base-de-connaissances",
    "title": {"fr": "Questions fréquentes", "ar": "الأسئلة المتداولة"},
    "introduction": {"fr": "<p>Ce que l'on demande.</p>", "ar": "<p>ما يسأل عنه.</p>"},
}


def arabic(page):
    return page.get_translation(Locale.objects.get(language_code="ar")).specific


def outcomes(loading, model):
    what = str(model._meta.verbose_name)
    return sorted(outcome for (name, outcome), count in loading.counts.items() if str(name) == what)


def test_a_section_page_loads_in_both_languages_and_exports_as_the_folder_gave_it(tmp_path):
    page = data.load_section_page(Loading(tmp_path), KnowledgeIndexPage, VALUE)

    assert (page.title, arabic(page).title) == ("Questions fréquentes", "الأسئلة المتداولة")
    assert arabic(page).slug == page.slug == "base-de-connaissances"
    assert data.export_section_page(KnowledgeIndexPage) == VALUE


def test_loading_the_same_section_page_again_changes_nothing(tmp_path):
    data.load_section_page(Loading(tmp_path), KnowledgeIndexPage, VALUE)
    again = Loading(tmp_path)

    data.load_section_page(again, KnowledgeIndexPage, VALUE)

    assert outcomes(again, KnowledgeIndexPage) == ["unchanged"]


def test_a_section_page_with_no_introduction_writes_none(tmp_path):
    value = {"slug": "actualites", "title": {"fr": "Les nouvelles", "ar": "الأخبار"}}

    data.load_section_page(Loading(tmp_path), NewsIndexPage, value, introduction=False)

    assert data.export_section_page(NewsIndexPage, introduction=False) == value
    assert "introduction" not in data.section_page_schema(introduction=False)["properties"]


def test_an_empty_introduction_is_left_out_of_the_export(tmp_path):
    value = {"slug": "base-de-connaissances", "title": VALUE["title"]}

    data.load_section_page(Loading(tmp_path), KnowledgeIndexPage, value)

    assert data.export_section_page(KnowledgeIndexPage) == value


def test_another_slug_adds_a_page_beside_one_found_by_its_slug(tmp_path):
    before = data.french_section_page(LibraryPage)

    page = data.load_section_page(Loading(tmp_path), LibraryPage, {**VALUE, "slug": "documents"})

    assert page.pk != before.pk
    assert list(LibraryPage.objects.child_of(home_page()).values_list("slug", flat=True)) == [
        "bibliotheque",
        "documents",
    ]


def test_another_slug_is_ignored_by_a_page_that_keeps_its_own(tmp_path):
    page = data.load_section_page(
        Loading(tmp_path),
        TrainingIndexPage,
        {**VALUE, "slug": "autre-catalogue"},
        other_slug=data.KEEP_SLUG,
    )

    assert page.pk == data.french_section_page(TrainingIndexPage).pk
    assert page.slug == arabic(page).slug != "autre-catalogue"
    assert page.title == "Questions fréquentes"


def test_another_slug_renames_a_page_in_both_languages(tmp_path):
    before = data.french_section_page(LegalTextIndexPage)

    page = data.load_section_page(
        Loading(tmp_path),
        LegalTextIndexPage,
        {**VALUE, "slug": "lois-et-decrets"},
        other_slug=data.RENAME,
    )

    assert page.pk == before.pk
    assert (page.slug, arabic(page).slug) == ("lois-et-decrets", "lois-et-decrets")
    assert LegalTextIndexPage.objects.child_of(home_page()).count() == 1


@pytest.mark.parametrize(("arabic_in_menus", "shown"), [(True, True), (False, False)])
def test_the_arabic_page_in_the_menus_is_left_to_its_editors_when_asked(
    tmp_path, arabic_in_menus, shown
):
    translation = arabic(data.french_section_page(KnowledgeIndexPage))
    translation.show_in_menus = False
    translation.save_revision().publish()

    page = data.load_section_page(
        Loading(tmp_path), KnowledgeIndexPage, VALUE, arabic_in_menus=arabic_in_menus
    )

    assert page.show_in_menus is True
    assert arabic(page).show_in_menus is shown


@pytest.mark.parametrize(("blank", "expected"), [(False, "Questions fréquentes"), (True, "")])
def test_a_page_not_yet_translated_exports_the_french_text_or_a_blank_one(
    tmp_path, blank, expected
):
    page = data.load_section_page(Loading(tmp_path), KnowledgeIndexPage, VALUE)
    arabic(page).delete()

    value = data.export_section_page(KnowledgeIndexPage, blank_when_untranslated=blank)

    assert value["title"] == {"fr": "Questions fréquentes", "ar": expected}
    assert data.arabic_translation(page) is None


def test_the_part_offers_its_kind_to_the_records_under_it_and_runs_what_follows(tmp_path):
    ran = []
    part = data.section_page_part(
        file="knowledge",
        key="knowledge_base",
        order=70,
        model=KnowledgeIndexPage,
        reference_kind="a test section",
        description="A section of the tests.",
        then=lambda: ran.append("then"),
    )
    catalogue = Catalogue()

    part.declare(VALUE, Checking(part, VALUE, catalogue, tmp_path))
    part.load(VALUE, Loading(tmp_path))

    assert catalogue.has("a test section", "knowledge_base")
    assert ran == ["then"]
    assert part.export(None) == VALUE
    assert part.schema == data.section_page_schema()


def test_a_part_with_no_reference_kind_offers_nothing():
    part = data.section_page_part("library", "library", 60, LibraryPage)

    assert part.declare is None


def test_the_references_know_the_pages_the_intranet_has():
    assert data.section_page_exists(KnowledgeIndexPage)("any key")
    assert data.french_page_exists(LibraryPage)("bibliotheque")
    assert not data.french_page_exists(LibraryPage)("no-such-page")
