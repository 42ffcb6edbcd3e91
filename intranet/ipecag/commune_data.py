"""ipecag.yaml: the IPECAG's section page and its yearly work plans.

A plan is found again by its year; each action keeps its ``id``, the stable
block id by which progress updates, the Arabic plan and the Word export find
it. An action written without an id gets one derived from the plan's year and
the action's place, so that loading the file again finds the same action.
The figures of an action (service, deadline, budget, status...) are written
once and go to both language versions, as the plan's page expects.

Demonstration folders may give ``year: this-year`` (or ``this-year-1``) with
``{year}`` in the title, and deadlines counted from today (``today+25``);
exports write them absolute. Loading never deletes a plan absent from the file:
deletion is an admin act. Loading does write the figures it is given: progress
recorded in the intranet since the folder was written is replaced, so export
before loading a folder again.
"""

import re
import uuid
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Locale

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s
from intranet.core.commune_data.pages import upsert_child, upsert_translation
from intranet.organisation.models import ServicePage

from .blocks import Status
from .models import WorkPlanIndexPage, WorkPlanPage

# Derived block ids: the same namespace as the demo modules used.
ID_NAMESPACE = uuid.UUID("4f6c0e52-9d1e-4c61-9a43-6f0d5a1c2b10")
RELATIVE_YEAR = re.compile(r"^this-year(?:([+-])(\d{1,2}))?$")
AMOUNT = {"type": ["number", "null"], "minimum": 0}
FIGURES = ("budget", "spent", "target", "measured")

ACTION = s.record(
    {
        "id": {
            "type": "string",
            "pattern": r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
            "description": "Stable identifier (UUID) that progress updates point at; "
            "left out, one is derived from the year and the action's place.",
        },
        "title": s.bilingual({"type": "string", "minLength": 1, "maxLength": 400}),
        "service": {**s.SLUG, "description": "Slug of the responsible service."},
        "partners": s.optional_bilingual({"type": "string", "maxLength": 300}),
        "deadline": s.DATE,
        "budget": {**AMOUNT, "description": "Dirhams."},
        "spent": {**AMOUNT, "description": "Dirhams spent so far."},
        "status": s.choice(Status.values),
        "indicator": s.optional_bilingual({"type": "string", "maxLength": 300}),
        "target": AMOUNT,
        "measured": AMOUNT,
    },
    required=("title", "deadline", "status"),
)

PLAN = s.record(
    {
        "year": {
            "type": ["integer", "string"],
            "minimum": 2015,
            "maximum": 2100,
            "pattern": RELATIVE_YEAR.pattern,
            "description": "2026, or this-year, this-year-1 in demonstration folders.",
        },
        "title": s.bilingual(
            {
                "type": "string",
                "minLength": 1,
                "description": "«{year}» stands for the plan's year.",
            }
        ),
        "introduction": s.optional_bilingual(s.RICH_TEXT),
        "objectives": s.records(
            s.record(
                {
                    "title": s.bilingual({"type": "string", "minLength": 1, "maxLength": 400}),
                    "why": s.optional_bilingual(),
                    "measures": s.records(
                        s.record(
                            {
                                "title": s.bilingual(
                                    {"type": "string", "minLength": 1, "maxLength": 400}
                                ),
                                "actions": s.records(ACTION),
                            },
                            required=("title", "actions"),
                        )
                    ),
                },
                required=("title", "measures"),
            )
        ),
    },
    required=("year", "title", "objectives"),
)


def plan_year(value, today=None):
    """``2026``, or ``this-year``, ``this-year-1``: years from the load."""
    if isinstance(value, int):
        return value
    sign, years = RELATIVE_YEAR.match(value).groups()
    offset = int(years or 0) * (-1 if sign == "-" else 1)
    return (today or timezone.localdate()).year + offset


def block_id(*place):
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(part) for part in place)))


def _section():
    return data.french_section_page(WorkPlanIndexPage)


def _text(value, language):
    return (value or {}).get(language, "")


def _bilingual(french, arabic):
    return {"fr": french or "", "ar": arabic or ""}


# Plans ----------------------------------------------------------------------


def _actions(plan):
    """``(place, action)`` for every action of a plan, its place being (o, m, a)."""
    for o, objective in enumerate(plan["objectives"]):
        for m, measure in enumerate(objective["measures"]):
            for a, action in enumerate(measure["actions"]):
                yield (o, m, a), action


def check_plans(value, checking):
    if value and not checking.catalogue.has("IPECAG section", "section"):
        checking.problem("plans need the IPECAG's section: give «section» in this file")
    for index, plan in enumerate(value):
        year = plan_year(plan["year"])
        checking.offer_unique("IPECAG plan", year, record=index, field="year", what="year")
        for (o, m, a), action in _actions(plan):
            field = f"objectives #{o + 1}.measures #{m + 1}.actions #{a + 1}"
            checking.require(
                "service", action.get("service"), record=index, field=f"{field}.service"
            )
            checking.offer_unique(
                "IPECAG action",
                action.get("id") or block_id(year, o, m, a),
                record=index,
                field=f"{field}.id",
                what="action id",
            )


def load_plans(value, loading):
    section = _section()
    services = {
        page.slug: page.pk
        for page in ServicePage.objects.filter(
            locale=loading.french,
            slug__in={action.get("service") for plan in value for _place, action in _actions(plan)},
        )
    }
    for plan in value:
        year = plan_year(plan["year"], loading.today)
        existing = WorkPlanPage.objects.child_of(section).filter(year=year).first()
        french = upsert_child(
            loading,
            section,
            WorkPlanPage,
            existing.slug if existing else f"plan-{year}",
            **_plan_fields(plan, year, "fr", services, loading),
        )
        upsert_translation(
            loading,
            french,
            loading.arabic,
            slug=french.slug,
            **_plan_fields(plan, year, "ar", services, loading),
        )


