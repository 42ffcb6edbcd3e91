"""The reception register seen by the IPECAG: who came to the commune in a year,
by gender and by visitor category (women's access to services is what it follows)."""

from collections import Counter

from intranet.reception import charts
from intranet.reception.models import ReceptionVisit


def for_year(year):
    visits = ReceptionVisit.objects.filter(recorded_at__year=year)
    by_category_gender = Counter(visits.values_list("visitor_category", "gender"))
    by_gender = Counter()
    for (_category, gender), count in by_category_gender.items():
        by_gender[gender] += count
    total = sum(by_gender.values())
    return {
        "total": total,
        "women_percent": round(100 * by_gender[ReceptionVisit.Gender.WOMAN] / total)
        if total
        else 0,
        "gender_chart": charts.bars(
            [(label, by_gender.get(value, 0)) for value, label in ReceptionVisit.Gender.choices]
        ),
        "category_rows": charts.category_gender_rows(by_category_gender),
    }
