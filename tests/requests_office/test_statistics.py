"""The office's statistics: what they count, who reads them, and what they never show."""

from datetime import datetime, time
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from intranet.requests_office import handling
from intranet.requests_office import statistics as stats
from intranet.requests_office.models import CitizenRequest
from tests.organisation import factories as organisation

from .factories import complaint, days_ago, office_agent, person, service_with_staff, signed_in

pytestmark = pytest.mark.django_db

PAGE = "/fr/requests/statistics/"
CSV = "/fr/requests/statistics.csv"
CITIZEN = {
    "citizen_name": "Khadija Ouhaddou",
    "national_id": "IB774411",
    "phone": "0662 98 76 54",
    "email": "k.ouhaddou@example.ma",
    "postal_address": "7, derb Ennour, Beni Mellal",
    "subject": "Dalle effondrée derb Ennour",
    "text": "La dalle du caniveau s'est effondrée devant la maison de ma voisine Aicha.",
}


def last(days):
    return stats.period_from(str(days), stats.periods())


def answered(request, office, team, *, approved_days_ago, closed_days_ago=None):
    """Take ``request`` through assignment and approval, then date the approval (and the
    closing) back as the office's register would read them."""
    service, member = team
    handling.assign(request, office, service)
    handling.propose_answer(request, member, "La dalle a été remplacée.")
    handling.approve_answer(request, office)
    if closed_days_ago is not None:
        handling.close(request, office, "post")
    CitizenRequest.objects.filter(pk=request.pk).update(
        answer_approved_at=_at(approved_days_ago),
        closed_at=_at(closed_days_ago) if closed_days_ago is not None else None,
    )


def _at(days):
    return timezone.make_aware(datetime.combine(days_ago(days), time(11)))


@pytest.fixture
def office():
    return office_agent()


@pytest.fixture
def team():
    """A service and the member of its staff who answers: ``(service, member)``."""
    return service_with_staff()


def test_the_figures_count_requests_received_in_the_period_by_kind_channel_gender_category():
    complaint(channel="desk", gender="woman", category="citizen")
    complaint(channel="letter", gender="man", category="abroad", received_on=days_ago(40))
    complaint(kind="suggestion", channel="public_portal", anonymous=True, gender="unspecified")
    complaint(received_on=days_ago(400))  # before the last 365 days

    found = stats.figures(last(365))

    assert found["summary"]["received"] == 3
    assert {value: count for value, _label, count in found["kinds"]} == {
        "complaint": 2,
        "observation": 0,
        "suggestion": 1,
    }
    channels = {value: count for value, _label, count in found["channels"]}
    assert (channels["desk"], channels["letter"], channels["public_portal"]) == (1, 1, 1)
    assert channels["national_portal"] == 0
    assert {value: count for value, _label, count in found["genders"]} == {
        "woman": 1,
        "man": 1,
        "unspecified": 1,
    }
    categories = {value: count for value, _label, count in found["categories"]}
    assert (categories["citizen"], categories["abroad"]) == (2, 1)
    assert stats.figures(last(30))["summary"]["received"] == 2


def test_the_deadline_judges_the_answered_and_the_overdue_not_those_still_within_their_delay(
    office, team
):
    service, _member = team
    on_time = complaint(received_on=days_ago(20))
    answered(on_time, office, team, approved_days_ago=0)
    late = complaint(received_on=days_ago(90))
    answered(late, office, team, approved_days_ago=20)  # due 30 days ago
    not_admissible = complaint(received_on=days_ago(30))
    handling.refuse(not_admissible, office, "Hors des compétences de la commune.")
    handling.close(not_admissible, office, "post")  # answered today, on the 30th day
    overdue = complaint(received_on=days_ago(70))
    handling.assign(overdue, office, service)
    complaint(received_on=days_ago(5))  # still within its delay

    summary = stats.figures(last(365))["summary"]

    assert summary["received"] == 5
    assert (summary["answered"], summary["on_time"], summary["answered_late"]) == (3, 2, 1)
    assert summary["late_unanswered"] == 1
    assert (summary["due"], summary["within_delay"]) == (4, 1)
    assert summary["on_time_percent"] == 50
    assert summary["average_days"] == round((20 + 70 + 30) / 3, 1)


