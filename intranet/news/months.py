"""Month names as the commune writes them.

Django's Arabic catalogue gives the Middle-Eastern month names (نوفمبر, أغسطس);
Moroccan administrations write the names derived from French (نونبر, غشت), as
the council's minutes and the 2017 diagnostic do. Listings, feeds and exports
take their month names from here so that they never disagree.
"""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_noop

# Django's own month names, declared again so that the intranet's Arabic
# catalogue, which Django reads before its own, gives the Moroccan names to
# every date shown, in templates and in the admin alike.
DJANGO_MONTH_NAMES = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)

MOROCCAN_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
)


def _is_arabic(language):
    return (language or translation.get_language() or "").split("-")[0] == "ar"


def month_name(month, language=None):
    """The name of a month (1 to 12) in ``language``, by default the active one."""
    if _is_arabic(language):
        return MOROCCAN_MONTHS[month - 1]
    with translation.override(language or translation.get_language()):
        from datetime import date

        return date_format(date(2000, month, 1), "F")


def month_heading(year, month, language=None):
    """« novembre 2026 », « نونبر 2026 »."""
    return f"{month_name(month, language)} {year}"


def long_date(value, language=None):
    """« 16 novembre 2026 », « 16 نونبر 2026 »."""
    if value is None:
        return ""
    return f"{value.day} {month_name(value.month, language)} {value.year}"
