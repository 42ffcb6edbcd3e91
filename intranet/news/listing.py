"""Listings by month with filters, shared by the news and the council decisions.

Filters come from the address (``?year=2026&month=11``): a hand-edited or stale
address may carry anything, so each bad filter is named in a message and left
out, and the rest of the listing still answers.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from intranet.core.parameters import whole_number

from . import months

FIRST_YEAR = 1960  # the commune's council predates any record kept here
LAST_YEAR = 2100


class MonthFilters(forms.Form):
    year = forms.CharField(label=_("Year"), required=False)
    month = forms.CharField(label=_("Month"), required=False)
    lookups = {}  # extra filters of a subclass: field name -> queryset lookup

    def __init__(self, data, years=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["year"].widget = forms.Select(
            choices=[("", _("Every year"))] + [(year, year) for year in years]
        )
        self.fields["month"].widget = forms.Select(
            choices=[("", _("Every month"))]
            + [(number, months.month_name(number)) for number in range(1, 13)]
        )

    def clean_year(self):
        value = self.cleaned_data["year"].strip()
        if not value:
            return None
        year = whole_number(value, FIRST_YEAR, LAST_YEAR)
        if year is None:
            raise forms.ValidationError(
                _(
                    "“%(value)s” is not a year: write it in figures, "
                    "between %(first)s and %(last)s."
                ),
                params={"value": value[:20], "first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return year

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        month = whole_number(value, 1, 12)
        if month is None:
            raise forms.ValidationError(
                _("“%(value)s” is not a month: choose a number from 1 to 12."),
                params={"value": value[:20]},
            )
        return month

    def valid_filters(self):
        """The filters that passed validation (bad ones are dropped, never guessed)."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "")
        }

    def problems(self):
        self.is_valid()
        return [message for messages in self.errors.values() for message in messages]


class DecisionFilters(MonthFilters):
    session = forms.ChoiceField(
        label=_("Session"),
        required=False,
        error_messages={"invalid_choice": _("“%(value)s” is not a kind of session.")},
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        error_messages={"invalid_choice": _("“%(value)s” is not an outcome of a vote.")},
    )
    lookups = {"session": "session_type", "outcome": "outcome"}

    def __init__(self, data, years=(), **kwargs):
        from .models import Outcome, SessionType

        super().__init__(data, years=years, **kwargs)
        self.fields["session"].choices = [("", _("Every session")), *SessionType.choices]
        self.fields["outcome"].choices = [("", _("Every outcome")), *Outcome.choices]


@dataclass
class MonthGroup:
    year: int
    month: int
    items: list = field(default_factory=list)

    @property
    def heading(self):
        return months.month_heading(self.year, self.month)

    @property
    def anchor(self):
        return f"{self.year}-{self.month:02d}"


def group_by_month(items, date_of):
    """Consecutive items of the same month under one heading, in the given order."""
    groups = []
    for item in items:
        day = date_of(item)
        if not groups or (groups[-1].year, groups[-1].month) != (day.year, day.month):
            groups.append(MonthGroup(day.year, day.month))
        groups[-1].items.append(item)
    return groups


def listing_context(request, queryset, form, date_field, per_page):
    """What a month listing template needs: the form, its problems, the page and its groups."""
    filters = form.valid_filters()
    if "year" in filters:
        queryset = queryset.filter(**{f"{date_field}__year": filters["year"]})
    if "month" in filters:
        queryset = queryset.filter(**{f"{date_field}__month": filters["month"]})
    for name, lookup in form.lookups.items():
        if name in filters:
            queryset = queryset.filter(**{lookup: filters[name]})
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    kept = request.GET.copy()
    kept.pop("page", None)
    for name in form.errors:
        kept.pop(name, None)
    return {
        "filter_form": form,
        "filter_problems": form.problems(),
        "filtered": bool(filters),
        "listing_page": page,
        "month_groups": group_by_month(page, lambda item: getattr(item, date_field)),
        "filter_query": kept.urlencode(),
    }


def years_of(queryset, date_field):
    return sorted(
        {day.year for day in queryset.dates(date_field, "year")},
        reverse=True,
    )