def test_the_time_to_answer_runs_to_the_approval_not_to_the_sending(office, team):
    request = complaint(received_on=days_ago(50))
    answered(request, office, team, approved_days_ago=40, closed_days_ago=30)

    summary = stats.figures(last(90))["summary"]

    assert summary["average_days"] == 10
    assert summary["on_time"] == 1


def test_a_period_with_no_request_has_no_share_and_no_average():
    summary = stats.figures(last(30))["summary"]
    assert summary["received"] == 0
    assert summary["on_time_percent"] is None and summary["average_days"] is None


def test_each_service_answers_for_its_own_requests_in_the_readers_language(office, team):
    service, _member = team
    arabic_page = service.get_translation(Locale.objects.get(language_code="ar"))
    first = complaint(received_on=days_ago(10))
    answered(first, office, team, approved_days_ago=4)
    second = complaint(received_on=days_ago(80))
    handling.assign(second, office, arabic_page)  # assigned from the Arabic screen
    complaint()  # not screened yet

    found = stats.figures(last(365), language="ar")

    [row] = found["services"]
    assert row["service"] == "مصلحة الطرق (تجارب)"
    assert (row["received"], row["answered"], row["on_time"]) == (2, 1, 1)
    assert (row["late_unanswered"], row["average_days"]) == (1, 6)
    assert found["not_assigned"] == 1
    assert stats.figures(last(365), language="fr")["services"][0]["service"] == service.title


def test_arrondissements_are_counted_most_requests_first_in_the_readers_language():
    quiet = organisation.arrondissement(name="Arrondissement calme", arabic_name="مقاطعة هادئة")
    busy = organisation.arrondissement(
        name="Arrondissement animé", arabic_name="مقاطعة نشيطة", number=98
    )
    complaint(arrondissement=quiet)
    complaint(arrondissement=busy)
    complaint(arrondissement=busy)
    complaint()

    found = stats.figures(last(30), language="ar")

    assert found["arrondissements"] == [("مقاطعة نشيطة", 2), ("مقاطعة هادئة", 1)]
    assert found["no_arrondissement"] == 1


def test_every_month_of_the_period_is_listed_even_without_a_request():
    complaint(received_on=days_ago(0))
    complaint(received_on=days_ago(0))

    months = stats.figures(last(365))["months"]

    assert len(months) in (12, 13)
    assert months[-1] == (days_ago(0).replace(day=1), 2)
    assert sum(count for _month, count in months) == 2


def test_a_year_runs_from_the_first_of_january_and_earlier_years_are_offered_once_used():
    this_year = timezone.localdate().year
    complaint(received_on=days_ago(0).replace(year=this_year - 2, month=6, day=1))
    offered = {period.key: period for period in stats.periods()}

    assert {"30", "90", "365", str(this_year), str(this_year - 2)} <= set(offered)
    assert str(this_year - 1) not in offered  # no request that year
    two_years_ago = stats.period_from(str(this_year - 2), stats.periods())
    assert (two_years_ago.first_day.month, two_years_ago.first_day.day) == (1, 1)
    assert stats.figures(two_years_ago)["summary"]["received"] == 1


def test_the_figures_cost_as_many_queries_for_many_requests_as_for_one(office, team):
    service, _member = team
    arrondissement = organisation.arrondissement()
    handling.assign(complaint(arrondissement=arrondissement), office, service)
    stats.figures(last(365))  # the locales, kept per process once read
    with CaptureQueriesContext(connection) as one:
        stats.figures(last(365))
    for days in range(1, 12):
        request = complaint(received_on=days_ago(days * 20), arrondissement=arrondissement)
        handling.assign(request, office, service)
    with CaptureQueriesContext(connection) as many:
        stats.figures(last(365))
    assert len(many) == len(one) <= 15


