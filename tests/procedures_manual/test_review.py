"""Legal texts that change send procedures back for review; languages stay in step."""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from procedures_manual import review
from procedures_manual.approval import approve_through_workflow
from procedures_manual.models import (
    ChangeSignificance,
    LegalTextPage,
    ProcedurePage,
    ReviewFlag,
    RevisionSignificance,
)

pytestmark = pytest.mark.django_db


def user(username):
    return get_user_model().objects.get(username=username)


def circuit():
    return user("cellule"), user("cellule2"), user("juriste")


def without_bdi(html):
    """Page text with the direction marks around codes taken out."""
    return unescape(re.sub(r"</?bdi[^>]*>", "", html))


def civil_status_law():
    return LegalTextPage.objects.get(number="37-99", locale__language_code="fr")


def mark_repealed(text):
    text.status = LegalTextPage.Status.REPEALED
    text.save_revision(user=user("juriste")).publish(user=user("juriste"))


def test_repealing_a_text_flags_every_procedure_citing_it_in_both_languages():
    mark_repealed(civil_status_law())
    flagged = set(
        ReviewFlag.objects.open()
        .filter(kind=ReviewFlag.Kind.LEGAL_REVIEW)
        .values_list("procedure__code", "procedure__locale__language_code")
    )
    assert {("EC-01", "fr"), ("EC-01", "ar"), ("EC-02", "fr"), ("EC-07", "ar")} <= flagged
    assert ("UR-01", "fr") not in flagged


def test_republishing_the_repealed_text_does_not_flag_twice():
    text = civil_status_law()
    mark_repealed(text)
    count = ReviewFlag.objects.open().count()
    text.save_revision(user=user("juriste")).publish(user=user("juriste"))
    assert ReviewFlag.objects.open().count() == count


def test_flagged_procedures_are_listed_for_the_legal_advisor_until_reviewed(client_for):
    mark_repealed(civil_status_law())
    client = client_for("juriste")
    dashboard = without_bdi(client.get("/admin/").content.decode())
    assert "Revue juridique nécessaire" in dashboard
    assert "EC-01 · Déclaration de naissance" in dashboard

    flag = ReviewFlag.objects.open().get(
        procedure__code="EC-01", procedure__locale__language_code="fr"
    )
    client.post(f"/admin/procedures/flags/{flag.pk}/resolve/")
    flag.refresh_from_db()
    assert flag.resolved_by == user("juriste")
    assert "EC-01 · Déclaration de naissance" not in unescape(
        client.get("/admin/").content.decode()
    )


def test_only_a_legal_advisor_marks_a_procedure_as_reviewed(client_for):
    mark_repealed(civil_status_law())
    flag = ReviewFlag.objects.open().first()
    response = client_for("cellule").post(f"/admin/procedures/flags/{flag.pk}/resolve/")
    assert response.status_code in (302, 403)
    flag.refresh_from_db()
    assert flag.resolved_at is None


def test_a_legal_approval_clears_the_legal_review_flag():
    mark_repealed(civil_status_law())
    procedure = ProcedurePage.objects.get(code="EC-01", locale__language_code="fr")
    approve_through_workflow(procedure, *circuit())
    assert not ReviewFlag.objects.open().filter(procedure=procedure).exists()


def test_a_major_change_in_french_flags_the_arabic_version_until_it_is_updated():
    french = ProcedurePage.objects.get(code="EC-01", locale__language_code="fr")
    arabic = ProcedurePage.objects.get(code="EC-01", locale__language_code="ar")
    french.max_delay_days = 3
    approve_through_workflow(french, *circuit())
    assert (
        ReviewFlag.objects.open()
        .filter(procedure=arabic, kind=ReviewFlag.Kind.TRANSLATION_OUTDATED)
        .exists()
    )
    assert not ReviewFlag.objects.open().filter(procedure=french).exists()

    arabic.max_delay_days = 3
    approve_through_workflow(arabic, *circuit())
    assert not ReviewFlag.objects.open().filter(procedure=arabic).exists()


def test_a_minor_change_leaves_the_other_language_alone():
    french = ProcedurePage.objects.get(code="LG-01", locale__language_code="fr")
    french.summary += " "
    revision = french.save_revision(user=user("cellule"))
    RevisionSignificance.objects.create(revision=revision, significance=ChangeSignificance.MINOR)
    workflow_state = french.get_workflow().start(french, user("cellule"))
    for reviewer in ("cellule2", "juriste"):
        workflow_state.refresh_from_db()
        state = workflow_state.current_task_state.specific
        state.task.specific.on_action(state, user(reviewer), "approve")
    assert (
        not ReviewFlag.objects.open()
        .filter(procedure__translation_key=french.translation_key)
        .exists()
    )


def test_procedures_past_their_review_date_are_listed_and_their_owners_reminded():
    procedure = ProcedurePage.objects.get(code="UR-01", locale__language_code="fr")
    procedure.owner = user("cellule")
    procedure.save()
    later = date.today() + timedelta(days=400)
    assert procedure in review.procedures_past_review(today=later)
    assert procedure not in review.procedures_past_review()

    assert review.remind_owners(today=later) == 1
    assert mail.outbox[-1].to == ["cellule@benimellal.ma"]
    assert "UR-01" in mail.outbox[-1].body


def test_a_legal_text_page_lists_the_procedures_citing_it(staff_client):
    html = unescape(staff_client.get(civil_status_law().url).content.decode())
    assert "Déclaration de naissance" in html
    assert "Article 15" in html
    assert "Permis de construire" not in html


def test_a_service_page_lists_its_procedures(staff_client):
    from intranet.organisation.models import ServicePage

    service = ServicePage.objects.get(slug="service-legalisation", locale__language_code="ar")
    html = unescape(staff_client.get(service.url).content.decode())
    assert "تصحيح الإمضاء" in html
    assert "رخصة البناء" not in html


def test_a_procedure_page_shows_what_to_bring_pay_and_where_to_go(staff_client):
    procedure = ProcedurePage.objects.get(code="UR-01", locale__language_code="fr")
    html = unescape(staff_client.get(procedure.url).content.decode())
    for expected in (
        "Certificat de propriété de moins de trois mois",
        "1000 DH",
        "60 jours",
        "Service des autorisations d'urbanisme",
        ">12-90<",
        "Annexe technique",
    ):
        assert expected in html, expected


def test_the_arabic_procedure_page_is_in_arabic_right_to_left(staff_client):
    procedure = ProcedurePage.objects.get(code="EC-01", locale__language_code="ar")
    html = unescape(staff_client.get(procedure.url).content.decode())
    assert 'dir="rtl"' in html
    assert "الوثائق المطلوبة" in html and "شهادة الولادة المسلمة من المستشفى أو المولدة" in html
    assert "القانون المتعلق بالحالة المدنية" in html


def test_an_article_that_the_text_does_not_contain_is_refused():
    from django.core.exceptions import ValidationError

    procedure = ProcedurePage.objects.get(code="EC-01", locale__language_code="fr")
    reference = procedure.legal_references.first()
    reference.articles = "15, 999"
    with pytest.raises(ValidationError) as error:
        reference.clean()
    assert "999" in str(error.value)


def test_the_reminder_command_reports_what_is_overdue():
    import io

    from django.core.management import call_command

    output = io.StringIO()
    call_command("remind_reviews", stdout=output)
    assert "0 procedure(s) past review" in output.getvalue()
