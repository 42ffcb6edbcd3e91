"""The office's statistics page and its export of counts. Thin: ``statistics``
computes the figures and says who reads them; here they are drawn and written."""

import csv

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import statistics as stats

# Excel set to French, as the commune's computers are, splits a CSV file on semicolons.
CSV_DELIMITER = ";"
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _language():
    return (get_language() or "fr")[:2]


def _read(request):
    """The period the address asks for (the default when it names none) and its figures."""
    if not stats.may_read(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    offered = stats.periods(today)
    period = stats.period_from(request.GET.get("period"), offered)
    return offered, period, stats.figures(period, today, _language())


def _bars(pairs):
    """Bars drawn as HTML, each as long as its share of the longest."""
    highest = max((value for _label, value in pairs), default=0) or 1
    return [
        {"label": str(label), "value": value, "percent": round(100 * value / highest, 1)}
        for label, value in pairs
    ]


@login_required
def statistics(request):
    offered, period, found = _read(request)
    charts = {
        name: _bars([(label, count) for _value, label, count in found[name]])
        for name in ("kinds", "channels", "genders", "categories", "satisfaction")
    }
    charts["months"] = _bars(
        [(date_format(month, "YEAR_MONTH_FORMAT"), count) for month, count in found["months"]]
    )
    charts["services"] = _bars([(row["service"], row["received"]) for row in found["services"]])
    charts["arrondissements"] = _bars(found["arrondissements"])
    return render(
        request,
        "requests_office/statistics.html",
        {
            "periods": offered,
            "period": period,
            "figures": found,
            "summary": found["summary"],
            "charts": charts,
            "closed": sum(count for _value, _label, count in found["satisfaction"]),
            "answer_days": settings.REQUESTS_ANSWER_DAYS,
        },
    )


@login_required
def statistics_csv(request):
    """Counts only, one row per dimension and value; UTF-8 with a byte order mark, or
    Excel reads Arabic as Latin letters."""
    _offered, period, found = _read(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="requests-statistics-{period.first_day}-{period.last_day}.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=CSV_DELIMITER)
    writer.writerow([_("Dimension"), _("Value"), _("Count")])
    for dimension, value, count in stats.count_rows(found):
        writer.writerow([_cell(dimension), _cell(value), count])
    return response


def _cell(text):
    text = str(text)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
