"""A work plan read for people: its actions with their progress, objective by objective.

The wording comes from the page in the reader's language; the figures (service,
deadline, budget, spending, status, indicator target and measured value) come
from the French plan, matched by block id, so that one status update shows in
both languages and the Arabic plan never tells another story than the French.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from .blocks import Status

FIGURES = ("service", "deadline", "budget", "spent", "status", "target", "measured")
SOURCE_LANGUAGE = "fr"


@dataclass
class Action:
    id: str
    title: str
    partners: str
    indicator: str
    deadline: date | None
    budget: Decimal | None
    spent: Decimal | None
    status: str
    target: Decimal | None
    measured: Decimal | None
    service: object = None  # the responsible service in the reader's language
    overdue: bool = False

    @property
    def status_label(self):
        return Status(self.status).label if self.status in Status.values else self.status

    @property
    def done(self):
        return self.status == Status.DONE

    @property
    def achievement(self):
        """Measured value over target, in percent (may exceed 100), or None without a target."""
        if not self.target:
            return None
        return round(100 * (self.measured or 0) / self.target)


@dataclass
class Measure:
    id: str
    title: str
    actions: list


@dataclass
class Objective:
    id: str
    title: str
    description: str
    measures: list

    @property
    def actions(self):
        return [action for measure in self.measures for action in measure.actions]

    @property
    def done_count(self):
        return sum(action.done for action in self.actions)

    @property
    def done_percent(self):
        return _percent(self.done_count, len(self.actions))

    @property
    def done_fraction(self):
        return f"{self.done_count}/{len(self.actions)}"

    @property
    def achievement(self):
        """Mean indicator achievement of the actions that have a target, each capped at 100."""
        values = [min(a.achievement, 100) for a in self.actions if a.achievement is not None]
        return round(sum(values) / len(values)) if values else None

    @property
    def budget(self):
        return sum((a.budget or 0 for a in self.actions), Decimal(0))

    @property
    def spent(self):
        return sum((a.spent or 0 for a in self.actions), Decimal(0))


@dataclass
class Plan:
    page: object
    objectives: list
    today: date
    language: str = "fr"

    @property
    def actions(self):
        return [action for objective in self.objectives for action in objective.actions]

    @property
    def done_count(self):
        return sum(action.done for action in self.actions)

    @property
    def done_percent(self):
        return _percent(self.done_count, len(self.actions))

    @property
    def overdue(self):
        return sorted((a for a in self.actions if a.overdue), key=lambda a: a.deadline)

    @property
    def budget(self):
        return sum((objective.budget for objective in self.objectives), Decimal(0))

    @property
    def spent(self):
        return sum((objective.spent for objective in self.objectives), Decimal(0))

    @property
    def spent_percent(self):
        return _percent(self.spent, self.budget)

    def status_counts(self):
        """``[(label, count, status)]`` in the order of the statuses, empty ones left out."""
        counts = {status: 0 for status in Status.values}
        for action in self.actions:
            counts[action.status] = counts.get(action.status, 0) + 1
        return [(Status(s).label, n, s) for s, n in counts.items() if n and s in Status.values]


@dataclass
class BudgetRow:
    objective: Objective
    planned_percent: float
    spent_percent: float


def budget_rows(plan):
    """Planned and spent bars per objective, on one scale: the largest planned budget."""
    highest = max((max(o.budget, o.spent) for o in plan.objectives), default=0) or 1
    return [
        BudgetRow(o, round(100 * o.budget / highest, 1), round(100 * o.spent / highest, 1))
        for o in plan.objectives
    ]


def _percent(part, whole):
    return round(100 * part / whole) if whole else 0


def figures_page(page):
    """The page whose figures count: the French version of the plan when there is one."""
    if page.locale.language_code == SOURCE_LANGUAGE:
        return page
    from wagtail.models import Locale

    source_locale = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    source = page.get_translation_or_none(source_locale) if source_locale else None
    return source.specific if source else page


def action_values(page):
    """``{block id: StructValue}`` for every action of a page's plan."""
    return {
        action.id: action.value
        for objective in page.objectives
        for measure in objective.value["measures"].bound_blocks
        for action in measure.value["actions"].bound_blocks
    }


def build(page, language=None, today=None):
    """The plan of ``page`` with its progress, services named in ``language``."""
    today = today or timezone.localdate()
    language = language or page.locale.language_code
    source = figures_page(page)
    figures = action_values(source) if source.pk != page.pk else {}
    objectives = []
    for objective in page.objectives:
        measures = []
        for measure in objective.value["measures"].bound_blocks:
            actions = []
            for bound in measure.value["actions"].bound_blocks:
                own = bound.value
                numbers = figures.get(bound.id, own)
                action = Action(
                    id=bound.id,
                    title=own["title"],
                    partners=own["partners"],
                    indicator=own["indicator"],
                    **{name: numbers[name] for name in FIGURES if name != "service"},
                )
                action.service = numbers["service"]
                action.overdue = bool(
                    action.deadline and action.deadline < today and not action.done
                )
                actions.append(action)
            measures.append(Measure(measure.id, measure.value["title"], actions))
        objectives.append(
            Objective(
                objective.id, objective.value["title"], objective.value["description"], measures
            )
        )
    plan = Plan(page=page, objectives=objectives, today=today, language=language)
    _name_services(plan.actions, language)
    return plan


def _name_services(actions, language):
    """Replace each French service page by its version in ``language``, in two queries."""
    from intranet.organisation.models import ServicePage

    keys = {action.service.translation_key for action in actions if action.service}
    versions = {
        service.translation_key: service
        for service in ServicePage.objects.filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    for action in actions:
        if action.service:
            action.service = versions.get(action.service.translation_key, action.service)
