from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from intranet.core import freshness

        from . import commune_data, signals  # noqa: F401  (commune_data registers its part)

        # The log of searches and the engine's own tables: no kept answer shows them
        # (the index's bulk writes call ``freshness.changed()`` themselves).
        freshness.not_content(
            "search.SearchQueryLog",
            "search.SearchFollowUp",
            "search.SearchEntry",
            "search.SearchPosting",
            "search.SearchTerm",
            "search.SearchWord",
        )

        checks.register(check_lexicons)


def check_lexicons(app_configs=None, **kwargs):
    """A lexicon file edited by hand and broken is reported by ``manage.py check``
    (and at every start), with its file and line, before any visitor searches."""
    from . import lexicon

    try:
        lexicon.shipped_lexicon.__wrapped__()
        lexicon.shipped_function_words.__wrapped__()
    except (ValueError, UnicodeDecodeError, OSError) as error:
        return [checks.Error(str(error), id="search.E001")]
    return []
