"""Whoever takes a procedure off the manual says why, and the reason stays in its history.

Unpublishing a procedure unpublishes its translation with it (the page trees of
the two languages are kept in step): both histories keep the reason.
"""

from datetime import date
from html import unescape

import pytest
from wagtail.models import PageLogEntry

from procedures_manual.withdrawal import UNPUBLISH_WITH_REASON
from tests.news.factories import news as news_page
from tests.procedures_manual.factories import procedure, translation_of

pytestmark = pytest.mark.django_db

REASON = "Le décret qui fondait cette procédure a été abrogé."


def is_live(page):
    return type(page).objects.get(pk=page.pk).live


def reasons_in_history(page):
    return list(
        PageLogEntry.objects.filter(page_id=page.pk, action=UNPUBLISH_WITH_REASON).values_list(
            "data__reason", flat=True
        )
    )


def test_the_unpublish_page_of_a_procedure_asks_why(client_for):
    page = procedure(translate=False)
    response = client_for("juriste").get(f"/admin/pages/{page.pk}/unpublish/")
    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()


def test_a_procedure_is_not_unpublished_without_a_reason(client_for):
    french = procedure()
    arabic = translation_of(french)
    response = client_for("juriste").post(f"/admin/pages/{french.pk}/unpublish/", {"reason": " "})
    assert response.status_code == 200  # the form again, with its error
    assert "Indiquez pourquoi elle est dépubliée" in unescape(response.content.decode())
    assert is_live(french) and is_live(arabic)


def test_the_reason_is_kept_in_the_history_of_the_procedure_and_of_its_translation(client_for):
    french = procedure()
    arabic = translation_of(french)
    juriste = client_for("juriste")

    response = juriste.post(f"/admin/pages/{french.pk}/unpublish/", {"reason": REASON})

    assert response.status_code == 302
    assert not is_live(french) and not is_live(arabic)
    assert reasons_in_history(french) == [REASON]
    assert reasons_in_history(arabic) == [REASON]
    entry = PageLogEntry.objects.get(page_id=arabic.pk, action=UNPUBLISH_WITH_REASON)
    assert entry.user.username == "juriste"
    history = juriste.get(f"/admin/pages/{french.pk}/history/").content.decode()
    assert "abrogé" in history


def test_bulk_unpublishing_procedures_asks_why_too(client_for):
    page = procedure(code="TS-02", translate=False)
    juriste = client_for("juriste")
    url = f"/admin/bulk/wagtailcore/page/unpublish/?id={page.pk}"

    refused = juriste.post(url, {"reason": ""})
    assert refused.status_code == 200
    assert is_live(page)

    done = juriste.post(url, {"reason": REASON})
    assert done.status_code == 302
    assert not is_live(page)
    assert reasons_in_history(page) == [REASON]


def test_other_pages_are_still_unpublished_in_bulk_without_a_reason(client_for):
    news = news_page("actualite-de-test", date(2026, 6, 1))
    response = client_for("admin").post(f"/admin/bulk/wagtailcore/page/unpublish/?id={news.pk}")
    assert response.status_code == 302
    assert not is_live(news)
