"""Dates with the commune's month names (see ``intranet.news.months``)."""

from django import template

from .. import months

register = template.Library()


@register.filter
def long_date(value):
    return months.long_date(value)


@register.filter
def month_year(value):
    return months.month_heading(value.year, value.month) if value else ""
