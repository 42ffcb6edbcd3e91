"""A commune's folder: read strictly, checked as a whole, loaded all or nothing.

These specify the framework that every section's parts stand on, through the
``commune`` part of the core: the smallest part there is.
"""

import json
from html import unescape
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from intranet.core import commune_data
from intranet.core.commune_data import yaml_files
from intranet.core.models import Commune, current_commune

pytestmark = pytest.mark.django_db

REPOSITORY = Path(__file__).resolve().parents[2]

COMMUNE = """\
format: 1
commune:
  name: {fr: Azilal, ar: أزيلال}
  formal_name: {fr: Commune d'Azilal, ar: جماعة أزيلال}
  email_domain: azilal.ma
"""


def folder_with(tmp_path, **files):
    for stem, text in files.items():
        (tmp_path / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def problems_of(tmp_path, **files):
    with pytest.raises(commune_data.CommuneDataInvalid) as refusal:
        commune_data.load_folder(folder_with(tmp_path, **files))
    return [str(problem) for problem in refusal.value.problems]


# Reading: what was typed, or a clear refusal


def test_dates_times_and_words_stay_as_typed():
    content = yaml_files.read("a: 2026-03-01\nb: 8:30\nc: no\nd: 12\ne: true")
    assert content == {"a": "2026-03-01", "b": "8:30", "c": "no", "d": 12, "e": True}


def test_a_key_given_twice_is_refused_with_its_line(tmp_path):
    text = COMMUNE + "commune:\n  name: {fr: X, ar: Y}\n"
    (problem,) = problems_of(tmp_path, commune=text)
    assert problem.startswith("commune.yaml · line 6, column 1")
    assert "the key «commune» is given twice" in problem


def test_malformed_yaml_names_the_file_and_the_line(tmp_path):
    (problem,) = problems_of(tmp_path, commune="format: 1\ncommune: [unclosed\n")
    assert problem.startswith("commune.yaml · line 3")
    assert "not valid YAML" in problem


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    (tmp_path / "commune.yaml").write_bytes(COMMUNE.encode("cp1256", errors="replace"))
    (tmp_path / "commune.yaml").write_bytes("format: 1\nname: é".encode("latin-1"))
    (problem,) = problems_of(tmp_path)
    assert "not UTF-8" in problem


def test_an_unknown_file_is_refused_with_the_files_expected(tmp_path):
    problems = problems_of(tmp_path, commune=COMMUNE, organigramme="format: 1\n")
    assert any(
        problem.startswith("organigramme.yaml: unknown file; expected one of: commune.yaml")
        for problem in problems
    )


def test_an_empty_folder_is_refused(tmp_path):
    (problem,) = problems_of(tmp_path)
    assert "no commune file" in problem


# Checking: every problem, each where it is


def test_every_schema_problem_is_named_with_its_field(tmp_path):
    text = (
        "format: 2\ncommune:\n  name: {fr: Azilal}\n  formal_name: {fr: '', ar: 3}\n  colour: red\n"
    )
    problems = problems_of(tmp_path, commune=text)
    assert "commune.yaml · format: must be 1" in problems
    assert "commune.yaml · commune · name.ar: missing" in problems
    assert "commune.yaml · commune · formal_name.fr: must not be empty" in problems
    assert "commune.yaml · commune · formal_name.ar: expected string, found a number" in problems
    assert any(p.startswith("commune.yaml · commune · colour: unknown field") for p in problems)


def test_a_refused_folder_loads_nothing(tmp_path):
    Commune.objects.all().delete()
    problems_of(tmp_path, commune=COMMUNE.replace("azilal.ma", "not a domain"))
    assert not Commune.objects.exists()


# Loading: by stable keys, idempotent, all or nothing


def test_loading_creates_then_leaves_unchanged(tmp_path):
    Commune.objects.all().delete()
    folder = folder_with(tmp_path, commune=COMMUNE)
    first = commune_data.load_folder(folder)
    again = commune_data.load_folder(folder)
    assert first.counts[("commune", "created")] == 1
    assert again.counts[("commune", "unchanged")] == 1
    assert Commune.objects.get().formal_name_fr == "Commune d'Azilal"


def test_a_dry_run_checks_everything_and_keeps_nothing(tmp_path):
    Commune.objects.all().delete()
    commune_data.load_folder(folder_with(tmp_path, commune=COMMUNE), dry_run=True)
    assert not Commune.objects.exists()


def test_the_command_lists_every_problem_and_fails(tmp_path, capsys):
    folder = folder_with(tmp_path, commune="format: 1\ncommune: {}\n")
    with pytest.raises(CommandError, match="2 problem"):
        call_command("load_commune", str(folder))
    errors = capsys.readouterr().err
    assert "commune.yaml · commune · name: missing" in errors
    assert "commune.yaml · commune · formal_name: missing" in errors


def test_dates_relative_to_today_resolve_at_load():
    from datetime import date

    today = date(2026, 12, 2)
    assert commune_data.parse_date("today+14", today) == date(2026, 12, 16)
    assert commune_data.parse_date("today-2", today) == date(2026, 11, 30)
    assert commune_data.parse_date("2027-01-05", today) == date(2027, 1, 5)


# The commune's names, from the data


def test_pages_name_the_commune_of_the_data(tmp_path, client_for):
    commune_data.load_folder(folder_with(tmp_path, commune=COMMUNE))
    client = client_for("personnel")
    assert "Commune d'Azilal" in unescape(client.get("/fr/").content.decode())
    assert "جماعة أزيلال" in unescape(client.get("/ar/").content.decode())
    assert current_commune().email_domain == "azilal.ma"


# Exporting


def test_export_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(CommandError, match="not empty"):
        call_command("export_commune", str(tmp_path))
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_the_shipped_schemas_are_those_the_loader_uses(tmp_path):
    commune_data.write_schemas(tmp_path)
    shipped = REPOSITORY / "communes" / "schemas"
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(path.name for path in shipped.iterdir())
    for name in written:
        assert json.loads((tmp_path / name).read_text()) == json.loads(
            (shipped / name).read_text()
        ), f"communes/schemas/{name} is stale: run export_commune --schemas communes/schemas"
