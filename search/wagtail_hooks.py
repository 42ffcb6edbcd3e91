from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymSet
from .query import SYNONYMS_CACHE_KEY


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "search"
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


register_snippet(SynonymSetViewSet)


def _forget_synonyms(**kwargs):
    cache.delete(SYNONYMS_CACHE_KEY)


post_save.connect(_forget_synonyms, sender=SynonymSet, dispatch_uid="search-synonyms-saved")
post_delete.connect(_forget_synonyms, sender=SynonymSet, dispatch_uid="search-synonyms-deleted")
