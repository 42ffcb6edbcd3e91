"""Work plans for tests, built through the same page tree and publishing path as the demo."""

import uuid
from datetime import date

from wagtail.models import Locale

from intranet.core.commune_data.pages import upsert_child, upsert_translation
from intranet.ipecag.models import WorkPlanIndexPage, WorkPlanPage


def arabic():
    return Locale.objects.get(language_code="ar")


def section(language="fr"):
    return WorkPlanIndexPage.objects.get(locale__language_code=language)


def demo_plan(year=None, language="fr"):
    year = year or date.today().year
    return WorkPlanPage.objects.get(year=year, locale__language_code=language)


def action(
    title, deadline, status="planned", target=None, measured=None, budget=None, spent=None, **more
):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "service": more.get("service"),
            "partners": more.get("partners", ""),
            "deadline": deadline.isoformat(),
            "budget": None if budget is None else str(budget),
            "spent": None if spent is None else str(spent),
            "status": status,
            "indicator": more.get("indicator", ""),
            "target": None if target is None else str(target),
            "measured": None if measured is None else str(measured),
        },
    }


def objective(title, *measures):
    return {
        "type": "objective",
        "id": str(uuid.uuid4()),
        "value": {"title": title, "description": "", "measures": list(measures)},
    }


def measure(title, *actions):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {"title": title, "actions": list(actions)},
    }


def plan_page(year, objectives, translate=False):
    """A published French plan for ``year`` (and its Arabic copy, same block ids)."""
    page = upsert_child(
        None,
        section(),
        WorkPlanPage,
        f"plan-test-{year}",
        title=f"Plan {year}",
        year=year,
        objectives=objectives,
    )
    if translate:
        upsert_translation(None, page, arabic(), title=f"خطة {year}", slug=f"plan-test-{year}")
    return page
