"""Two people update the progress of the same plan at once: neither silently undoes the other.

The form remembers the revision it was built from. What the second person did not
touch keeps the first person's values; a value both changed is refused, with
who saved, when, their value and the one typed, and the typed values kept.
"""

from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth import get_user_model

from intranet.ipecag import progress, updating

from .factories import action, measure, objective, plan_page

pytestmark = pytest.mark.django_db
TODAY = date.today()


def user(username):
    return get_user_model().objects.get(username=username)


def shared_plan():
    return plan_page(
        2032,
        [
            objective(
                "Accueil",
                measure(
                    "Espace d'accueil",
                    action("Comptoir installé", TODAY + timedelta(days=10), "planned", 1, 0),
                    action("Écrans posés", TODAY + timedelta(days=20), "in_progress", 4, 1),
                ),
            )
        ],
    )


def url(page):
    return f"/admin/ipecag/plans/{page.pk}/progress/"


def open_form(client, page):
    """GIVEN someone opens "Update progress": the data their browser will post back."""
    response = client.get(url(page))
    assert response.status_code == 200
    assert 'name="seen_revision"' in response.content.decode()  # the form says what it showed
    return posted_back(response.context["form"])


def posted_back(form):
    return {
        name: "" if form[name].value() is None else str(form[name].value()) for name in form.fields
    }


def actions(page):
    return {a.title: a for a in progress.build(page.get_latest_revision_as_object()).actions}


def ids(page):
    return {title: a.id for title, a in actions(page).items()}


def test_a_later_save_from_an_older_form_keeps_what_the_first_person_recorded(client_for):
    page = shared_plan()
    counter, screens = ids(page)["Comptoir installé"], ids(page)["Écrans posés"]
    first, second = client_for("ipecag"), client_for("admin")
    seen_by_first, seen_by_second = open_form(first, page), open_form(second, page)

    # WHEN the first records the counter done, then the second the screens' measure
    response = first.post(url(page), {**seen_by_first, f"{counter}-status": "done"})
    assert response.status_code == 302
    response = second.post(url(page), {**seen_by_second, f"{screens}-measured": "3"})
    assert response.status_code == 302

    # THEN both changes are in the plan: the second form did not put "planned" back
    page.refresh_from_db()
    now = actions(page)
    assert now["Comptoir installé"].status == "done"
    assert now["Écrans posés"].measured == 3


def test_a_value_both_changed_is_refused_naming_who_saved_and_keeping_the_input(client_for):
    page = shared_plan()
    counter = ids(page)["Comptoir installé"]
    first, second = client_for("ipecag"), client_for("admin")
    seen_by_first, seen_by_second = open_form(first, page), open_form(second, page)
    first.post(url(page), {**seen_by_first, f"{counter}-status": "done"})
    page.refresh_from_db()
    revisions = page.revisions.count()

    response = second.post(
        url(page), {**seen_by_second, f"{counter}-status": "blocked", f"{counter}-measured": "1"}
    )

    assert response.status_code == 409
    page.refresh_from_db()
    assert page.revisions.count() == revisions  # nothing saved, not even the measured value
    assert actions(page)["Comptoir installé"].status == "done"
    html = unescape(response.content.decode())
    assert user("ipecag").get_full_name() in html
    (conflict,) = response.context["conflicts"]
    assert (conflict.title, conflict.field) == ("Comptoir installé", "status")
    assert (conflict.theirs, conflict.yours) == ("done", "blocked")
    form = response.context["form"]
    assert form[f"{counter}-status"].value() == "blocked"
    assert form[f"{counter}-measured"].value() == "1"


def test_saving_the_refused_form_again_records_the_users_values_deliberately(client_for):
    page = shared_plan()
    counter, screens = ids(page)["Comptoir installé"], ids(page)["Écrans posés"]
    first, second = client_for("ipecag"), client_for("admin")
    seen_by_first, seen_by_second = open_form(first, page), open_form(second, page)
    first.post(
        url(page),
        {**seen_by_first, f"{counter}-status": "done", f"{screens}-measured": "2"},
    )
    refused = second.post(url(page), {**seen_by_second, f"{counter}-status": "blocked"})
    assert refused.status_code == 409

    response = second.post(url(page), posted_back(refused.context["form"]))

    assert response.status_code == 302
    page.refresh_from_db()
    now = actions(page)
    assert now["Comptoir installé"].status == "blocked"
    assert now["Écrans posés"].measured == 2  # the first person's other value survives


def test_the_same_value_recorded_by_both_is_not_a_conflict():
    page = shared_plan()
    counter = ids(page)["Comptoir installé"]
    seen = page.latest_revision_id
    updating.update_progress(page, {counter: {"status": "done"}}, user("ipecag"), seen)
    result = updating.update_progress(page, {counter: {"status": "done"}}, user("admin"), seen)
    assert result.changed == 0


def test_an_update_of_an_action_removed_meanwhile_is_refused():
    page = shared_plan()
    counter = ids(page)["Comptoir installé"]
    seen = page.latest_revision_id
    draft = page.get_latest_revision_as_object()
    actions_block = draft.objectives[0].value["measures"][0]["actions"]
    del actions_block[0]
    draft.save_revision(user=user("admin"))

    with pytest.raises(updating.StaleProgress) as refusal:
        updating.update_progress(
            page, {counter: {"status": "done", "measured": Decimal(1)}}, user("ipecag"), seen
        )
    assert {c.field for c in refusal.value.conflicts} == {"status", "measured"}
    assert all(c.removed for c in refusal.value.conflicts)
