"""The same search on Elasticsearch 8, when ``ELASTICSEARCH_URL`` is set.

The index mapping and the queries are built with elasticsearch-dsl, so they can
be checked as data where no server runs. Analysis mirrors ``search.text``:
French elision, folding and light stemming; Arabic normalisation and stemming;
the editors' synonyms in both. The database keeps the entries that results
show; Elasticsearch ranks, corrects typing mistakes (fuzziness), completes
prefixes, matches quoted phrases, highlights and counts facets (aggregations,
exact). Each document carries its collection, so that a query leaves out
those of the private collections its reader may not read.
"""

from django.conf import settings
from elasticsearch_dsl import (
    Document,
    Float,
    Integer,
    Keyword,
    Search,
    Text,
    analyzer,
    connections,
    token_filter,
)
from elasticsearch_dsl import Q as Query

from .models import SearchEntry, SynonymSet

# Plain fields take fuzzy matching (typing mistakes); the language fields take
# stemming and synonyms, which Elasticsearch does not combine with fuzziness.
PLAIN_FIELDS = ["title^8", "summary^3", "body"]
LANGUAGE_FIELDS = ["title.fr^8", "title.ar^8", "summary.fr^3", "summary.ar^3", "body.fr", "body.ar"]
FACETS = ("kind", "service", "category", "language")
# Counted within the languages shown; "language" is counted beside them, so that
# a reader sees what the other language holds.
SHOWN_FACETS = ("kind", "service", "category")
SUGGESTION_FIELDS = ("title", "body")


def index_name():
    return f"{getattr(settings, 'ELASTICSEARCH_INDEX', 'intranet')}-content"


def synonym_rules():
    """The editors' synonym sets in Solr format ("a, b, c"), one rule per set."""
    return [", ".join(s.phrases()) for s in SynonymSet.objects.all() if len(s.phrases()) > 1]


def analyzers():
    """Index and search analyzers for French and Arabic.

    Elasticsearch applies synonym graphs at search time only, so each language
    has an index analyzer and a search analyzer that adds the synonyms.
    """
    synonyms = token_filter(
        "intranet_synonyms",
        type="synonym_graph",
        synonyms=synonym_rules() or ["intranet"],
        lenient=True,
    )
    elision = token_filter(
        "french_elision",
        type="elision",
        articles_case=True,
        articles=[
            "l",
            "m",
            "t",
            "qu",
            "n",
            "s",
            "j",
            "d",
            "c",
            "jusqu",
            "quoiqu",
            "lorsqu",
            "puisqu",
        ],
    )
    french_stemmer = token_filter("french_light_stemmer", type="stemmer", language="light_french")
    arabic_stemmer = token_filter("arabic_light_stemmer", type="stemmer", language="arabic")

    def french(name, extra):
        return analyzer(
            name,
            tokenizer="standard",
            filter=[elision, "lowercase", "asciifolding", *extra, french_stemmer],
        )

    def arabic(name, extra):
        return analyzer(
            name,
            tokenizer="standard",
            filter=["lowercase", "decimal_digit", "arabic_normalization", *extra, arabic_stemmer],
        )

    return {
        "fr": (french("intranet_french", []), french("intranet_french_search", [synonyms])),
        "ar": (arabic("intranet_arabic", []), arabic("intranet_arabic_search", [synonyms])),
    }


def document_class():
    analysis = analyzers()

    def text_field():
        return Text(
            analyzer="standard",
            fields={
                language: Text(analyzer=index_analyzer, search_analyzer=search_analyzer)
                for language, (index_analyzer, search_analyzer) in analysis.items()
            },
        )

    class IntranetDocument(Document):
        title = text_field()
        summary = text_field()
        body = text_field()
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
    """The index body (settings and mappings) as a dict: what ``create_index`` sends."""
    return document_class()._index.to_dict()


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


def as_document(entry, collection=None):
    return document_class()(
        meta={"id": entry.key},
        title=entry.title,
        summary=entry.summary,
        body=entry.body,
        kind=entry.kind,
        language=entry.language,
        service=entry.service,
        category=entry.category,
        url=entry.url,
        boost=entry.boost,
        collection=collection,
    )


