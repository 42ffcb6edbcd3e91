"""A plausible reception register for a demonstration, drawn at random.

Visits are generated activity, not content: the commune's folder gives only the
proportions (which services are asked for, at what hours, by whom) and a seed,
so that every fresh install shows the same figures. The week is the desk's: no
one on Sunday, a third of the visitors on Saturday morning. Visits sent on to a
service become referrals, the older ones received and dealt with after a
plausible wait; searches the desk made in vain are logged for the cell.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from search import query_log
from search.models import SearchQueryLog

from . import referrals
from .models import ReceptionVisit, Referral

SATURDAY_HOURS = (9, 10, 11)


@dataclass
class UnansweredSearch:
    query: str
    language: str
    times: int


@dataclass
class FollowUp:
    query: str
    outcome: str
    by: object  # the cell member who decided, or None


@dataclass
class SampleRegister:
    """The proportions of the register; each mapping is ``{choice: weight}``, in order."""

    days: int
    visits_per_day: int
    seed: int
    agent: object
    services: dict  # service page: weight
    hours: dict  # hour of the day: weight
    categories: dict
    genders: dict
    answered_percent: int
    received_by: object = None
    notes: list = field(default_factory=lambda: [""])
    unanswered: list = field(default_factory=list)
    followed_up: list = field(default_factory=list)


def generate(register, today=None, now=None):
    """Draw the visits of the ``days`` before ``today``; return how many were recorded."""
    today = today or timezone.localdate()
    randomiser = random.Random(register.seed)
    visits = _visits(register, randomiser, today)
    ReceptionVisit.objects.bulk_create(visits)
    _send_on(register, randomiser, now or timezone.now())
    for search in register.unanswered:
        for _time in range(search.times):
            query_log.record(search.query, search.language, 0, SearchQueryLog.Source.RECEPTION_DESK)
    for decision in register.followed_up:
        query_log.follow_up(
            query_log.normalised_form(decision.query), decision.outcome, decision.by
        )
    return len(visits)


def _visits(register, randomiser, today: date):
    services, service_weights = zip(*register.services.items(), strict=True)
    hours, hour_weights = zip(*register.hours.items(), strict=True)
    categories, category_weights = zip(*register.categories.items(), strict=True)
    genders, gender_weights = zip(*register.genders.items(), strict=True)
    per_day, answered = register.visits_per_day, register.answered_percent / 100
    visits = []
    for offset in range(register.days, 0, -1):
        day = today - timedelta(days=offset)
        if day.weekday() == 6:
            continue
        saturday = day.weekday() == 5
        count = per_day // 3 if saturday else randomiser.randint(per_day - 6, per_day + 6)
        for _visit in range(count):
            hour = (
                randomiser.choice(SATURDAY_HOURS)
                if saturday
                else randomiser.choices(hours, hour_weights)[0]
            )
            moment = datetime.combine(day, time(hour, randomiser.randint(0, 59)))
            visits.append(
                ReceptionVisit(
                    recorded_at=timezone.make_aware(moment),
                    recorded_by=register.agent,
                    service=randomiser.choices(services, service_weights)[0],
                    visitor_category=randomiser.choices(categories, category_weights)[0],
                    gender=randomiser.choices(genders, gender_weights)[0],
                    outcome="answered" if randomiser.random() < answered else "redirected",
                )
            )
    return visits


def _send_on(register, randomiser, now):
    """The visits sent on become referrals: older ones received and dealt with,
    today's still waiting for some."""
    sent = ReceptionVisit.objects.filter(
        outcome=ReceptionVisit.Outcome.REDIRECTED, service__isnull=False
    ).order_by("recorded_at")
    for visit in sent:
        referral = referrals.send_on(visit, randomiser.choice(register.notes))
        received = visit.recorded_at + timedelta(minutes=randomiser.randint(2, 25))
        dealt_with = received + timedelta(minutes=randomiser.randint(5, 90))
        if dealt_with < now - timedelta(days=1) or randomiser.random() < 0.3:
            Referral.objects.filter(pk=referral.pk).update(
                status=Referral.Status.DEALT_WITH,
                received_at=received,
                received_by=register.received_by,
                dealt_with_at=dealt_with,
                dealt_with_by=register.received_by,
            )
