"""The visitors' words as data: vocabulary.yaml holds the editors' synonym sets.

A set is found again by its first phrase, so that adding or changing its other
phrases, or its note, updates it. Loading never deletes a set the folder leaves
out: the procedures cell removes one in the admin.

Once a load that changed anything is committed, the search index is rebuilt
and the language data read again, as after the demo's load: a dry run, rolled
back, never touches them.
"""

from collections import Counter

from django.db import transaction

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s

from . import indexing, lexicon
from .models import SynonymSet

PHRASE = {
    "type": "string",
    "pattern": r"^[^,\n]*[^,\s][^,\n]*$",
    "description": "A word or phrase, in French or Arabic, without commas.",
}
SYNONYM_SET = s.record(
    {
        "terms": {
            "type": "array",
            "items": PHRASE,
            "minItems": 2,
            "description": "Phrases that mean the same thing; the first one names the set.",
        },
        "note": s.TEXT,
    },
    required=("terms",),
)


def phrases(record):
    return [phrase.strip() for phrase in record["terms"]]


def declare(value, checking):
    for index, record in enumerate(value):
        checking.offer_unique(
            "synonym set", phrases(record)[0], index, "terms", what="the first phrase"
        )


def check(value, checking):
    for index, record in enumerate(value):
        for phrase, times in Counter(phrases(record)).items():
            if times > 1:
                checking.problem(f"«{phrase}» is given {times} times", index, "terms")


def load(value, loading):
    sets = {}
    for synonym_set in SynonymSet.objects.order_by("pk"):
        first = next(iter(synonym_set.phrases()), None)
        sets.setdefault(first, synonym_set)
    for record in value:
        terms = "\n".join(phrases(record))
        note = record.get("note", "")
        synonym_set = sets.get(phrases(record)[0])
        if synonym_set is None:
            SynonymSet.objects.create(terms=terms, note=note)
            outcome = "created"
        elif synonym_set.terms == terms and synonym_set.note == note:
            outcome = "unchanged"
        else:
            synonym_set.terms, synonym_set.note = terms, note
            synonym_set.save()
            outcome = "updated"
        loading.counted(SynonymSet._meta.verbose_name, outcome)


def export(exporting):
    sets = sorted(
        (synonym_set.phrases(), synonym_set.pk, synonym_set.note)
        for synonym_set in SynonymSet.objects.all()
        if synonym_set.phrases()
    )
    records = []
    for terms, _pk, note in sets:
        record = {"terms": terms}
        if note:
            record["note"] = note
        records.append(record)
    return records or None


def rebuild_index_once_loaded(loading):
    """Index what the load published, once it is committed; nothing if nothing changed."""
    if all(outcome == "unchanged" for _what, outcome in loading.counts):
        return
    transaction.on_commit(_rebuild)


def _rebuild():
    indexing.rebuild()
    lexicon.forget()


data.register(
    data.Part(
        file="vocabulary",
        key="synonyms",
        order=110,
        schema=s.records(SYNONYM_SET),
        description="The words visitors use for the same thing, in French and Arabic.",
        load=load,
        export=export,
        declare=declare,
        check=check,
    )
)
data.after_load(rebuild_index_once_loaded)
