"""Progress of a plan: actions done, indicators achieved, budget, overdue actions,
the quick progress update and the reception figures by gender."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape

from intranet.ipecag import progress, updating
from intranet.ipecag.models import WorkPlanPage
from intranet.reception.models import ReceptionVisit

from .factories import action, arabic, in_arabic, measure, objective, plan_page

TODAY = date.today()
pytestmark = pytest.mark.django_db


def user(username):
    return get_user_model().objects.get(username=username)


def small_plan(translate=False, arabic_titles=None):
    return plan_page(
        2031,
        [
            objective(
                "Accueil",
                measure(
                    "Espace d'accueil",
                    action(
                        "Comptoir installé", TODAY - timedelta(days=30), "done", 1, 1, 1000, 900
                    ),
                    action(
                        "Écrans posés", TODAY - timedelta(days=3), "in_progress", 4, 1, 3000, 500
                    ),
                    action("Signalétique", TODAY + timedelta(days=30), "planned", 10, 0, 6000),
                ),
            ),
            objective(
                "Plaintes",
                measure("Bureau", action("Numéro vert", TODAY + timedelta(days=5), "done")),
            ),
        ],
        translate=translate,
        arabic_titles=arabic_titles,
    )


def test_progress_counts_done_actions_and_indicator_achievement_per_objective():
    plan = progress.build(small_plan())
    reception, complaints = plan.objectives
    assert (reception.done_count, len(reception.actions), reception.done_percent) == (1, 3, 33)
    # 100 % (1/1), 25 % (1/4), 0 % (0/10): the mean of each action's achievement.
    assert reception.achievement == round((100 + 25 + 0) / 3)
    assert complaints.achievement is None  # no action with a target
    assert (reception.budget, reception.spent) == (Decimal(10000), Decimal(1400))
    assert plan.done_count == 2 and plan.done_percent == 50


def test_an_action_is_overdue_when_its_deadline_has_passed_and_it_is_not_done():
    plan = progress.build(small_plan())
    assert [a.title for a in plan.overdue] == ["Écrans posés"]


def test_the_progress_view_highlights_overdue_actions_in_both_languages(client_for):
    client = client_for("personnel")
    french = small_plan(arabic_titles={"Écrans posés": "تركيب الشاشات"})
    for language, page, late_title in (
        ("fr", french, "Écrans posés"),
        ("ar", in_arabic(french), "تركيب الشاشات"),
    ):
        plan = progress.build(page)
        assert [late.title for late in plan.overdue] == [late_title]
        html = client.get(page.url + "progress/").content.decode()
        assert html.count('class="is-overdue"') == 1
        assert escape(late_title) in html
        assert 'dir="rtl"' in html if language == "ar" else 'dir="ltr"' in html


def test_the_arabic_plan_shows_the_figures_of_the_french_plan():
    french = small_plan(translate=True)
    screens = progress.action_values(french)
    screens_id = next(i for i, a in screens.items() if a["title"] == "Écrans posés")
    updating.update_progress(
        french, {screens_id: {"status": "done", "measured": Decimal(4)}}, user("ipecag")
    )
    arabic_plan = WorkPlanPage.objects.get(translation_key=french.translation_key, locale=arabic())
    translated = {a.id: a for a in progress.build(arabic_plan).actions}
    assert translated[screens_id].status == "done"
    assert translated[screens_id].measured == Decimal(4)
    assert not translated[screens_id].overdue


def test_a_progress_update_is_a_published_revision_in_the_plans_history():
    page = small_plan()
    revisions = page.revisions.count()
    target = next(a for a in progress.build(page).actions if a.title == "Signalétique")
    result = updating.update_progress(
        page,
        {target.id: {"status": "in_progress", "measured": Decimal(3), "spent": Decimal(2500)}},
        user("ipecag"),
    )
    assert result.published and result.changed == 3
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    assert page.live_revision.user == user("ipecag")
    updated = {a.id: a for a in progress.build(page).actions}[target.id]
    assert (updated.status, updated.measured, updated.spent) == ("in_progress", 3, 2500)


def test_a_progress_update_waits_as_a_draft_when_someone_else_left_unpublished_changes():
    page = small_plan()
    draft = page.get_latest_revision_as_object()
    draft.title = "Plan en cours de révision"
    draft.save_revision(user=user("admin"))
    target = progress.build(page).actions[0]
    result = updating.update_progress(page, {target.id: {"status": "blocked"}}, user("ipecag"))
    assert not result.published
    page.refresh_from_db()
    assert page.title == "Plan 2031"  # nobody published the other edit by recording a status
    latest = page.get_latest_revision_as_object()
    assert latest.title == "Plan en cours de révision"
    assert progress.action_values(latest)[target.id]["status"] == "blocked"


def test_the_update_form_records_statuses_and_refuses_bad_values_without_saving(client_for):
    page = small_plan()
    plan = progress.build(page)
    url = f"/admin/ipecag/plans/{page.pk}/progress/"
    client = client_for("ipecag")
    form = {
        f"{a.id}-{name}": "" if getattr(a, name) is None else str(getattr(a, name))
        for a in plan.actions
        for name in ("status", "measured", "spent")
    }
    target = plan.actions[1]
    revisions = page.revisions.count()

    bad = {**form, f"{target.id}-measured": "-2", f"{target.id}-status": "done"}
    response = client.post(url, bad)
    assert response.status_code == 200
    assert "Rien n&#x27;a été enregistré" in response.content.decode()
    assert page.revisions.count() == revisions

    response = client.post(
        url, {**form, f"{target.id}-status": "done", f"{target.id}-measured": "4"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    updated = {a.id: a for a in progress.build(page).actions}[target.id]
    assert (updated.status, updated.measured) == ("done", 4)


def test_there_is_one_plan_per_year_in_each_language():
    page = small_plan(translate=True)
    duplicate = WorkPlanPage(title="Doublon", slug="doublon", year=2031, locale=page.locale)
    with pytest.raises(ValidationError) as error:
        duplicate.clean()
    assert "year" in error.value.message_dict
    arabic_plan = WorkPlanPage.objects.get(translation_key=page.translation_key, locale=arabic())
    arabic_plan.clean()  # the same year in the Arabic tree is the plan's translation


def test_translating_a_plan_keeps_the_ids_of_its_actions():
    page = small_plan(translate=True)
    arabic_plan = WorkPlanPage.objects.get(translation_key=page.translation_key, locale=arabic())
    assert set(progress.action_values(arabic_plan)) == set(progress.action_values(page))


def test_the_dashboard_counts_the_years_visitors_by_gender_and_category(client_for):
    page = small_plan()
    moment = timezone.make_aware(datetime(2031, 3, 8, 10))
    for gender, category in (("woman", "association"), ("woman", "citizen"), ("man", "citizen")):
        ReceptionVisit.objects.create(recorded_at=moment, gender=gender, visitor_category=category)
    ReceptionVisit.objects.create(
        recorded_at=timezone.make_aware(datetime(2030, 12, 31, 10)), gender="man"
    )
    response = client_for("ipecag").get(page.url + "progress/")
    reception = response.context["reception"]
    assert reception["total"] == 3 and reception["women_percent"] == 67
    # Bars and rows follow the register's order: women, men, not specified; citizens first.
    assert [bar.value for bar in reception["gender_chart"]] == [2, 1, 0]
    assert [row[1:] for row in reception["category_rows"]] == [(1, 1, 0, 2), (1, 0, 0, 1)]
