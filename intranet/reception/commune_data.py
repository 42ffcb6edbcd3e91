"""reception.yaml: how to draw a sample reception register for a demonstration.

The register is activity, not content: a commune's folder does not carry its
visits, and exporting writes nothing here (``export`` gives None). A
demonstration folder gives the proportions of a plausible register instead
(``sample_register``), drawn with a fixed seed when the register is empty and
only then, so that loading again adds no visit.
"""

from django.contrib.auth import get_user_model

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s
from intranet.organisation.models import ServicePage
from search.models import SearchFollowUp

from . import sample_register
from .models import ReceptionVisit

WEIGHT = {"type": "integer", "minimum": 0, "description": "Relative weight of the choice."}
USERNAME = {"type": "string", "minLength": 1, "description": "Username of an account."}


def weights(choices, description):
    return s.record({choice: WEIGHT for choice in choices}, description=description)


SAMPLE_REGISTER = s.record(
    {
        "days": {"type": "integer", "minimum": 1, "maximum": 730, "description": "Days drawn."},
        "visits_per_day": {"type": "integer", "minimum": 1, "description": "On a weekday."},
        "seed": {"type": "integer", "description": "Same seed, same register."},
        "agent": {**USERNAME, "description": "The reception agent who records the visits."},
        "services": {
            "type": "object",
            "propertyNames": s.SLUG,
            "additionalProperties": WEIGHT,
            "description": "Services asked for, by slug: {slug: weight}.",
        },
        "hours": {
            "type": "object",
            "additionalProperties": WEIGHT,
            "description": "Weekday hours of arrival: {8: 6, 9: 14, ...}.",
        },
        "categories": weights(ReceptionVisit.VisitorCategory.values, "Who the visitors are."),
        "genders": weights(ReceptionVisit.Gender.values, "Women, men, not said."),
        "answered_at_desk": {
            "type": "integer",
            "minimum": 0,
            "maximum": 100,
            "description": "Percent of visits answered at the desk; the others are sent on.",
        },
        "referrals": s.record(
            {
                "received_by": {**USERNAME, "description": "Who receives the visits sent on."},
                "notes": s.records(
                    {"type": "string", "maxLength": 200},
                    description="Notes drawn for the slips; an empty one is a slip without note.",
                ),
            }
        ),
        "unanswered_searches": s.records(
            s.record(
                {
                    "query": s.NON_EMPTY_TEXT,
                    "language": s.choice(("fr", "ar")),
                    "times": {"type": "integer", "minimum": 1},
                },
                required=("query", "language", "times"),
            ),
            description="Searches the desk made in vain, for the cell's to-do list.",
        ),
        "searches_followed_up": s.records(
            s.record(
                {
                    "query": s.NON_EMPTY_TEXT,
                    "outcome": s.choice(SearchFollowUp.Outcome.values),
                    "by": USERNAME,
                },
                required=("query", "outcome"),
            ),
            description="The cell's decisions on some of those searches.",
        ),
    },
    required=(
        "days",
        "visits_per_day",
        "seed",
        "agent",
        "services",
        "hours",
        "categories",
        "genders",
        "answered_at_desk",
    ),
    description="Proportions of a sample reception register, drawn when the register is empty.",
)


def _hour(key):
    """An hour given as 8 or "08"; None when it is not one."""
    text = str(key)
    return int(text) if text.isdigit() and int(text) <= 23 else None


def check(value, checking):
    for slug in value["services"]:
        checking.require("service", slug, field=f"services.{slug}")
    checking.require("account", value["agent"], field="agent")
    checking.require(
        "account", value.get("referrals", {}).get("received_by"), field="referrals.received_by"
    )
    for number, decision in enumerate(value.get("searches_followed_up", []), start=1):
        checking.require("account", decision.get("by"), field=f"searches_followed_up #{number}.by")
    for key in value["hours"]:
        if _hour(key) is None:
            checking.problem(f"«{key}» is not an hour of the day (0 to 23)", field="hours")
    for field in ("services", "hours", "categories", "genders"):
        if not any(value[field].values()):
            checking.problem("give at least one choice a weight above 0", field=field)


def load(value, loading):
    """Draw the register once: a register that holds visits is left as it is."""
    what = ReceptionVisit._meta.verbose_name_plural
    if ReceptionVisit.objects.exists():
        loading.counted(what, "unchanged")
        return
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=_usernames(value))
    }
    services = {
        page.slug: page
        for page in ServicePage.objects.filter(locale=loading.french, slug__in=value["services"])
    }
    referrals = value.get("referrals", {})
    register = sample_register.SampleRegister(
        days=value["days"],
        visits_per_day=value["visits_per_day"],
        seed=value["seed"],
        agent=users[value["agent"]],
        services={services[slug]: weight for slug, weight in value["services"].items()},
        hours={_hour(key): weight for key, weight in value["hours"].items()},
        categories=value["categories"],
        genders=value["genders"],
        answered_percent=value["answered_at_desk"],
        received_by=users.get(referrals.get("received_by")),
        notes=referrals.get("notes") or [""],
        unanswered=[
            sample_register.UnansweredSearch(item["query"], item["language"], item["times"])
            for item in value.get("unanswered_searches", [])
        ],
        followed_up=[
            sample_register.FollowUp(item["query"], item["outcome"], users.get(item.get("by")))
            for item in value.get("searches_followed_up", [])
        ],
    )
    drawn = sample_register.generate(register, today=loading.today)
    loading.counted(what, "created")
    for _visit in range(drawn):
        loading.counted(ReceptionVisit._meta.verbose_name, "created")


def _usernames(value):
    yield value["agent"]
    yield value.get("referrals", {}).get("received_by", "")
    for decision in value.get("searches_followed_up", []):
        yield decision.get("by", "")


def export(exporting):
    """Visits are activity, not content: they are not exported."""
    return None


data.register(
    data.Part(
        file="reception",
        key="sample_register",
        order=120,
        schema=SAMPLE_REGISTER,
        load=load,
        export=export,
        check=check,
    )
)
