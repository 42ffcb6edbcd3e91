"""Two people edit the same page in Wagtail's editor: the second save, made from a form
opened before the first was saved, is refused instead of silently undoing the first.

Wagtail 8 itself refuses only a stale autosave; a click on "Save" would write the
form's old values over the newer revision. These tests go through the real editor,
posting what a browser posts (``loaded_revision_id`` included), for the two kinds of
shared pages: procedures (edited by the procedures cell) and council decisions
(edited by the communication service).
"""

from datetime import date
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.news import factories as news
from tests.permissions.test_matrix import form_data
from tests.procedures_manual import factories as procedures

pytestmark = pytest.mark.django_db


def a_decision():
    """A published council decision of the test's own: 30 for, 10 against, 2 abstentions."""
    return news.decision(47, date(news.YEAR, 3, 12), subject="Objet de la décision des essais")


def full_name(username):
    return get_user_model().objects.get(username=username).get_full_name()


def open_editor(client, page):
    """GIVEN a user opens the page editor: what their browser will post if they save."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return posted_back(response)


def posted_back(response):
    data = form_data(response.context["form"])
    data["loaded_revision_id"] = response.context["page"].latest_revision_id
    data["loaded_revision_created_at"] = response.context["loaded_revision_created_at"]
    return data


def save(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def latest(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def test_a_stale_save_of_a_council_decision_is_refused_and_names_who_saved(client_for):
    decision = a_decision()
    first, second = client_for("communication"), client_for("admin")
    seen_by_first, seen_by_second = open_editor(first, decision), open_editor(second, decision)
    revisions = decision.revisions.count()

    # WHEN the first saves new vote counts, then the second saves another subject
    response = save(first, decision, {**seen_by_first, "votes_for": "33", "votes_against": "7"})
    assert response.status_code == 302
    response = save(second, decision, {**seen_by_second, "subject": "Objet corrigé"})

    # THEN the second save is refused, nothing of it is saved, the first change stays
    assert response.status_code == 409
    assert decision.revisions.count() == revisions + 1
    assert latest(decision).votes_for == 33
    assert latest(decision).subject == "Objet de la décision des essais"
    html = unescape(response.content.decode())
    assert full_name("communication") in html
    assert "Rien n'a été enregistré" in html
    # ... shows what changed, their value against the one the form holds ...
    assert "la leur « 33 »" in html
    assert "la vôtre « 30 »" in html
    # ... and keeps what the second person typed.
    assert response.context["form"]["subject"].value() == "Objet corrigé"


def test_saving_again_after_seeing_the_changes_is_a_deliberate_choice(client_for):
    decision = a_decision()
    first, second = client_for("communication"), client_for("admin")
    seen_by_first, seen_by_second = open_editor(first, decision), open_editor(second, decision)
    save(first, decision, {**seen_by_first, "votes_for": "33", "votes_against": "7"})
    refused = save(second, decision, {**seen_by_second, "subject": "Objet corrigé"})

    # The form that comes back was loaded from the newest revision: it saves.
    response = save(second, decision, posted_back(refused))
    assert response.status_code == 302
    assert latest(decision).subject == "Objet corrigé"


def test_publishing_a_stale_council_decision_is_refused_too(client_for):
    decision = a_decision()
    first, second = client_for("communication"), client_for("admin")
    seen_by_first, seen_by_second = open_editor(first, decision), open_editor(second, decision)
    save(first, decision, {**seen_by_first, "subject": "Objet du premier"})
    live = decision.live_revision_id

    response = save(second, decision, {**seen_by_second, "action-publish": "publish"})
    assert response.status_code == 409
    decision.refresh_from_db()
    assert decision.live_revision_id == live


def test_a_stale_save_of_a_procedure_is_refused(client_for):
    procedure = procedures.procedure(code="TS-01")
    first, second = client_for("cellule"), client_for("cellule2")
    seen_by_first, seen_by_second = open_editor(first, procedure), open_editor(second, procedure)
    revisions = procedure.revisions.count()

    response = save(first, procedure, {**seen_by_first, "title": "Déclaration d'essai (A)"})
    assert response.status_code == 302
    response = save(second, procedure, {**seen_by_second, "fee_note": "Gratuit"})

    assert response.status_code == 409
    assert procedure.revisions.count() == revisions + 1
    assert latest(procedure).title == "Déclaration d'essai (A)"
    assert full_name("cellule") in unescape(response.content.decode())
    assert response.context["form"]["fee_note"].value() == "Gratuit"


def test_a_save_from_an_up_to_date_editor_goes_through(client_for):
    decision = a_decision()
    client = client_for("communication")
    response = save(client, decision, {**open_editor(client, decision), "subject": "Objet neuf"})
    assert response.status_code == 302
    # The same person saves twice in a row, each time from the form they were given back.
    response = save(client, decision, {**open_editor(client, decision), "subject": "Objet deux"})
    assert response.status_code == 302
    assert latest(decision).subject == "Objet deux"


def test_a_stale_autosave_is_still_refused_by_wagtail_itself(client_for):
    decision = a_decision()
    first, second = client_for("communication"), client_for("admin")
    seen_by_first, seen_by_second = open_editor(first, decision), open_editor(second, decision)
    save(first, decision, {**seen_by_first, "subject": "Objet du premier"})

    response = second.post(
        reverse("wagtailadmin_pages:edit", args=(decision.pk,)),
        {**seen_by_second, "subject": "Objet du second"},
        headers={"Accept": "application/json"},
    )
    assert response.json()["error_code"] == "invalid_revision"
    assert latest(decision).subject == "Objet du premier"


def test_the_users_own_autosave_since_the_editor_opened_is_no_conflict(client_for):
    """Wagtail's editor saves as one types, overwriting the user's latest revision in
    place: the "Save" or "Submit" that follows must not be refused as stale."""
    from django.utils import timezone

    decision = a_decision()
    editor = client_for("communication")
    seen = open_editor(editor, decision)
    save(editor, decision, {**seen, "subject": "Brouillon en cours"})
    seen = open_editor(editor, decision)
    own = decision.revisions.order_by("-created_at").first()
    own.created_at = timezone.now()  # what an autosave over the same revision does
    own.save(update_fields=["created_at"])

    response = save(editor, decision, {**seen, "subject": "Objet définitif"})

    assert response.status_code == 302
    assert latest(decision).subject == "Objet définitif"
