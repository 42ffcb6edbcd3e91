"""What people see of the sessions: on a course, in their history, in the yearly plan."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils import timezone

from intranet.organisation.models import Arrondissement

from .enrolment import may_manage
from .models import Enrolment, TrainingSession

HEADQUARTERS = "hq"


def _sessions():
    return (
        TrainingSession.objects.with_counts()
        .select_related("course", "trainer", "arrondissement")
        .order_by("starts_at", "pk")
    )


def upcoming_sessions():
    return _sessions().upcoming()


def sessions_for_person(course, user):
    """The course's sessions, each with the reader's enrolment and what they may do with it."""
    sessions = list(_sessions().for_course(course))
    mine = {
        enrolment.session_id: enrolment
        for enrolment in Enrolment.objects.filter(person=user, session__in=sessions)
    }
    for session in sessions:
        session.my_enrolment = mine.get(session.pk)
        session.may_manage = may_manage(user, session)
    now = timezone.now()
    return {
        "upcoming_sessions": [session for session in sessions if session.starts_at > now],
        "past_sessions": [session for session in sessions if session.starts_at <= now][::-1],
    }


@dataclass
class History:
    upcoming: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    attended: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    unrecorded: list = field(default_factory=list)

    @property
    def hours_attended(self):
        return sum(enrolment.session.course.duration_hours for enrolment in self.attended)

    @property
    def is_empty(self):
        return not (
            self.upcoming or self.waiting or self.attended or self.missed or self.unrecorded
        )


def history(person):
    """A person's training: booked, waiting, attended, missed and not recorded yet."""
    result = History()
    enrolments = (
        Enrolment.objects.filter(person=person)
        .select_related("session__course", "session__trainer", "session__arrondissement")
        .order_by("session__starts_at")
    )
    for enrolment in enrolments:
        session = enrolment.session
        if not session.has_started:
            if enrolment.status == Enrolment.Status.WAITING:
                result.waiting.append(enrolment)
            else:
                result.upcoming.append(enrolment)
        elif enrolment.status == Enrolment.Status.ENROLLED:
            if enrolment.attended:
                result.attended.append(enrolment)
            elif enrolment.attended is False:
                result.missed.append(enrolment)
            else:
                result.unrecorded.append(enrolment)
    result.attended.reverse()
    return result


def place_choices():
    """``[(value, label)]`` for the plan's filter: the headquarters, then each arrondissement."""
    from django.utils.translation import gettext as _

    places = Arrondissement.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return [(HEADQUARTERS, _("Headquarters"))] + [
        (str(place.pk), place.localized.name) for place in places
    ]


def year_plan(year, place=""):
    """``[(first day of the month, [sessions])]`` for the months of ``year`` that have sessions."""
    sessions = _sessions().filter(starts_at__year=year)
    if place == HEADQUARTERS:
        sessions = sessions.filter(arrondissement__isnull=True)
    elif place:
        sessions = sessions.filter(arrondissement_id=place)
    months = {}
    for session in sessions:
        month = timezone.localtime(session.starts_at).month
        months.setdefault(month, []).append(session)
    return [(date(year, month, 1), months[month]) for month in sorted(months)]
