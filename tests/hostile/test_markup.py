"""HTML and script typed into forms and rich text are shown as text, never run.

Plain fields are escaped by the templates; rich text goes through Wagtail's
whitelist, which keeps only the features an editor has buttons for.
"""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from intranet.reception.models import ReceptionVisit
from knowledge.models import ArticleFeedback, KnowledgeArticlePage, KnowledgeIndexPage
from tests.training.factories import PersonFactory, SessionFactory
from tests.training.factories import user as training_user
from training import enrolment

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMAGE = '<img src="x" onerror="alert(2)">'
HOSTILE = f"Horaires {SCRIPT}{IMAGE} fin"


def assert_nothing_executable(html):
    """No script tag and no event attribute of ours survives as markup."""
    assert "<script>alert(1)" not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "")  # escaped text is harmless
    assert '<img src="x"' not in html


def test_a_vote_comment_with_script_is_stored_as_text_and_shown_escaped(client_for):
    page = KnowledgeArticlePage.objects.get(
        slug="guide-depot-reclamation", locale__language_code="fr"
    )
    response = client_for("cellule2").post(
        f"{page.url}vote/", {"helpful": "no", "comment": HOSTILE}
    )
    assert response.status_code == 302
    assert ArticleFeedback.objects.get(article=page, user__username="cellule2").comment == HOSTILE
    report = client_for("communication").get(f"/admin/knowledge/feedback/?article={page.pk}")
    html = report.content.decode()
    assert report.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_nothing_executable(html)


def article_form(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "article-hostile",
            "topic": "reception",
            "summary": HOSTILE,
            "body": streamfield(
                [
                    (
                        "paragraph",
                        rich_text(
                            f'<p>Texte <b>gras</b> {SCRIPT}<img src="x" onerror="alert(2)"/></p>'
                        ),
                    )
                ]
            ),
            "service_links": inline_formset([]),
            "procedure_links": inline_formset([]),
            "responsible": "",
            "responsible_service": "",
            "last_reviewed_on": "2026-11-01",
            "review_interval_months": "12",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


def test_script_saved_through_the_admin_is_escaped_in_fields_and_stripped_from_rich_text(
    client_for,
):
    from django.contrib.auth import get_user_model

    index = KnowledgeIndexPage.objects.get(locale__language_code="fr")
    form = article_form(f"Accueil {SCRIPT}")
    form["responsible"] = str(get_user_model().objects.get(username="communication").pk)
    client = client_for("communication")
    response = client.post(f"/admin/pages/add/knowledge/knowledgearticlepage/{index.pk}/", form)
    assert response.status_code == 302
    page = KnowledgeArticlePage.objects.get(slug="article-hostile", locale__language_code="fr")
    assert page.live
    body = str(page.body[0].value)
    assert "<b>gras</b>" in body  # the whitelist keeps what the editor's buttons make
    assert "script" not in body and "onerror" not in body  # and drops the rest

    html = client_for("personnel").get(page.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the title and summary, as text
    assert_nothing_executable(html)

    found = client_for("personnel").get("/fr/search/", {"q": "horaires accueil"})
    assert found.status_code == 200
    assert_nothing_executable(found.content.decode())


@pytest.mark.parametrize("field", ["visitor_category", "gender", "outcome", "service", "procedure"])
def test_a_reception_visit_with_markup_in_a_field_is_refused_and_not_saved(client_for, field):
    data = {"visitor_category": "citizen", "gender": "man", "outcome": "answered", field: HOSTILE}
    before = ReceptionVisit.objects.count()
    response = client_for("accueil").post("/fr/reception/visits/", data, follow=True)
    assert response.status_code == 200
    assert ReceptionVisit.objects.count() == before
    assert_nothing_executable(response.content.decode())


def test_the_reception_desk_shows_a_query_with_markup_as_text(client_for):
    response = client_for("accueil").get("/fr/reception/", {"q": HOSTILE})
    assert response.status_code == 200
    assert_nothing_executable(response.content.decode())


def test_attendance_with_markup_instead_of_a_presence_is_refused_and_not_saved(client_for):
    session = SessionFactory(trainer=training_user("formateur"))
    enrolment.enrol(session.pk, PersonFactory())
    session.starts_at = session.starts_at.replace(year=session.starts_at.year - 1)
    session.ends_at = session.ends_at.replace(year=session.ends_at.year - 1)
    session.save()
    item = session.enrolments.get()
    response = client_for("formateur").post(
        f"/fr/training/sessions/{session.pk}/attendance/", {f"enrolment_{item.pk}": HOSTILE}
    )
    assert response.status_code == 200  # the form again, with its message
    assert response.context["form"].errors
    item.refresh_from_db()
    assert item.attended is None
    assert_nothing_executable(response.content.decode())


def test_a_council_decision_with_script_in_its_fields_is_shown_as_text(client_for):
    from intranet.news.models import CouncilDecisionPage
    from tests.news.factories import decision_form, decisions_index

    form = decision_form(
        title=f"Marché de gros {SCRIPT}",
        subject=f"Objet {SCRIPT}{IMAGE}",
        text=rich_text(f'<p>Le conseil approuve. {SCRIPT}<img src="x" onerror="alert(2)"/></p>'),
    )
    response = client_for("communication").post(
        f"/admin/pages/add/news/councildecisionpage/{decisions_index().pk}/",
        {**form, "action-publish": "action-publish"},
    )
    assert response.status_code == 302
    page = CouncilDecisionPage.objects.get(
        slug="gestion-deleguee-marche-de-gros", locale__language_code="fr"
    )
    assert "script" not in page.text and "onerror" not in page.text
    html = client_for("personnel").get(page.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_nothing_executable(html)