def _plan_fields(plan, year, language, services, loading):
    stream_block = WorkPlanPage._meta.get_field("objectives").stream_block
    return {
        "title": plan["title"][language].replace("{year}", str(year)),
        "year": year,
        "introduction": _text(plan.get("introduction"), language),
        # A stream value, not raw data, so that an unchanged plan compares equal.
        "objectives": stream_block.to_python(_objectives(plan, year, language, services, loading)),
    }


def _objectives(plan, year, language, services, loading):
    """The plan as stream data, every block with its stable id, shared by both languages."""
    stream = []
    for o, objective in enumerate(plan["objectives"]):
        measures = []
        for m, measure in enumerate(objective["measures"]):
            actions = [
                {
                    "type": "item",
                    "id": action.get("id") or block_id(year, o, m, a),
                    "value": _action(action, language, services, loading),
                }
                for a, action in enumerate(measure["actions"])
            ]
            measures.append(
                {
                    "type": "item",
                    "id": block_id(year, o, m),
                    "value": {"title": measure["title"][language], "actions": actions},
                }
            )
        stream.append(
            {
                "type": "objective",
                "id": block_id(year, o),
                "value": {
                    "title": objective["title"][language],
                    "description": _text(objective.get("why"), language),
                    "measures": measures,
                },
            }
        )
    return stream


def _action(action, language, services, loading):
    value = {
        "title": action["title"][language],
        "service": services.get(action.get("service")),
        "partners": _text(action.get("partners"), language),
        "deadline": loading.date(action["deadline"]).isoformat(),
        "status": action["status"],
        "indicator": _text(action.get("indicator"), language),
    }
    for name in FIGURES:
        amount = action.get(name)
        value[name] = None if amount is None else str(Decimal(str(amount)))
    return value


def export_plans(exporting):
    section = _section()
    if section is None:
        return None
    plans = WorkPlanPage.objects.child_of(section).order_by("year", "path")
    return [_plan_value(plan, exporting) for plan in plans] or None


def _plan_value(french, exporting):
    arabic = data.arabic_translation(french)
    value = {"year": french.year, "title": _bilingual(french.title, arabic and arabic.title)}
    if french.introduction or (arabic and arabic.introduction):
        value["introduction"] = _bilingual(french.introduction, arabic and arabic.introduction)
    arabic_objectives = list(arabic.objectives) if arabic else []
    arabic_actions = _actions_by_id(arabic) if arabic else {}
    objectives = []
    for o, objective in enumerate(french.objectives):
        other = arabic_objectives[o].value if o < len(arabic_objectives) else {}
        other_measures = list(other.get("measures", []))
        item = {"title": _bilingual(objective.value["title"], other.get("title"))}
        if objective.value["description"] or other.get("description"):
            item["why"] = _bilingual(objective.value["description"], other.get("description"))
        measures = []
        for m, measure in enumerate(objective.value["measures"].bound_blocks):
            other_title = other_measures[m]["title"] if m < len(other_measures) else ""
            measures.append(
                {
                    "title": _bilingual(measure.value["title"], other_title),
                    "actions": [
                        _action_value(action, arabic_actions.get(action.id, {}), exporting)
                        for action in measure.value["actions"].bound_blocks
                    ],
                }
            )
        item["measures"] = measures
        objectives.append(item)
    value["objectives"] = objectives
    return value


def _actions_by_id(page):
    return {
        action.id: action.value
        for objective in page.objectives
        for measure in objective.value["measures"]
        for action in measure["actions"].bound_blocks
    }


def _action_value(bound, arabic, exporting):
    """An action: its wording in both languages, its figures from the French plan."""
    action = bound.value
    value = {"id": bound.id, "title": _bilingual(action["title"], arabic.get("title"))}
    if action["service"]:
        value["service"] = _french_slug(action["service"])
    if action["partners"] or arabic.get("partners"):
        value["partners"] = _bilingual(action["partners"], arabic.get("partners"))
    value["deadline"] = exporting.date(action["deadline"])
    for name in ("budget", "spent"):
        if action[name] is not None:
            value[name] = exporting.money(action[name])
    value["status"] = action["status"]
    if action["indicator"] or arabic.get("indicator"):
        value["indicator"] = _bilingual(action["indicator"], arabic.get("indicator"))
    for name in ("target", "measured"):
        if action[name] is not None:
            value[name] = exporting.money(action[name])
    return value


def _french_slug(service):
    if service.locale.language_code != "fr":
        french = service.get_translation_or_none(Locale.objects.get(language_code="fr"))
        service = french or service
    return service.slug


data.reference("IPECAG section", data.section_page_exists(WorkPlanIndexPage))
data.register(
    data.section_page_part(
        file="ipecag",
        key="section",
        order=100,
        model=WorkPlanIndexPage,
        reference_kind="IPECAG section",
        description="The IPECAG's section page, under the home page of each language.",
        # The section is the home page's one IPECAG page; its slug is kept once made.
        other_slug=data.KEEP_SLUG,
        arabic_in_menus=False,
        blank_when_untranslated=True,
    )
)
data.register(
    data.Part(
        file="ipecag",
        key="plans",
        order=101,
        schema=s.records(PLAN),
        load=load_plans,
        export=export_plans,
        check=check_plans,
        record_keys=("year",),
        description="The yearly work plans: objectives, their measures and actions.",
    )
)