def build_search(
    query,
    language=None,
    kind=None,
    service=None,
    category=None,
    limit=20,
    written_in=None,
    count_all_languages=False,
    hidden_collections=(),
):
    """The Elasticsearch request for a query, as an elasticsearch-dsl ``Search``.

    The arguments are those of ``search.query.search``; ``hidden_collections``
    are the private collections whose documents the reader may not read.
    """
    from .query import quoted_phrases

    search = Search(index=index_name())
    phrases, _rest = quoted_phrases(query)
    matching = Query(
        "bool",
        # A phrase in quotes must stand word for word, after analysis (the database
        # engine checks the same on its candidates).
        must=[
            Query("multi_match", query=phrase, fields=LANGUAGE_FIELDS, type="phrase")
            for phrase in phrases
        ],
        should=[
            Query(
                "multi_match",
                query=query,
                fields=LANGUAGE_FIELDS,
                type="best_fields",
                operator="and",
                boost=2,
            ),
            Query(
                "multi_match",
                query=query,
                fields=LANGUAGE_FIELDS,
                type="best_fields",
                minimum_should_match="50%",
            ),
            Query(
                "multi_match",
                query=query,
                fields=PLAIN_FIELDS,
                type="best_fields",
                fuzziness="AUTO",
                prefix_length=1,
                minimum_should_match="50%",
            ),
            Query(
                "multi_match",
                query=query,
                fields=["title", "title.fr", "title.ar"],
                type="bool_prefix",
            ),
            Query(
                "multi_match", query=query, fields=["title^2", "summary"], type="phrase", boost=3
            ),
        ],
        minimum_should_match=1,
    )
    search = search.query(
        Query(
            "function_score",
            query=matching,
            field_value_factor={"field": "boost", "missing": 1},
            boost_mode="multiply",
        )
    )
    if hidden_collections:
        # A document sent before documents carried their collection is left out
        # too, until ``rebuild_search``: better missing than shown to the wrong reader.
        search = search.filter(
            Query(
                "bool",
                must_not=[
                    Query("terms", collection=list(hidden_collections)),
                    Query(
                        "bool",
                        filter=[Query("term", kind="document")],
                        must_not=[Query("exists", field="collection")],
                    ),
                ],
            )
        )
    shown = [written_in] if written_in is not None else [language, ""] if language else None
    after = [
        Query("term", **{name: value})
        for name, value in (("kind", kind), ("service", service), ("category", category))
        if value
    ]
    if shown and count_all_languages:
        after.append(Query("terms", language=shown))
    elif shown:
        search = search.filter("terms", language=shown)
    if after:  # filters the hits, not the facets' counts
        search = search.post_filter(after[0] if len(after) == 1 else Query("bool", filter=after))
    search.aggs.bucket("language", "terms", field="language", size=20)
    within = search.aggs.bucket(
        "shown",
        "filter",
        filter=Query("terms", language=shown)
        if shown and count_all_languages
        else Query("match_all"),
    )
    for facet in SHOWN_FACETS:
        within.bucket(facet, "terms", field=facet, size=20)
    search = search.highlight_options(encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"])
    search = search.highlight("title", "summary", "body", fragment_size=200, number_of_fragments=1)
    for field_name in SUGGESTION_FIELDS:  # "did you mean": words of the index near mistyped ones
        search = search.suggest(
            field_name,
            query,
            term={"field": field_name, "suggest_mode": "missing", "min_word_length": 3},
        )
    return search.extra(size=limit, track_total_hits=True)


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


def corrected_query(query, suggestions):
    """The query with each mistyped word replaced by the index's nearest word, or "".

    ``suggestions`` is the response's ``suggest`` part; a title's word wins over a
    body's, as the words of titles are the ones visitors ask for.
    """
    replacements = {}
    for field_name in reversed(SUGGESTION_FIELDS):
        for token in suggestions.get(field_name, []):
            if token.get("options"):
                replacements[(token["offset"], token["length"])] = token["options"][0]["text"]
    if not replacements:
        return ""
    corrected = query
    for (offset, length), word in sorted(replacements.items(), reverse=True):
        corrected = corrected[:offset] + word + corrected[offset + length :]
    return corrected if corrected != query else ""


def connection():
    return connections.create_connection(
        alias="intranet", hosts=[settings.ELASTICSEARCH_URL], timeout=5
    )


def rebuild():
    """Recreate the index with the current synonyms, and send every entry."""
    from elasticsearch.helpers import bulk

    client = connection()
    document = document_class()
    document._index.delete(using=client, ignore_unavailable=True)
    document.init(using=client)
    collections = document_collections()
    bulk(
        client,
        (
            as_document(entry, collections.get(entry.key)).to_dict(include_meta=True)
            for entry in SearchEntry.objects.iterator()
        ),
    )
    client.indices.refresh(index=index_name())


def index_entry(entry):
    as_document(entry, collection_of(entry)).save(using=connection(), refresh="wait_for")


def delete_entry(key):
    connection().delete(index=index_name(), id=key, ignore=[404])


def run(query, limit=20, **arguments):
    """``[(key, score, highlights)]``, facet counts and the corrected query, from Elasticsearch.

    ``arguments`` are ``build_search``'s.
    """
    response = build_search(query, limit=limit, **arguments).using(connection()).execute()
    return read_response(query, response)


def read_response(query, response):
    """What ``run`` returns, read from an elasticsearch-dsl ``Response``."""
    hits = []
    for hit in response:
        highlights = hit.meta.highlight.to_dict() if "highlight" in hit.meta else {}
        hits.append(
            (hit.meta.id, hit.meta.score, {name: list(parts) for name, parts in highlights.items()})
        )
    aggregations = response.aggregations.to_dict() if "aggregations" in response else {}
    suggestions = response.suggest.to_dict() if "suggest" in response else {}
    return hits, facet_counts(aggregations), corrected_query(query, suggestions)
