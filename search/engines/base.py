"""What every search engine is given and gives back.

The facade (``search.facade``) understands the query once, for every engine,
and hands the engine a ``Plan``; the engine ranks entries and counts facets,
and gives an ``Answer``. Promotions, filters of pinned results, facet labels
and the cache stay in the facade.
"""

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

# A result in the other language than the query's is kept, below those in the
# query's language: it still answers, and the reader may read both.
OTHER_LANGUAGE = 0.5
MAX_HITS = 500  # no one reads further; facets count these
# Share of the query's known concepts an entry must match: half of a short query;
# a third of a longer one, where a visitor's sentence carries words around the
# one or two that name the procedure.
ENOUGH = 0.5
ENOUGH_OF_A_SENTENCE = 1 / 3
SENTENCE = 3  # known concepts from which a query reads as a sentence


def enough(known):
    """How many of ``known`` concepts an entry must match."""
    share = ENOUGH if known < SENTENCE else ENOUGH_OF_A_SENTENCE
    return max(1, math.ceil(known * share - 1e-9))


@dataclass
class Plan:
    understood: object  # search.understanding.Understood
    shown: tuple  # entry languages searched ("fr", "ar", and "" for documents)
    filters: dict  # kind, service, category: values, or None
    limit: int | None
    count_all_languages: bool = False  # the language facet counts every language
    hidden_collections: list = field(default_factory=list)  # private, for this reader
    hidden_entries: object = None  # the ids of their documents' entries, as a subquery
    entry_total: int | None = None  # entries in the index, read once per content version

    @property
    def preferred(self):
        """Entry languages ranked first: the query's own, and documents."""
        return (*self.understood.languages, "")


@dataclass
class Answer:
    hits: list  # search.results.Hit, best first
    facets: dict  # {facet: {value: count}}
    partial: bool = False


class SearchEngine(ABC):
    """An engine ranks; ``entry_stored``, ``entry_removed`` and ``rebuilt`` tell it what
    indexing changed in the database's entries, which every engine's results show."""

    name = ""

    @abstractmethod
    def answer(self, plan):
        """The ``Answer`` to a ``Plan``: hits best first, and facet counts."""

    @abstractmethod
    def entry_stored(self, entry):
        """An entry was added or changed (after the transaction that wrote it)."""

    @abstractmethod
    def entry_removed(self, key):
        """An entry left the index."""

    @abstractmethod
    def rebuilt(self):
        """Every entry was written again."""


def language_factor(language, preferred):
    return 1.0 if language in preferred else OTHER_LANGUAGE
