"""Pages in the reader's language, found with as few queries as a busy desk needs.

Wagtail's ``page.localized`` looks the active locale up, then the translation:
two queries per page. A list of thirty procedures showing their service, or a
header asking for the home page four times, paid that each time. The locales
(French, Arabic) are created once; they are kept per process and forgotten when
one is saved or deleted.
"""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Locale

_locales = {}


def locale_for(language_code=None):
    """The ``Locale`` of a language (the active one by default), or None."""
    code = language_code or get_language()
    if code not in _locales:
        _locales[code] = Locale.objects.filter(language_code=code).first()
    return _locales[code]


def _forget(**kwargs):
    _locales.clear()


post_save.connect(_forget, sender=Locale, dispatch_uid="intranet-locales-saved")
post_delete.connect(_forget, sender=Locale, dispatch_uid="intranet-locales-deleted")


def localized_all(pages, language_code=None):
    """``{page.pk: the live translation in the language, or the page itself}``, one query.

    The same answer as ``page.localized`` for each page, for a whole list at once.
    """
    pages = [page for page in pages if page is not None]
    locale = locale_for(language_code)
    if not pages or locale is None:
        return {page.pk: page for page in pages}
    model = type(pages[0])
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translations = {
        page.translation_key: page
        for page in model.objects.live().filter(translation_key__in=keys, locale=locale)
    }
    return {
        page.pk: page
        if page.locale_id == locale.pk
        else translations.get(page.translation_key, page)
        for page in pages
    }


class LocalizedFromCache:
    """Wagtail's ``localized`` and ``localized_draft``, reading the active locale from the
    per-process cache instead of the database: a procedure page asks it of its
    service, building, arrondissements and legal texts, a dozen times."""

    @property
    def localized_draft(self):
        locale = locale_for()
        if locale is None or locale.pk == self.locale_id:
            return self
        return self.get_translation_or_none(locale) or self
