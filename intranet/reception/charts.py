"""Bar charts drawn by the server as plain HTML and CSS.

No charting library from a CDN: the intranet must work offline. HTML bars read
right to left as well as left to right, print sharply, and keep their numbers
as text for screen readers.
"""

from dataclasses import dataclass

from django.utils.dates import WEEKDAYS

from .models import ReceptionVisit


@dataclass
class Bar:
    label: str
    value: int
    percent: float


def _bars(pairs):
    highest = max((value for _label, value in pairs), default=0) or 1
    return [Bar(str(label), value, round(100 * value / highest, 1)) for label, value in pairs]


def bars(pairs):
    """Horizontal bars (long labels, such as service names)."""
    return _bars(pairs)


def columns(pairs):
    """Vertical columns (short labels, such as hours and days)."""
    return _bars(pairs)


def weekday_name(day):
    return WEEKDAYS[day]


def category_gender_rows(counter):
    """``[(category label, women, men, unspecified, total)]`` for the register's table."""
    rows = []
    for category, label in ReceptionVisit.VisitorCategory.choices:
        counts = [
            counter.get((category, gender), 0)
            for gender, _gender_label in ReceptionVisit.Gender.choices
        ]
        if sum(counts):
            rows.append((label, *counts, sum(counts)))
    return rows
