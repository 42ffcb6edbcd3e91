"""Speed and answers of the typo corrector (``Vocabulary.correct``) against an earlier version.

Builds the demo commune in a throwaway SQLite database (or reuses
``BENCH_DATABASE``, as ``bench/relevance.py`` does), makes typing mistakes in
the content's own words (a letter dropped, doubled, replaced, or two swapped),
then corrects each with the vocabulary as it stands and with
``search/vocabulary.py`` at a git revision (``HEAD`` by default, loaded into a
temporary module). Prints how many corrections differ, the time per
correction of each, and the time to measure one word against the whole
vocabulary, which is what grows with a commune's content.

    .venv/bin/python bench/typo_correction.py [--against REV] [--typos N]
    BENCH_DATABASE=bench-demo.sqlite3 .venv/bin/python bench/typo_correction.py
"""

import argparse
import importlib.util
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
DATABASE = os.environ.get("BENCH_DATABASE") or f"{tempfile.mkdtemp()}/bench.sqlite3"
BUILT = Path(DATABASE).exists()
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["EMAIL_URL"] = "dummymail://"
MODULE = "search/vocabulary.py"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import OSA  # noqa: E402

from search import vocabulary as current  # noqa: E402
from search.models import SearchWord  # noqa: E402


def load_revision(revision):
    """The module at ``revision``, importable beside the current one (same package, same models)."""
    source = subprocess.run(
        ["git", "show", f"{revision}:{MODULE}"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "vocabulary_at_revision.py"
    path.write_bytes(source)
    spec = importlib.util.spec_from_file_location("search.vocabulary_at_revision", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def typos(words, count, randomiser):
    """Mistakes of one kind each, in words long enough to be corrected at all."""
    made = []
    while len(made) < count:
        word = randomiser.choice(words)
        at = randomiser.randrange(1, len(word) - 1)  # the first letter is kept, as typists do
        kind = randomiser.choice(["drop", "double", "replace", "swap"])
        if kind == "drop":
            typo = word[:at] + word[at + 1 :]
        elif kind == "double":
            typo = word[:at] + word[at] + word[at:]
        elif kind == "replace":
            typo = word[:at] + randomiser.choice(word) + word[at + 1 :]
        else:
            typo = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        if typo != word:
            made.append(typo)
    return made


def per_call(function, arguments_list, rounds=3):
    """Seconds per call, the best of a few rounds: the CPU is shared."""
    best = None
    for _round in range(rounds):
        started = time.perf_counter()
        for arguments in arguments_list:
            function(*arguments)
        elapsed = (time.perf_counter() - started) / len(arguments_list)
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD", help="git revision of the other version")
    parser.add_argument("--typos", type=int, default=400)
    arguments = parser.parse_args()

    call_command("migrate", verbosity=0)
    if not BUILT:
        call_command("load_demo", stdout=open(os.devnull, "w"))
        call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))
    other = load_revision(arguments.against)

    words = list(SearchWord.objects.values_list("word", flat=True))
    long_enough = [word for word in words if len(word) >= 5]
    mistakes = typos(long_enough, arguments.typos, random.Random(2017))

    answers = {}
    for label, module in ((arguments.against, other), ("now", current)):
        vocabulary = module.Vocabulary()
        answers[label] = [vocabulary.correct(typo) for typo in mistakes]
    pairs = zip(mistakes, answers[arguments.against], answers["now"], strict=True)
    differing = [(typo, before, after) for typo, before, after in pairs if before != after]
    corrected = sum(answer is not None for answer in answers["now"])
    print(f"vocabulary: {len(words)} words; {len(mistakes)} typos, {corrected} corrected")
    print(f"corrections that differ from {arguments.against}: {len(differing)}")
    for typo, before, after in differing:
        print(f"    {typo!r}: {before} then, {after} now")

    print("\ntime per correction (queries included, a fresh vocabulary each time):")
    for label, module in ((arguments.against, other), ("now", current)):
        seconds = per_call(
            lambda typo, module=module: module.Vocabulary().correct(typo),
            [(typo,) for typo in mistakes],
        )
        print(f"    {label:<10} {seconds * 1e3:7.3f} ms")

    print(f"\ntime to measure one typo against all {len(words)} words, within two edits:")
    sample = [(typo,) for typo in mistakes[:50]]
    if hasattr(other, "edit_distance"):
        seconds = per_call(lambda typo: [other.edit_distance(typo, w, 2) for w in words], sample)
        print(f"    {arguments.against + ' (edit_distance)':<24} {seconds * 1e3:7.3f} ms")
    seconds = per_call(
        lambda typo: process.extract(typo, words, scorer=OSA.distance, score_cutoff=2, limit=None),
        sample,
    )
    print(f"    {'now (rapidfuzz OSA)':<24} {seconds * 1e3:7.3f} ms")


if __name__ == "__main__":
    main()
