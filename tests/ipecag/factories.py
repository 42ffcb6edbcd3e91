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
    """The demo commune's plan: only for checks of the demo itself."""
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


def in_arabic(page):
    return WorkPlanPage.objects.get(translation_key=page.translation_key, locale=arabic())


def _worded(raw, titles):
    """``raw`` blocks with each title found in ``titles`` replaced, block ids kept."""
    if isinstance(raw, list):
        return [_worded(item, titles) for item in raw]
    if isinstance(raw, dict):
        return {
            key: titles.get(value, value) if key == "title" else _worded(value, titles)
            for key, value in raw.items()
        }
    return raw


def plan_page(year, objectives, translate=False, arabic_titles=None):
    """A published French plan for ``year`` and, if ``translate`` or ``arabic_titles``,
    its Arabic copy with the same block ids, where the titles of objectives, measures
    and actions found in ``arabic_titles`` (French title: Arabic title) are translated."""
    page = upsert_child(
        None,
        section(),
        WorkPlanPage,
        f"plan-test-{year}",
        title=f"Plan {year}",
        year=year,
        objectives=objectives,
    )
    if translate or arabic_titles:
        upsert_translation(
            None,
            page,
            arabic(),
            title=f"خطة {year}",
            slug=f"plan-test-{year}",
            objectives=_worded(objectives, arabic_titles or {}),
        )
    return page
