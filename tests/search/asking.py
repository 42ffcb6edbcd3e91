"""Asking the search facade in one line, as the tests do."""

from search.facade import SearchRequest
from search.facade import search as run_search


def ask(query, language=None, written_in=None, request=None, **options):
    """Results for ``query``. ``language`` keeps the pages of that language and the
    documents; ``written_in`` one language only ("" for documents); neither, every
    language with the query's own first, as the desk asks."""
    if written_in is not None:
        languages = (written_in,)
    elif language:
        languages = (language, "")
    else:
        languages = None
    return run_search(SearchRequest(query, languages=languages, reader=request, **options))
