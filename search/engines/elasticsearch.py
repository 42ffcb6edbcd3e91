"""The same search on Elasticsearch 8, when ``ELASTICSEARCH_URL`` is set.

Elasticsearch holds a copy of every entry. Beside the text as written (for
reading and Elasticsearch's own French and Arabic analysis), each entry carries
its terms as ``search.text`` analyses them (``terms_title``, ``terms_summary``,
``terms_body``, split on spaces); queries are built from the concepts that
``search.understanding`` found, on those fields. So both engines read the
visitor with one analysis (folding, stemming, lexicon, Arabizi, synonyms) and
differ only in how they rank and count. The mapping and the queries are built
with the client's ``elasticsearch.dsl`` and checked as data where no server runs.
"""

from functools import cache as once

from django.conf import settings
from elasticsearch.dsl import Document, Float, Integer, Keyword, Q, Search, Text, analyzer

from .. import text
from ..models import SearchEntry
from ..results import LANGUAGES, Hit
from .base import MAX_HITS, OTHER_LANGUAGE, Answer, SearchEngine, enough

FACETS = ("kind", "service", "category", "language")
# Counted within the languages shown; "language" is counted beside them, so that
# a reader sees what the other language holds.
SHOWN_FACETS = ("kind", "service", "category")
TERM_FIELDS = {"title": "terms_title^8", "summary": "terms_summary^3", "body": "terms_body"}


def index_name():
    return f"{getattr(settings, 'ELASTICSEARCH_INDEX', 'intranet')}-content"


@once
def client(url):
    """One client per process and address: it keeps its connections open between queries."""
    from elasticsearch import Elasticsearch

    return Elasticsearch(url, request_timeout=5)


def connection():
    return client(settings.ELASTICSEARCH_URL)


def document_class():
    # Terms are analysed before they are sent: Elasticsearch only splits them.
    terms = analyzer("intranet_terms", tokenizer="whitespace")

    def written():
        return Text(
            analyzer="standard",
            fields={"fr": Text(analyzer="french"), "ar": Text(analyzer="arabic")},
        )

    class IntranetDocument(Document):
        title = written()
        summary = written()
        body = written()
        terms_title = Text(analyzer=terms)
        terms_summary = Text(analyzer=terms)
        terms_body = Text(analyzer=terms)
        kind = Keyword()
        language = Keyword()
        service = Keyword()
        category = Keyword()
        url = Keyword(index=False)
        boost = Float()
        collection = Integer()  # documents only: the Wagtail collection, for private ones

        class Index:
            name = index_name()
            settings = {"number_of_shards": 1, "number_of_replicas": 0}

    return IntranetDocument


def mapping():
    """The index body (settings and mappings) as a dict: what ``rebuild`` creates."""
    return document_class()._index.to_dict()


def analysed(value):
    """A field's terms as ``search.text`` analyses them for the database index."""
    return " ".join(term for _word, term in text.indexed_words(value or ""))


def as_document(entry, collection=None):
    return document_class()(
        meta={"id": entry.key},
        title=entry.title,
        summary=entry.summary,
        body=entry.body,
        terms_title=analysed(entry.title),
        terms_summary=analysed(entry.summary),
        terms_body=analysed(entry.body),
        kind=entry.kind,
        language=entry.language,
        service=entry.service,
        category=entry.category,
        url=entry.url,
        boost=entry.boost,
        collection=collection,
    )


def concept_query(concept):
    """A concept matches when all the terms of one of its alternatives do, in any field;
    a quoted phrase, when one of its sequences stands word for word."""
    if concept.sequences:
        clauses = [(sequence, {"type": "phrase"}) for sequence in concept.sequences]
    else:
        clauses = [
            (alternative, {"type": "cross_fields", "operator": "and", "boost": factor})
            for alternative, factor in concept.weighted_alternatives()
            if alternative
        ]
    return Q(
        "bool",
        should=[
            Q("multi_match", query=" ".join(terms), fields=list(TERM_FIELDS.values()), **how)
            for terms, how in clauses
        ],
        minimum_should_match=1,
    )


