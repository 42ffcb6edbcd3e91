"""A petition goes from the office, with its signatories, to the bureau of the council,
and back to its representative (organic law 113-14, articles 121 to 125)."""

from datetime import timedelta
from html import unescape

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import ModelLogEntry

from intranet.requests_office import petitions, privacy
from intranet.requests_office.handling import StepRefused
from intranet.requests_office.models import Petition

from .factories import days_ago, office_agent, person, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return office_agent()


def playground(office, **fields):
    return petitions.receive(
        recorded_by=office,
        **{
            "petitioner": "association",
            "association_name": "Association Al Amal du quartier Ouled Hamdane",
            "representative_name": "Rachid Bennani",
            "representative_national_id": "I201234",
            "subject": "Aménager une aire de jeux au quartier Ouled Hamdane",
            "text": "Nous demandons l'inscription de ce point à l'ordre du jour du conseil.",
            **fields,
        },
    )


def signatures(count, on_lists=True, start=0):
    voter = "oui" if on_lists else "non"
    return "\n".join(
        f"Signataire {n} ; I{100000 + n} ; Rue {n}, Beni Mellal ; {voter}"
        for n in range(start, start + count)
    )


def test_a_petition_gets_its_reference_and_the_bureaus_three_months(office, settings):
    settings.PETITION_DECISION_MONTHS = 3
    petition = playground(office, received_on=timezone.localdate().replace(day=1))
    assert petition.reference.startswith(f"PET-{petition.received_on:%Y}-")
    assert petitions.add_months(petition.received_on, 3) == petition.decision_due


def test_three_months_from_the_last_day_of_a_month_end_on_a_real_day():
    from datetime import date

    assert petitions.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_signatories_are_typed_one_per_line_and_each_mistake_names_its_line(office):
    petition = playground(office)
    typed = "\n".join(
        [
            "Fatima Zahra Alaoui ; I284517 ; Rue Oum Errabia 12 ; oui",
            "Mohamed Tazi ; 12345 ; Hay El Massira ; oui",
            "Aicha Lamrini ; IB55432 ; Hay Atlas ; peut-être",
            "Sans adresse ; I777777",
            "Fatima Zahra Alaoui ; I284517 ; Rue Oum Errabia 12 ; oui",
        ]
    )
    with pytest.raises(StepRefused) as refused:
        petitions.add_signatories(petition, office, typed)
    problems = str(refused.value).splitlines()
    assert [problem.split(":")[0].strip() for problem in problems] == [
        "Ligne 2",
        "Ligne 3",
        "Ligne 4",
        "Ligne 5",
    ]
    assert petition.signatories.count() == 0  # nothing is added while a line is wrong


def test_a_column_copied_from_a_spreadsheet_is_read(office):
    petition = playground(office)
    added = petitions.add_signatories(
        petition,
        office,
        "Said Amrani\tI998877\tHay Nahda\toui\nلطيفة العلوي\tI112233\tحي الأطلس\tنعم",
    )
    assert added == 2 and petitions.counted_signatures(petition) == 2


def test_nobody_signs_twice(office):
    petition = playground(office)
    petitions.add_signatories(petition, office, signatures(3))
    with pytest.raises(StepRefused, match="I100001"):
        petitions.add_signatories(petition, office, signatures(1, start=1))


def test_the_office_checks_the_conditions_and_the_bureau_admits_the_point(office, settings):
    settings.PETITION_MIN_SIGNATURES = 5
    petition = playground(office)
    petitions.add_signatories(petition, office, signatures(5) + "\n" + signatures(2, False, 50))
    met = petitions.check(
        petition, office, residents_and_voters=True, within_powers=True, not_already_decided=True
    )
    assert met and petition.status == "with_the_bureau" and petition.signatures_counted == 5
    petitions.record_bureau_decision(
        petition,
        office,
        admitted=True,
        decided_on=days_ago(1),
        session="Session ordinaire de février",
    )
    petitions.notify(petition, office, days_ago(0))
    petition.refresh_from_db()
    assert petition.status == "admitted" and petition.notified_on == days_ago(0)
    assert [event.kind for event in petition.events.all()] == [
        "received",
        "signatories",
        "checked",
        "bureau_decision",
        "notified",
    ]


