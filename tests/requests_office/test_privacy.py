"""Law 09-08: the citizen's identity is read by the office and the service that
answers, nobody else; each reading is logged; it is erased after the retention period."""

from datetime import timedelta
from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from intranet.requests_office import handling, privacy
from intranet.requests_office.models import CitizenRequest

from .factories import complaint, office_agent, person, service_with_staff, signed_in

pytestmark = pytest.mark.django_db

NAME = "Youssef Ait Lahcen"


@pytest.fixture
def assigned():
    """A complaint the office sent to the roads service: (request, office, service member)."""
    office = office_agent()
    service, member = service_with_staff()
    request = complaint()
    handling.assign(request, office, service)
    return request, office, member


def page_of(client, request):
    return client.get(f"/fr/requests/{request.reference}/")


@pytest.mark.parametrize("reader", ["office", "member"])
def test_the_office_and_the_assigned_service_read_the_identity(assigned, reader):
    request, office, member = assigned
    response = page_of(signed_in(office if reader == "office" else member), request)
    html = unescape(response.content.decode())
    assert response.status_code == 200 and NAME in html and "I123456" in html


@pytest.mark.parametrize("role", ["staff", "reception", "administrator", "procedures_cell"])
def test_nobody_else_reads_the_request_administrators_included(assigned, role):
    request, _office, _member = assigned
    client = signed_in(person(f"autre-{role}", role=role))
    assert page_of(client, request).status_code == 403
    assert client.get(f"/fr/requests/{request.reference}/receipt/").status_code == 403
    response = client.get("/fr/requests/")
    assert response.status_code == 403 or NAME not in unescape(response.content.decode())


def test_another_services_staff_do_not_read_it(assigned):
    request, _office, _member = assigned
    _service, stranger = service_with_staff(
        slug="service-eclairage-essais", title="Éclairage (essais)", member="agent-eclairage"
    )
    client = signed_in(stranger)
    assert page_of(client, request).status_code == 403
    assert request.reference not in client.get("/fr/requests/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(assigned):
    request, _office, _member = assigned
    response = Client().get(f"/fr/requests/{request.reference}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_every_reading_of_personal_data_is_in_the_audit_log(assigned):
    request, _office, member = assigned
    page_of(signed_in(member), request)
    entry = ModelLogEntry.objects.filter(action=privacy.READ_ACTION).latest("timestamp")
    assert entry.user == member and entry.object_id == str(request.pk)
    assert entry.label == request.reference  # the log names the request, never the citizen


def test_a_citizens_file_is_never_served_as_media(assigned, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    request, office, member = assigned
    stored = request.attachments.create(
        file=ContentFile(b"%PDF-1.4 lettre", name="lettre.pdf"), name="lettre.pdf", size=15
    )
    assert signed_in(office).get(f"/media/{stored.file.name}").status_code == 404
    url = f"/fr/requests/{request.reference}/files/{stored.pk}/"
    assert signed_in(member).get(url).status_code == 200
    assert signed_in(person("curieux")).get(url).status_code == 403
    assert ModelLogEntry.objects.filter(
        action=privacy.READ_ACTION, data__what=f"file {stored.pk}"
    ).exists()


def close_long_ago(request, office, days):
    handling.refuse(request, office, "Hors compétence de la commune.")
    handling.close(request, office, "post")
    CitizenRequest.objects.filter(pk=request.pk).update(
        closed_at=timezone.now() - timedelta(days=days)
    )


def test_identity_is_erased_after_the_retention_period_and_the_request_stays(settings):
    settings.REQUESTS_RETENTION_DAYS = 365
    office = office_agent()
    old, recent = complaint(), complaint(subject="Trottoir cassé")
    close_long_ago(old, office, 400)
    close_long_ago(recent, office, 100)

    call_command("erase_expired_requests", stdout=open("/dev/null", "w"))

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.citizen_name, old.national_id, old.phone, old.email, old.postal_address) == (
        ("",) * 5
    )
    assert old.anonymised_at is not None and old.subject == "Fuite d'eau devant le n° 12"
    assert old.gender == "man"  # still counted
    assert recent.citizen_name == NAME
    assert old.events.filter(kind="anonymised").exists()
    assert privacy.erase_expired() == 0  # once only


def test_an_open_request_is_never_erased(settings):
    settings.REQUESTS_RETENTION_DAYS = 0
    request = complaint(received_on=timezone.localdate() - timedelta(days=900))
    assert privacy.erase_expired() == 0
    request.refresh_from_db()
    assert request.citizen_name == NAME