@pytest.mark.parametrize("value", ["abc", "", "-30", "7", "1999", "9" * 40, "٢٠٢٦x", None])
def test_a_period_the_page_does_not_offer_falls_back_to_the_last_365_days(value):
    assert stats.period_from(value, stats.periods()).days == 365


@pytest.mark.parametrize("role", ["requests_office", "administrator", "ipecag"])
def test_the_office_the_administrators_and_the_ipecag_read_the_statistics_and_export(role):
    client = signed_in(person(f"lecteur-{role}", role=role))
    assert client.get(PAGE).status_code == 200
    assert client.get(CSV).status_code == 200


@pytest.mark.parametrize("role", ["staff", "reception", "communication"])
def test_no_one_else_reads_them(role):
    client = signed_in(person(f"curieux-{role}", role=role))
    assert client.get(PAGE).status_code == 403
    assert client.get(CSV).status_code == 403


def test_a_service_reads_its_requests_but_not_the_statistics(team):
    _service, member = team
    client = signed_in(member)
    assert client.get(PAGE).status_code == 403
    assert client.get(CSV).status_code == 403


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client):
    assert client.get(PAGE).status_code == 302
    assert client.get(CSV).status_code == 302


def test_the_page_and_the_export_never_show_who_wrote_or_what(office, team):
    service, _member = team
    request = complaint(**CITIZEN)
    handling.assign(request, office, service)
    complaint(kind="observation", channel="box", anonymous=True, subject="Bancs cassés", text="x")
    client = signed_in(office)

    page = unescape(client.get(PAGE).content.decode())
    export = client.get(CSV).content.decode("utf-8-sig")

    assert service.title in page and service.title in export
    for value in CITIZEN.values():
        assert value not in page
        assert value not in export
    assert "Bancs cassés" not in page and "Bancs cassés" not in export


def test_the_export_is_one_row_per_dimension_and_value_that_excel_opens_in_arabic(office):
    complaint(kind="suggestion", anonymous=True, gender="woman", channel="box")
    complaint(gender="man")

    response = signed_in(office).get("/ar/requests/statistics.csv", {"period": "30"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="requests-statistics-' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # the byte order mark
    rows = [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]
    assert all(len(row) == 3 for row in rows)
    counts = {(dimension, value): count for dimension, value, count in rows[1:]}
    assert counts[("النوع", "اقتراح")] == "1"
    assert counts[("النوع", "شكاية")] == "1"
    assert counts[("المجموع", "الطلبات الواردة")] == "2"


def test_a_name_a_spreadsheet_would_run_as_a_formula_is_written_as_text(office):
    service, _member = service_with_staff(
        slug="service-formule", title="=HYPERLINK(1)", arabic_title="=HYPERLINK(1)", member="f"
    )
    handling.assign(complaint(), office, service)

    export = signed_in(office).get(CSV).content.decode("utf-8-sig")

    assert ";'=HYPERLINK(1);1" in export
    assert ";=HYPERLINK" not in export


@pytest.mark.parametrize(
    "query", [{"period": "abc"}, {"period": "٣٠"}, {"period": "9" * 60}, {"period": ["30", "x"]}]
)
def test_a_mistyped_address_shows_the_default_period_rather_than_an_error(office, query):
    client = signed_in(office)
    page = client.get(PAGE, query)
    assert page.status_code == 200
    assert client.get(CSV, query).status_code == 200
    assert page.context["period"].key in ("365", "30")


def test_the_page_draws_its_charts_on_the_server(office):
    complaint(received_on=days_ago(3))

    page = signed_in(office).get(PAGE, {"period": "90"}).content.decode()

    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'class="bars__fill"' in main and "<script" not in main
    assert 'href="/fr/requests/statistics.csv?period=90"' in page


def test_the_page_exists_in_arabic_right_to_left(office):
    complaint()
    page = unescape(signed_in(office).get("/ar/requests/statistics/").content.decode())
    assert 'dir="rtl"' in page
    assert "إحصائيات" in page
    assert "شكاية" in page
