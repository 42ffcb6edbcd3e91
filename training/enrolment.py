"""Enrolling, cancelling, the waiting list and attendance: the rules, in one place.

Each change locks the session's row (``select_for_update``) inside a
transaction, so that two people clicking at the same moment for the last place
cannot both get it: the second waits for the first to commit, then counts again.
The unique (session, person) constraint is the last guard against a double click.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Enrolment, TrainingSession


class EnrolmentRefused(Exception):
    """The request cannot be met; the message says why, in the reader's language."""


def _locked(session_id):
    return TrainingSession.objects.select_for_update().select_related("course").get(pk=session_id)


@transaction.atomic
def enrol(session_id, person):
    """Give ``person`` a place, or a place on the waiting list when the session is full."""
    session = _locked(session_id)
    if session.has_started:
        raise EnrolmentRefused(_("This session has already started: enrolment is closed."))
    existing = session.enrolments.filter(person=person).first()
    if existing is not None:
        if existing.status == Enrolment.Status.WAITING:
            raise EnrolmentRefused(_("You are already on the waiting list of this session."))
        raise EnrolmentRefused(_("You are already enrolled in this session."))
    full = session.enrolled().count() >= session.capacity
    status = Enrolment.Status.WAITING if full else Enrolment.Status.ENROLLED
    try:
        with transaction.atomic():
            return Enrolment.objects.create(session=session, person=person, status=status)
    except IntegrityError as error:
        raise EnrolmentRefused(_("You are already enrolled in this session.")) from error


@transaction.atomic
def cancel(session_id, person):
    """Give up a place (or a place on the waiting list); the first person waiting moves up."""
    session = _locked(session_id)
    enrolment = session.enrolments.filter(person=person).first()
    if enrolment is None:
        raise EnrolmentRefused(_("You are not enrolled in this session."))
    if session.has_started:
        raise EnrolmentRefused(
            _("This session has already started: it can no longer be cancelled.")
        )
    enrolment.delete()
    return fill_free_places(session)


def fill_free_places(session):
    """Move the first people waiting into the places left, and tell them by email.

    Call it with the session locked, inside the transaction that freed the place.
    """
    if session.has_started:
        return []
    free = session.capacity - session.enrolled().count()
    if free <= 0:
        return []
    promoted = list(session.waiting_list()[:free])
    for enrolment in promoted:
        enrolment.status = Enrolment.Status.ENROLLED
        enrolment.save(update_fields=["status"])
        transaction.on_commit(lambda enrolment=enrolment: notify_promotion(enrolment))
    return promoted


def notify_promotion(enrolment):
    """Email the person who got a place: French and Arabic, one under the other."""
    if not enrolment.person.email:
        return
    bodies = []
    for language in ("fr", "ar"):
        with translation.override(language):
            course = enrolment.session.course.localized
            bodies.append(
                render_to_string(
                    "training/email/promoted.txt",
                    {
                        "person": enrolment.person,
                        "session": enrolment.session,
                        "course": course,
                        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (course.url or ""),
                    },
                )
            )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("A place is yours: %(course)s") % {"course": enrolment.session.course.title}
    send_mail(
        subject,
        "\n\n".join(body.strip() for body in bodies),
        None,
        [enrolment.person.email],
    )


def may_manage(user, session):
    """The session's trainer and the training coordinators (who may change any session)."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(TrainingSession)
    return policy.user_has_permission_for_instance(user, "change", session)


@transaction.atomic
def record_attendance(session_id, presence):
    """Record who came: ``presence`` maps enrolment ids to True (present) or False (absent)."""
    session = _locked(session_id)
    if not session.has_started:
        raise EnrolmentRefused(_("Attendance can be recorded once the session has started."))
    enrolments = {enrolment.pk: enrolment for enrolment in session.enrolled()}
    for enrolment_id, present in presence.items():
        enrolment = enrolments.get(enrolment_id)
        if enrolment is not None:
            enrolment.attended = present
            enrolment.save(update_fields=["attended"])
    return session


@transaction.atomic
def places_changed(session_id):
    """After a session is created or its capacity raised: fill the places from the waiting list."""
    return fill_free_places(_locked(session_id))
