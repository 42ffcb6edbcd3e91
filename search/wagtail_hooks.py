from django.db.models.signals import post_delete, post_save
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import documents, lexicon
from .models import LexiconEntry, SynonymSet


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "search"
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


class LexiconEntryViewSet(SnippetViewSet):
    """The procedures cell adds the visitors' words that the shipped lexicon lacks."""

    model = LexiconEntry
    icon = "openquote"
    list_display = ["said", "means", "note"]
    search_fields = ["said", "means", "note"]


register_snippet(SynonymSetViewSet)
register_snippet(LexiconEntryViewSet)

for model in (SynonymSet, LexiconEntry):
    post_save.connect(lexicon.forget, sender=model, dispatch_uid=f"search-{model.__name__}-saved")
    post_delete.connect(
        lexicon.forget, sender=model, dispatch_uid=f"search-{model.__name__}-deleted"
    )


@hooks.register("recover_background_work")
def queue_documents_left_waiting():
    """A restore or a dead worker can leave documents that no task will read."""
    return documents.queue_waiting()
