"""Writes that readers never see in a kept page leave the content version alone.

A morning at the town hall is sign-ins, votes on knowledge articles, enrolments
in training sessions and editors saving drafts. None of them changes what a kept
page shows: a reader's own vote and the places left in a session are read at
each visit, outside any kept fragment, and a draft is seen only in the admin
until it is published. If each of them emptied the cache, the cache would stay
cold all morning. Publishing, on the other hand, still gives a new version.
"""

import pytest
from django.core.cache import caches
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from intranet.core import freshness
from knowledge.models import ArticleFeedback
from procedures_manual.models import ProcedurePage
from tests.knowledge import factories as knowledge
from tests.organisation import factories as organisation
from tests.procedures_manual import factories as procedures
from tests.training.factories import PersonFactory, SessionFactory
from training import enrolment
from training.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept_pages(settings):
    settings.CACHES = {
        **settings.CACHES,
        "content": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "n"},
    }
    caches["content"].clear()
    yield
    caches["content"].clear()


def an_article():
    """A published article of the test's own, in French and Arabic."""
    return knowledge.article()


def a_procedure():
    """A procedure of the test's own, live in both languages through the approval circuit."""
    return procedures.procedure(code="TS-01")


def test_a_vote_leaves_the_version_alone(client_for):
    article = an_article()
    reader = client_for("personnel")
    before = freshness.current()

    reader.post(f"{article.url}vote/", {"helpful": "no", "comment": "Il manque les horaires."})
    reader.post(f"{article.url}vote/", {"helpful": "yes"})  # a second vote replaces the first

    assert ArticleFeedback.objects.filter(article=article, user__username="personnel").count() == 1
    assert freshness.current() == before


def test_enrolling_cancelling_and_moving_up_the_waiting_list_leave_the_version_alone(client_for):
    session = SessionFactory(capacity=1)
    waiting = PersonFactory()
    before = freshness.current()

    client_for("accueil").post(f"/fr/training/sessions/{session.pk}/enrol/")
    enrolment.enrol(session.pk, waiting)
    client_for("accueil").post(f"/fr/training/sessions/{session.pk}/cancel/")

    assert Enrolment.objects.get(session=session, person=waiting).status == "enrolled"
    assert freshness.current() == before


def test_saving_a_draft_in_the_editor_leaves_the_version_alone(client_for):
    procedure = a_procedure()
    drafts = procedure.revisions.count()
    before = freshness.current()

    response = client_for("cellule").post(
        f"/admin/pages/{procedure.pk}/edit/",
        nested_form_data(
            {
                "title": "Déclaration d'essai (brouillon)",
                "slug": procedure.slug,
                "code": procedure.code,
                "category": procedure.category,
                "summary": procedure.summary,
                "audience": procedure.audience,
                "conditions": rich_text(""),
                "documents": inline_formset([]),
                "steps": streamfield([]),
                "service": procedure.service_id,
                "outcome": procedure.outcome,
                "forms": streamfield([]),
                "questions": streamfield([]),
                "legal_references": inline_formset([]),
                "review_interval_months": 12,
                "change_significance": "major",
                "comments": inline_formset([]),
            }
        ),
    )

    assert response.status_code == 302
    assert procedure.revisions.count() == drafts + 1  # the draft, its history line, its flag
    assert ProcedurePage.objects.get(pk=procedure.pk).title == "Déclaration d'essai"
    assert freshness.current() == before


def test_a_draft_saved_from_code_leaves_the_version_alone():
    page = an_article()
    before = freshness.current()
    page.title = "Brouillon"
    page.save_revision(log_action=True)
    assert freshness.current() == before


def test_publishing_the_draft_still_gives_a_new_version():
    page = an_article()
    page.title = "Nouvelle version publiée"
    revision = page.save_revision()
    before = freshness.current()
    revision.publish()
    assert freshness.current() != before


def test_a_change_to_a_session_itself_still_gives_a_new_version():
    session = SessionFactory(capacity=2)
    before = freshness.current()
    session.capacity = 3
    session.save()
    assert freshness.current() != before


def session_card(html, session):
    start = html.index(f'id="session-{session.pk}"')
    return html[start : html.index("</li>", start)]


def test_the_places_left_are_never_read_from_a_kept_page(kept_pages, client_for):
    session, trainee = SessionFactory(capacity=3), PersonFactory()
    reader = client_for("personnel")
    version = freshness.current()
    before = session_card(reader.get(session.course.url).content.decode(), session)

    enrolment.enrol(session.pk, trainee)

    after = session_card(reader.get(session.course.url).content.decode(), session)
    assert freshness.current() == version  # the kept pages were kept...
    assert after != before  # ...and the course page shows one place fewer, at once


def test_a_kept_page_is_still_served_from_the_cache_after_a_morning_of_writes(
    kept_pages, client_for, django_assert_max_num_queries
):
    # Building the test's pages, scheduling a session and opening an account are
    # content: done before the page is kept.
    service, article, page = organisation.service(), an_article(), a_procedure()
    session, newcomer = SessionFactory(), PersonFactory()
    reader = client_for("personnel")
    reader.get(service.url)

    client_for("cellule2")  # a sign-in
    reader.post(f"{article.url}vote/", {"helpful": "yes"})
    enrolment.enrol(session.pk, newcomer)
    page.title = "Brouillon du matin"
    page.save_revision(log_action=True)

    # Session, user, content version, then Wagtail's view restrictions (as in test_freshness).
    with django_assert_max_num_queries(8):
        response = reader.get(service.url)
    assert response.status_code == 200 and "Service des essais" in response.content.decode()
    assert ArticleFeedback.objects.filter(article=article, user__username="personnel").exists()
