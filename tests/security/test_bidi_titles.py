"""Titles and file names lose their bidirectional controls when saved, wherever they come from;
the right-to-left and left-to-right marks that Arabic text uses stay."""

import io

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page

from intranet.organisation.models import Building
from intranet.security.bidi import BIDI_CONTROLS, strip_bidi_controls
from tests.library.factories import make_document, pdf_bytes, png_bytes

RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"
LRM, RLM = "\u200e", "\u200f"


@pytest.mark.parametrize("control", list(BIDI_CONTROLS))
def test_every_embedding_override_and_isolate_is_removed(control):
    assert strip_bidi_controls(f"Arrêté{control} municipal") == "Arrêté municipal"


def test_the_marks_arabic_text_uses_and_the_neighbouring_characters_stay():
    text = f"قرار{RLM} رقم 12{LRM} 2025\u2029\u202f\u2065\u206a"
    assert strip_bidi_controls(text) == text


@pytest.fixture
def published_page(db):
    return Page.objects.live().filter(depth=3, locale__language_code="fr").first().specific


def test_a_pages_title_draft_title_and_seo_title_are_stripped(published_page):
    page = published_page
    page.title = page.draft_title = f"Avis{RLO}fdp.exe"
    page.seo_title = f"{RLI}Avis{PDI}"
    page.save()
    page.refresh_from_db()
    assert (page.title, page.draft_title, page.seo_title) == ("Avisfdp.exe", "Avisfdp.exe", "Avis")


def test_a_draft_and_its_revision_are_stripped_and_so_is_the_page_once_published(published_page):
    page = published_page
    page.title = f"Compte rendu{RLO} du conseil{PDF}"
    revision = page.save_revision()
    revision.refresh_from_db()
    assert revision.object_str == "Compte rendu du conseil"
    assert revision.content["title"] == "Compte rendu du conseil"
    page.refresh_from_db()
    assert page.draft_title == "Compte rendu du conseil"
    revision.publish()
    page.refresh_from_db()
    assert page.title == "Compte rendu du conseil"


def test_an_arabic_title_keeps_its_marks(published_page):
    page = published_page
    page.title = f"محضر{RLM} الدورة 3{LRM}"
    page.save()
    page.refresh_from_db()
    assert page.title == f"محضر{RLM} الدورة 3{LRM}"


@pytest.mark.django_db
def test_a_documents_title_and_file_name_are_stripped():
    document = make_document(f"Facture{RLO}fdp.exe", f"facture{RLO}fdp.exe.pdf", pdf_bytes("F"))
    document.refresh_from_db()
    assert document.title == "Facturefdp.exe"
    assert not set(BIDI_CONTROLS) & set(document.file.name)


@pytest.mark.django_db
def test_an_images_title_is_stripped():
    image = get_image_model().objects.create(
        title=f"{RLI}Plan du souk{PDI}",
        file=ImageFile(io.BytesIO(png_bytes(20, 20)), name=f"plan{RLO}.png"),
    )
    image.refresh_from_db()
    assert image.title == "Plan du souk"
    assert not set(BIDI_CONTROLS) & set(image.file.name)


@pytest.mark.django_db
def test_a_snippets_name_is_stripped():
    building = Building.objects.first()
    building.name = f"Annexe{RLO} administrative"
    building.save()
    building.refresh_from_db()
    assert building.name == "Annexe administrative"
