"""Legal texts that change send procedures back for review; languages stay in step."""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import TaskState

from procedures_manual import review
from procedures_manual.approval import approve_through_workflow
from procedures_manual.models import (
    ChangeSignificance,
    LegalTextPage,
    ReviewFlag,
    RevisionSignificance,
)
from tests.procedures_manual.factories import (
    arabic,
    building,
    circuit,
    legal_text,
    procedure,
    responsible_service,
    translation_of,
    user,
)

pytestmark = pytest.mark.django_db

TITLE = "Déclaration d'essai"


def without_bdi(html):
    """Page text with the direction marks around codes taken out."""
    return unescape(re.sub(r"</?bdi[^>]*>", "", html))


def civil_status_law():
    return legal_text(number="88-20")


def citing(text, code="TS-01", articles="15", **fields):
    """A live procedure, in both languages, that cites ``text``."""
    return procedure(code=code, references=[(text, articles)], **fields)


def mark_repealed(text):
    text.status = LegalTextPage.Status.REPEALED
    text.save_revision(user=user("juriste")).publish(user=user("juriste"))


def test_repealing_a_text_flags_every_procedure_citing_it_in_both_languages():
    law = civil_status_law()
    citing(law, "TS-01", "15")
    citing(law, "TS-02", "14, 15")
    procedure(code="TS-03", references=[(legal_text(number="12-90"), "")])
    mark_repealed(law)
    flagged = set(
        ReviewFlag.objects.open()
        .filter(kind=ReviewFlag.Kind.LEGAL_REVIEW)
        .values_list("procedure__code", "procedure__locale__language_code")
    )
    assert {("TS-01", "fr"), ("TS-01", "ar"), ("TS-02", "fr"), ("TS-02", "ar")} <= flagged
    assert ("TS-03", "fr") not in flagged and ("TS-03", "ar") not in flagged


def test_republishing_the_repealed_text_does_not_flag_twice():
    text = civil_status_law()
    citing(text, translate=False)
    mark_repealed(text)
    count = ReviewFlag.objects.open().count()
    assert count >= 1
    text.save_revision(user=user("juriste")).publish(user=user("juriste"))
    assert ReviewFlag.objects.open().count() == count


def test_flagged_procedures_are_listed_for_the_legal_advisor_until_reviewed(client_for):
    law = civil_status_law()
    citing(law, translate=False)
    mark_repealed(law)
    client = client_for("juriste")
    dashboard = without_bdi(client.get("/admin/").content.decode())
    assert "Revue juridique nécessaire" in dashboard
    assert f"TS-01 · {TITLE}" in dashboard

    flag = ReviewFlag.objects.open().get(
        procedure__code="TS-01", procedure__locale__language_code="fr"
    )
    client.post(f"/admin/procedures/flags/{flag.pk}/resolve/")
    flag.refresh_from_db()
    assert flag.resolved_by == user("juriste")
    assert f"TS-01 · {TITLE}" not in without_bdi(client.get("/admin/").content.decode())


def test_only_a_legal_advisor_marks_a_procedure_as_reviewed(client_for):
    law = civil_status_law()
    citing(law, translate=False)
    mark_repealed(law)
    flag = ReviewFlag.objects.open().first()
    response = client_for("cellule").post(f"/admin/procedures/flags/{flag.pk}/resolve/")
    assert response.status_code in (302, 403)
    flag.refresh_from_db()
    assert flag.resolved_at is None


def test_a_legal_approval_clears_the_legal_review_flag():
    law = civil_status_law()
    cited = citing(law, translate=False)
    mark_repealed(law)
    assert ReviewFlag.objects.open().filter(procedure=cited).exists()
    approve_through_workflow(cited, *circuit())
    assert not ReviewFlag.objects.open().filter(procedure=cited).exists()


def test_a_major_change_in_french_flags_the_arabic_version_until_it_is_updated():
    french = procedure()
    arabic = translation_of(french)
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
    french = procedure(code="TS-01")
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
    page = procedure(code="TS-01", translate=False, review_interval_months=12)
    page.owner = user("cellule")
    page.save()
    later = date.today() + timedelta(days=400)
    assert page in review.procedures_past_review(today=later)
    assert page not in review.procedures_past_review()

    assert review.remind_owners(today=later) == 1
    assert mail.outbox[-1].to == [user("cellule").email]
    assert "TS-01" in mail.outbox[-1].body


def test_a_legal_text_page_lists_the_procedures_citing_it(staff_client):
    law = civil_status_law()
    citing(law, french={"title": TITLE}, translate=False)
    procedure(code="TS-02", french={"title": "Permis d'essai"}, translate=False)
    html = unescape(staff_client.get(law.url).content.decode())
    assert TITLE in html
    assert "Article 15" in html
    assert "Permis d'essai" not in html


def test_a_service_page_lists_its_procedures(staff_client):
    service = responsible_service(slug="service-legalisation-essai")
    other = responsible_service(slug="service-urbanisme-essai", title_ar="مصلحة تعمير التجارب")
    procedure(code="TS-01", service=service, arabic_words={"title": "تصحيح إمضاء التجربة"})
    procedure(code="TS-02", service=other, arabic_words={"title": "رخصة بناء التجربة"})
    html = unescape(staff_client.get(service.get_translation(arabic()).url).content.decode())
    assert "تصحيح إمضاء التجربة" in html
    assert "رخصة بناء التجربة" not in html


def test_a_procedure_page_shows_what_to_bring_pay_and_where_to_go(staff_client):
    service = responsible_service(
        title="Service des autorisations d'essai", building=building("Annexe des essais")
    )
    page = procedure(
        code="TS-01",
        french={"documents": [("Certificat d'essai de moins de trois mois", "original", 1)]},
        fee_amount=1000,
        max_delay_days=60,
        service=service,
        references=[(legal_text(number="12-90"), "")],
        translate=False,
    )
    html = unescape(staff_client.get(page.url).content.decode())
    for expected in (
        "Certificat d'essai de moins de trois mois",
        "1000 DH",
        "60 jours",
        "Service des autorisations d'essai",
        ">12-90<",
        "Annexe des essais",
    ):
        assert expected in html, expected


def test_the_arabic_procedure_page_is_in_arabic_right_to_left(staff_client):
    law = legal_text(title_ar="القانون المتعلق بالتجارب")
    certificate = "شهادة التجربة المسلمة من المختبر"
    french = citing(law, arabic_words={"documents": [(certificate, "original", 1)]})
    html = unescape(staff_client.get(translation_of(french).url).content.decode())
    assert 'dir="rtl"' in html
    assert "الوثائق المطلوبة" in html and certificate in html
    assert "القانون المتعلق بالتجارب" in html


def test_an_article_that_the_text_does_not_contain_is_refused():
    from django.core.exceptions import ValidationError

    reference = citing(civil_status_law(), translate=False).legal_references.first()
    reference.articles = "15, 999"
    with pytest.raises(ValidationError) as error:
        reference.clean()
    assert "999" in str(error.value)


def test_the_reminder_command_reports_what_is_overdue():
    import io

    from django.core.management import call_command

    overdue_before = len(review.procedures_past_review())
    page = procedure(code="TS-01", translate=False)
    TaskState.objects.filter(revision__object_id=str(page.pk)).update(
        finished_at=timezone.now() - timedelta(days=800)
    )

    output = io.StringIO()
    call_command("remind_reviews", stdout=output)
    assert f"TS-01 {TITLE}" in output.getvalue()
    assert f"{overdue_before + 1} procedure(s) past review" in output.getvalue()