def build_search(plan, partial=False):
    """The Elasticsearch request for a plan (``search.engines.base.Plan``)."""
    concepts = plan.understood.known_concepts
    phrases = [concept_query(c) for c in concepts if c.sequences]
    others = [concept_query(c) for c in concepts if not c.sequences]
    needed = 1 if partial else enough(len(concepts))
    matching = Q(
        "bool",
        must=phrases,  # a phrase in quotes must stand in the entry
        should=others,
        minimum_should_match=max(0, min(len(others), needed - len(phrases))),
    )
    search = Search(index=index_name()).query(
        Q(
            "function_score",
            query=matching,
            functions=[
                {"field_value_factor": {"field": "boost", "missing": 1}},
                {
                    # The query's own language first; documents have none.
                    "filter": Q("bool", must_not=[Q("terms", language=list(plan.preferred))]),
                    "weight": OTHER_LANGUAGE,
                },
            ],
            score_mode="multiply",
            boost_mode="multiply",
        )
    )
    if plan.hidden_collections:
        # A document sent before documents carried their collection is left out
        # too, until ``rebuild_search``: better missing than shown to the wrong reader.
        search = search.filter(
            Q(
                "bool",
                must_not=[
                    Q("terms", collection=list(plan.hidden_collections)),
                    Q(
                        "bool",
                        filter=[Q("term", kind="document")],
                        must_not=[Q("exists", field="collection")],
                    ),
                ],
            )
        )
    shown = list(plan.shown)
    every_language = set(shown) >= set(LANGUAGES)
    after = [Q("term", **{name: value}) for name, value in sorted(plan.filters.items()) if value]
    if plan.count_all_languages and not every_language:
        after.append(Q("terms", language=shown))
    elif not every_language:
        search = search.filter("terms", language=shown)
    if after:  # filters the hits, not the facets' counts
        search = search.post_filter(after[0] if len(after) == 1 else Q("bool", filter=after))
    search.aggs.bucket("language", "terms", field="language", size=20)
    within = search.aggs.bucket(
        "shown",
        "filter",
        filter=(
            Q("terms", language=shown)
            if plan.count_all_languages and not every_language
            else Q("match_all")
        ),
    )
    for facet in SHOWN_FACETS:
        within.bucket(facet, "terms", field=facet, size=20)
    return search.extra(size=plan.limit or MAX_HITS, track_total_hits=True)


def facet_counts(aggregations):
    """``{facet: {value: count}}`` from a response's ``aggregations`` (a dict)."""
    scopes = {"language": aggregations}
    scopes.update({facet: aggregations.get("shown", {}) for facet in SHOWN_FACETS})
    return {
        facet: {
            bucket["key"]: bucket["doc_count"]
            for bucket in scopes[facet].get(facet, {}).get("buckets", [])
        }
        for facet in FACETS
    }


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def answer(self, plan):
        if not plan.understood.known_concepts:
            return Answer(hits=[], facets={})
        found, counts = self._run(plan)
        partial = False
        if not found and len(plan.understood.known_concepts) > 1:
            found, counts = self._run(plan, partial=True)
            partial = bool(found)
        terms = {term for concept in plan.understood.concepts for term in concept.terms}
        entries = SearchEntry.objects.in_bulk([key for key, _score in found], field_name="key")
        hits = [Hit(entries[key], score, terms) for key, score in found if key in entries]
        return Answer(hits=hits, facets=counts, partial=partial)

    def _run(self, plan, partial=False):
        response = build_search(plan, partial).using(connection()).execute()
        aggregations = response.aggregations.to_dict() if "aggregations" in response else {}
        return [(hit.meta.id, hit.meta.score) for hit in response], facet_counts(aggregations)

    def entry_stored(self, entry):
        as_document(entry, collection_of(entry)).save(using=connection(), refresh="wait_for")

    def entry_removed(self, key):
        connection().delete(index=index_name(), id=key, ignore=[404])

    def rebuilt(self):
        """Recreate the index, and send every entry."""
        from elasticsearch.helpers import bulk

        es = connection()
        document = document_class()
        document._index.delete(using=es, ignore_unavailable=True)
        document.init(using=es)
        collections = document_collections()
        bulk(
            es,
            (
                as_document(entry, collections.get(entry.key)).to_dict(include_meta=True)
                for entry in SearchEntry.objects.iterator()
            ),
        )
        es.indices.refresh(index=index_name())


def document_collections():
    """``{entry key: collection id}`` of every document, read once for a rebuild."""
    from wagtail.documents import get_document_model

    return {
        f"document:{pk}": collection_id
        for pk, collection_id in get_document_model().objects.values_list("pk", "collection_id")
    }


def collection_of(entry):
    if not entry.key.startswith("document:"):
        return None
    from wagtail.documents import get_document_model

    return (
        get_document_model()
        .objects.filter(pk=int(entry.key.split(":", 1)[1]))
        .values_list("collection_id", flat=True)
        .first()
    )
