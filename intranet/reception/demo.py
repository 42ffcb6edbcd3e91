"""Two months of a plausible reception register, and the searches that found nothing.

Generated with a fixed seed so that every fresh install shows the same figures:
mornings busier than afternoons, civil status the most asked for.
"""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from intranet.organisation.models import ServicePage
from search import query_log
from search.models import SearchFollowUp, SearchQueryLog

from . import referrals
from .models import ReceptionVisit, Referral

SERVICE_WEIGHTS = {
    "service-etat-civil": 40,
    "service-legalisation": 25,
    "service-autorisations-urbanisme": 10,
    "service-autorisations-economiques": 6,
    "regie-des-recettes": 5,
    "bureau-hygiene": 4,
    "bureau-des-plaintes": 4,
    "service-partenariat-associations": 3,
    "service-assiette-fiscale": 3,
}
HOUR_WEIGHTS = {8: 6, 9: 14, 10: 16, 11: 14, 12: 8, 13: 5, 14: 8, 15: 7, 16: 3}
CATEGORY_WEIGHTS = {
    "citizen": 70,
    "abroad": 8,
    "association": 6,
    "business": 9,
    "elected": 1,
    "administration": 3,
    "other": 3,
}
UNANSWERED_SEARCHES = [
    ("carte grise", "fr", 6),
    ("passeport", "fr", 5),
    ("casier judiciaire", "fr", 4),
    ("certificat de résidence", "fr", 7),
    ("بطاقة التعريف", "ar", 3),
    ("شهادة السكنى", "ar", 5),
]


def load(days=60, per_day=18):
    if ReceptionVisit.objects.exists():
        return 0
    randomiser = random.Random(2017)
    agent = get_user_model().objects.get(username="accueil")
    services = {
        s.slug: s
        for s in ServicePage.objects.filter(locale__language_code="fr", slug__in=SERVICE_WEIGHTS)
    }
    slugs, service_weights = zip(
        *[(slug, w) for slug, w in SERVICE_WEIGHTS.items() if slug in services], strict=True
    )
    hours, hour_weights = zip(*HOUR_WEIGHTS.items(), strict=True)
    categories, category_weights = zip(*CATEGORY_WEIGHTS.items(), strict=True)
    today = timezone.localdate()
    visits = []
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        if day.weekday() == 6:  # closed on Sunday
            continue
        count = per_day // 3 if day.weekday() == 5 else randomiser.randint(per_day - 6, per_day + 6)
        for _visit in range(count):
            hour = (
                randomiser.choices(hours, hour_weights)[0]
                if day.weekday() != 5
                else randomiser.choice([9, 10, 11])
            )
            moment = datetime.combine(day, time(hour, randomiser.randint(0, 59)))
            visits.append(
                ReceptionVisit(
                    recorded_at=timezone.make_aware(moment),
                    recorded_by=agent,
                    service=services[randomiser.choices(slugs, service_weights)[0]],
                    visitor_category=randomiser.choices(categories, category_weights)[0],
                    gender=randomiser.choices(["woman", "man", "unspecified"], [46, 50, 4])[0],
                    outcome="answered" if randomiser.random() < 0.7 else "redirected",
                )
            )
    ReceptionVisit.objects.bulk_create(visits)
    _send_on(randomiser)
    for query, language, times in UNANSWERED_SEARCHES:
        for _time in range(times):
            query_log.record(query, language, 0, SearchQueryLog.Source.RECEPTION_DESK)
    # The cell has already answered one: the criminal record is the court's, not ours.
    cell = get_user_model().objects.filter(username="cellule").first()
    query_log.follow_up("casier judiciaire", SearchFollowUp.Outcome.NOT_OURS, cell)
    return len(visits)


REFERRAL_NOTES = [
    "",
    "",
    "Erreur sur le nom du père dans l'acte de naissance",
    "Dossier de permis de construire : plans non signés par l'architecte",
    "Livret de famille perdu, déclaration de perte faite",
    "تصحيح تاريخ الازدياد في رسم الولادة",
    "ملف رخصة البناء ناقص: شهادة الملكية",
    "Jugement déclaratif de naissance à transcrire",
    "استفسار عن ملف رخصة الإصلاح المودع الشهر الماضي",
]


def _send_on(randomiser):
    """The visits sent on to a service become referrals: older ones received and dealt
    with after a plausible wait, today's still waiting for some."""
    officer = get_user_model().objects.filter(username="etatcivil").first()
    now = timezone.now()
    sent = ReceptionVisit.objects.filter(
        outcome=ReceptionVisit.Outcome.REDIRECTED, service__isnull=False
    ).order_by("recorded_at")
    for visit in sent:
        referral = referrals.send_on(visit, randomiser.choice(REFERRAL_NOTES))
        received = visit.recorded_at + timedelta(minutes=randomiser.randint(2, 25))
        dealt_with = received + timedelta(minutes=randomiser.randint(5, 90))
        if dealt_with < now - timedelta(days=1) or randomiser.random() < 0.3:
            Referral.objects.filter(pk=referral.pk).update(
                status=Referral.Status.DEALT_WITH,
                received_at=received,
                received_by=officer,
                dealt_with_at=dealt_with,
                dealt_with_by=officer,
            )