def test_too_few_signatures_are_named_in_the_findings_and_the_bureau_refuses_with_reasons(
    office, settings
):
    settings.PETITION_MIN_SIGNATURES = 200
    petition = playground(office)
    petitions.add_signatories(petition, office, signatures(150))
    assert not petitions.check(
        petition, office, residents_and_voters=True, within_powers=True, not_already_decided=True
    )
    (count_met, count_line), *_others = petitions.findings(petition)
    assert not count_met and "150" in count_line and "200" in count_line
    with pytest.raises(StepRefused, match="article 125"):
        petitions.record_bureau_decision(petition, office, admitted=False, decided_on=days_ago(0))
    petitions.record_bureau_decision(
        petition,
        office,
        admitted=False,
        decided_on=days_ago(0),
        reasons="150 signatures sur les 200 exigées par l'article 123.",
    )
    assert petition.status == "refused"


def test_a_petition_without_the_bureaus_answer_after_three_months_is_late(office):
    petition = playground(office, received_on=timezone.localdate() - timedelta(days=100))
    assert petition.is_late()


@pytest.mark.parametrize("role", ["staff", "reception", "administrator", "procedures_cell"])
def test_only_the_office_handles_and_reads_petitions(office, role):
    petition = playground(office)
    someone = person(f"autre-{role}", role=role)
    client = signed_in(someone)
    assert client.get("/fr/requests/petitions/").status_code == 403
    assert client.get(f"/fr/requests/petitions/{petition.reference}/").status_code == 403
    assert (
        client.post(f"/fr/requests/petitions/{petition.reference}/note/", {"text": "x"}).status_code
        == 403
    )
    with pytest.raises(PermissionDenied):
        petitions.add_note(petition, someone, "x")


def test_the_office_records_a_petition_and_its_signatories_through_its_pages(office):
    client = signed_in(office)
    response = client.post(
        "/fr/requests/petitions/new/",
        {
            "petitioner": "citizens",
            "received_on": days_ago(0).isoformat(),
            "language": "ar",
            "representative_name": "عبد الله الإدريسي",
            "subject": "إحداث سوق نموذجي للباعة المتجولين",
            "text": "نلتمس إدراج هذه النقطة في جدول أعمال المجلس.",
        },
    )
    petition = Petition.objects.get(subject="إحداث سوق نموذجي للباعة المتجولين")
    assert response["Location"].endswith(f"/requests/petitions/{petition.reference}/")
    page = client.post(
        f"/fr/requests/petitions/{petition.reference}/signatories/",
        {"lines": "Said Amrani ; I998877 ; Hay Nahda ; oui\nbad line"},
    )
    html = unescape(page.content.decode())
    assert "Ligne 2" in html and "Said Amrani ; I998877" in html  # what was typed stays
    client.post(
        f"/fr/requests/petitions/{petition.reference}/signatories/",
        {"lines": "Said Amrani ; I998877 ; Hay Nahda ; oui"},
    )
    assert petition.signatories.count() == 1
    detail = client.get(f"/fr/requests/petitions/{petition.reference}/")
    assert ModelLogEntry.objects.filter(
        action=privacy.READ_ACTION, object_id=str(petition.pk)
    ).exists()
    assert detail.status_code == 200


def test_an_association_petition_names_the_association(office):
    response = signed_in(office).post(
        "/fr/requests/petitions/new/",
        {
            "petitioner": "association",
            "received_on": days_ago(0).isoformat(),
            "language": "fr",
            "representative_name": "Rachid Bennani",
            "subject": "Bibliothèque de quartier",
            "text": "Inscrire ce point.",
        },
    )
    assert response.status_code == 200
    assert "Nommez l'association" in unescape(response.content.decode())


def test_the_signatories_are_erased_after_the_retention_period_and_the_count_stays(
    office, settings
):
    settings.PETITION_MIN_SIGNATURES = 2
    settings.REQUESTS_RETENTION_DAYS = 365
    petition = playground(office)
    petitions.add_signatories(petition, office, signatures(3))
    petitions.check(
        petition, office, residents_and_voters=True, within_powers=True, not_already_decided=True
    )
    petitions.record_bureau_decision(
        petition, office, admitted=True, decided_on=days_ago(0), session="Mai"
    )
    petitions.notify(petition, office, days_ago(0))
    Petition.objects.filter(pk=petition.pk).update(notified_on=days_ago(400))
    assert privacy.erase_expired() == 1
    petition.refresh_from_db()
    assert petition.signatories.count() == 0 and petition.signatures_counted == 3
    assert petition.representative_national_id == "" and petition.anonymised_at
