"""requests.yaml: a sample of citizens' requests, for a demonstration.

Requests are activity and personal data, not content: a commune's folder does
not carry them from one installation to another, and exporting writes nothing
here. A demonstration folder lists requests as they came in (dates relative to
the day of loading, ``today-90``) with the steps their handling took, each
taken through ``handling`` as the office and the services would, then dated
back. They are loaded once, into an office that holds no request yet, so that
loading again adds nothing.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s
from intranet.organisation.models import Arrondissement, ServicePage

from . import handling, petitions
from .models import CitizenRequest, Petition, PetitionEvent, RequestEvent

USERNAME = {"type": "string", "minLength": 1, "description": "Username of an account."}
STEPS = (
    "acknowledge",
    "assign",
    "refuse",
    "note",
    "ask_information",
    "give_information",
    "propose_answer",
    "return_answer",
    "approve_answer",
    "close",
)

STEP = s.record(
    {
        "step": s.choice(STEPS, "What was done."),
        "by": {**USERNAME, "description": "Who did it: the office, or the service's staff."},
        "after_days": {
            "type": "integer",
            "minimum": 0,
            "description": "Days after the request was received.",
        },
        "text": {**s.TEXT, "description": "The note, question, answer or reason."},
        "service": {**s.SLUG, "description": "For «assign»: the service that answers."},
        "sent_by": s.choice(CitizenRequest.SentBy.values, "For «close»: how it was sent."),
        "satisfaction": s.choice(CitizenRequest.Satisfaction.values, "For «close»."),
    },
    required=("step", "by", "after_days"),
)

REQUEST = s.record(
    {
        "kind": s.choice(CitizenRequest.Kind.values),
        "channel": s.choice(CitizenRequest.Channel.values),
        "national_portal_number": s.TEXT,
        "received": s.DATE,
        "recorded_by": USERNAME,
        "language": s.choice(("fr", "ar")),
        "citizen": s.record(
            {
                "name": s.NON_EMPTY_TEXT,
                "national_id": s.TEXT,
                "phone": s.TEXT,
                "email": s.TEXT,
                "address": s.TEXT,
            },
            required=("name",),
            description="Left out: an anonymous observation or suggestion.",
        ),
        "gender": s.choice(CitizenRequest.Gender.values),
        "category": s.choice(CitizenRequest.Category.values),
        "subject": s.NON_EMPTY_TEXT,
        "text": s.NON_EMPTY_TEXT,
        "service": {**s.SLUG, "description": "The service concerned, if the citizen named one."},
        "arrondissement": {"type": "integer", "minimum": 1},
        "place": s.TEXT,
        "point": {
            "type": "array",
            "items": {"type": "number"},
            "minItems": 2,
            "maxItems": 2,
            "description": "[latitude, longitude] of the place on the map.",
        },
        "steps": s.records(STEP, description="The handling, in order."),
    },
    required=("kind", "channel", "received", "language", "subject", "text"),
)

SAMPLE = s.records(
    REQUEST, description="Citizens' requests of a demonstration, with their history."
)


def check(value, checking):
    for index, item in enumerate(value, start=1):
        if item["kind"] == "complaint" and "citizen" not in item:
            checking.problem(
                "a complaint needs the citizen (only observations and suggestions are anonymous)",
                index,
                "citizen",
            )
        if item["channel"] == "national_portal" and not item.get("national_portal_number"):
            checking.problem("give the national portal's case number", index, "channel")
        checking.require("service", item.get("service"), index, "service")
        checking.require("arrondissement", item.get("arrondissement"), index, "arrondissement")
        checking.require("account", item.get("recorded_by"), index, "recorded_by")
        for number, step in enumerate(item.get("steps", []), start=1):
            where = f"steps #{number}"
            checking.require("account", step["by"], index, f"{where}.by")
            if step["step"] == "assign":
                if not step.get("service"):
                    checking.problem("say which service the request goes to", index, where)
                checking.require("service", step.get("service"), index, f"{where}.service")
            if step["step"] == "close" and not step.get("sent_by"):
                checking.problem("say how the answer was sent", index, f"{where}.sent_by")


def load(value, loading):
    what = CitizenRequest._meta.verbose_name_plural
    if CitizenRequest.objects.exists():
        loading.counted(what, "unchanged")
        return
    users = {user.username: user for user in get_user_model().objects.all()}
    services = {page.slug: page for page in ServicePage.objects.filter(locale=loading.french)}
    arrondissements = {
        item.number: item
        for item in Arrondissement.objects.filter(locale=loading.french, number__isnull=False)
    }
    for item in sorted(value, key=lambda item: loading.date(item["received"])):
        _load_one(item, loading, users, services, arrondissements)
        loading.counted(CitizenRequest._meta.verbose_name, "created")


def _moment(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _load_one(item, loading, users, services, arrondissements):
    received = loading.date(item["received"])
    citizen = item.get("citizen")
    point = item.get("point") or [None, None]
    request = handling.receive(
        kind=item["kind"],
        channel=item["channel"],
        national_portal_number=item.get("national_portal_number", ""),
        received_on=received,
        recorded_at=_moment(received, 9),
        recorded_by=users.get(item.get("recorded_by")),
        language=item["language"],
        anonymous=citizen is None,
        citizen_name=(citizen or {}).get("name", ""),
        national_id=(citizen or {}).get("national_id", ""),
        phone=(citizen or {}).get("phone", ""),
        email=(citizen or {}).get("email", ""),
        postal_address=(citizen or {}).get("address", ""),
        gender=item.get("gender", CitizenRequest.Gender.UNSPECIFIED),
        category=item.get("category", CitizenRequest.Category.CITIZEN),
        subject=item["subject"],
        text=item["text"],
        service=services.get(item.get("service")),
        arrondissement=arrondissements.get(item.get("arrondissement")),
        place=item.get("place", ""),
        latitude=None if point[0] is None else Decimal(str(point[0])).quantize(Decimal("0.000001")),
        longitude=None
        if point[1] is None
        else Decimal(str(point[1])).quantize(Decimal("0.000001")),
    )
    request.events.update(at=_moment(received, 9))
    for step in item.get("steps", []):
        moment = _moment(received + timedelta(days=step["after_days"]), 11)
        last = request.events.order_by("-pk").values_list("pk", flat=True).first() or 0
        _take(request, step, users[step["by"]], services)
        RequestEvent.objects.filter(request=request, pk__gt=last).update(at=moment)
        if step["step"] == "approve_answer":
            CitizenRequest.objects.filter(pk=request.pk).update(answer_approved_at=moment)
        if step["step"] == "close":
            CitizenRequest.objects.filter(pk=request.pk).update(closed_at=moment)
        if step["step"] == "acknowledge":
            CitizenRequest.objects.filter(pk=request.pk).update(acknowledged_on=moment.date())
        request.refresh_from_db()


def _take(request, step, user, services):
    name, text = step["step"], step.get("text", "")
    if name == "acknowledge":
        handling.acknowledge(request, user)
    elif name == "assign":
        handling.assign(request, user, services[step["service"]], text)
    elif name == "refuse":
        handling.refuse(request, user, text)
    elif name == "note":
        handling.add_note(request, user, text)
    elif name == "approve_answer":
        handling.approve_answer(request, user, text or None)
    elif name == "close":
        handling.close(request, user, step["sent_by"], step.get("satisfaction", ""))
    else:
        getattr(handling, name)(request, user, text)


def export(exporting):
    """Requests are activity and personal data: they are not exported."""
    return None


# --- Petitions --------------------------------------------------------------------------

PETITION_STEPS = ("check", "bureau_decision", "notify", "note")

PETITION = s.record(
    {
        "petitioner": s.choice(Petition.Petitioner.values),
        "association_name": s.TEXT,
        "received": s.DATE,
        "recorded_by": USERNAME,
        "language": s.choice(("fr", "ar")),
        "representative": s.record(
            {
                "name": s.NON_EMPTY_TEXT,
                "national_id": s.TEXT,
                "phone": s.TEXT,
                "address": s.TEXT,
            },
            required=("name",),
        ),
        "subject": s.NON_EMPTY_TEXT,
        "text": s.NON_EMPTY_TEXT,
        "signatories": s.record(
            {
                "count": {"type": "integer", "minimum": 0, "maximum": 5000},
                "not_on_lists": {"type": "integer", "minimum": 0},
                "seed": {"type": "integer"},
            },
            required=("count", "seed"),
            description="Signatories drawn from the names below, the same for the same seed.",
        ),
        "steps": s.records(
            s.record(
                {
                    "step": s.choice(PETITION_STEPS),
                    "by": USERNAME,
                    "after_days": {"type": "integer", "minimum": 0},
                    "residents_and_voters": {"type": "boolean"},
                    "within_powers": {"type": "boolean"},
                    "not_already_decided": {"type": "boolean"},
                    "admitted": {"type": "boolean"},
                    "session": s.TEXT,
                    "text": s.TEXT,
                },
                required=("step", "by", "after_days"),
            )
        ),
    },
    required=(
        "petitioner",
        "received",
        "recorded_by",
        "language",
        "representative",
        "subject",
        "text",
    ),
)

PETITIONS = s.record(
    {
        "names": s.record(
            {
                "first_names": s.records(s.NON_EMPTY_TEXT),
                "last_names": s.records(s.NON_EMPTY_TEXT),
                "streets": s.records(s.NON_EMPTY_TEXT),
            },
            required=("first_names", "last_names", "streets"),
            description="What drawn signatories are called and where they live.",
        ),
        "petitions": s.records(PETITION),
    },
    required=("petitions",),
    description="Petitions to the council of a demonstration, with their history.",
)


def check_petitions(value, checking):
    for index, item in enumerate(value["petitions"], start=1):
        if item["petitioner"] == "association" and not item.get("association_name"):
            checking.problem("name the association that petitions", index, "association_name")
        checking.require("account", item["recorded_by"], index, "recorded_by")
        drawn = item.get("signatories")
        if drawn and drawn["count"] and "names" not in value:
            checking.problem(
                "drawn signatories need the «names» to draw from", index, "signatories"
            )
        for number, step in enumerate(item.get("steps", []), start=1):
            checking.require("account", step["by"], index, f"steps #{number}.by")


def load_petitions(value, loading):
    if Petition.objects.exists():
        loading.counted(Petition._meta.verbose_name_plural, "unchanged")
        return
    users = {user.username: user for user in get_user_model().objects.all()}
    for item in sorted(value["petitions"], key=lambda item: loading.date(item["received"])):
        _load_petition(item, value.get("names"), loading, users)
        loading.counted(Petition._meta.verbose_name, "created")


def _load_petition(item, names, loading, users):
    received = loading.date(item["received"])
    representative = item["representative"]
    petition = petitions.receive(
        recorded_by=users[item["recorded_by"]],
        petitioner=item["petitioner"],
        association_name=item.get("association_name", ""),
        received_on=received,
        recorded_at=_moment(received, 9),
        language=item["language"],
        representative_name=representative["name"],
        representative_national_id=representative.get("national_id", ""),
        representative_phone=representative.get("phone", ""),
        representative_address=representative.get("address", ""),
        subject=item["subject"],
        text=item["text"],
    )
    drawn = item.get("signatories")
    if drawn and drawn["count"]:
        petitions.add_signatories(
            petition, users[item["recorded_by"]], _drawn_signatories(drawn, names)
        )
    petition.events.update(at=_moment(received, 9))
    for step in item.get("steps", []):
        day = received + timedelta(days=step["after_days"])
        last = petition.events.order_by("-pk").values_list("pk", flat=True).first() or 0
        user = users[step["by"]]
        if step["step"] == "check":
            petitions.check(
                petition,
                user,
                residents_and_voters=step.get("residents_and_voters", True),
                within_powers=step.get("within_powers", True),
                not_already_decided=step.get("not_already_decided", True),
                note=step.get("text", ""),
            )
        elif step["step"] == "bureau_decision":
            petitions.record_bureau_decision(
                petition,
                user,
                admitted=step.get("admitted", False),
                decided_on=day,
                reasons=step.get("text", ""),
                session=step.get("session", ""),
            )
        elif step["step"] == "notify":
            petitions.notify(petition, user, day)
        else:
            petitions.add_note(petition, user, step.get("text", ""))
        PetitionEvent.objects.filter(petition=petition, pk__gt=last).update(at=_moment(day, 11))
        petition.refresh_from_db()


def _drawn_signatories(drawn, names):
    """``count`` signatories, ``not_on_lists`` of them not on the electoral lists, as
    the lines an agent types (``petitions.parse_signatories`` reads them)."""
    rng = random.Random(drawn["seed"])
    off_lists = set(
        rng.sample(range(drawn["count"]), min(drawn.get("not_on_lists", 0), drawn["count"]))
    )
    lines = []
    for number in range(drawn["count"]):
        name = f"{rng.choice(names['first_names'])} {rng.choice(names['last_names'])}"
        letter = rng.choice(["I", "IA", "IB", "IC"])
        national_id = f"{letter}{100000 + drawn['seed'] * 10000 + number}"
        address = f"{rng.randint(1, 120)}, {rng.choice(names['streets'])}"
        voter = "non" if number in off_lists else "oui"
        lines.append(f"{name} ; {national_id} ; {address} ; {voter}")
    return "\n".join(lines)


data.register(
    data.Part(
        file="requests",
        key="requests",
        order=130,
        schema=SAMPLE,
        load=load,
        export=export,
        check=check,
    )
)
data.register(
    data.Part(
        file="requests",
        key="petitions",
        order=131,
        schema=PETITIONS,
        load=load_petitions,
        export=export,
        check=check_petitions,
    )
)
