"""The communes shipped in the repository load into empty databases, and come back out.

Each test starts a fresh process on a new SQLite database, as an IT officer of
another commune would on a new installation: migrate, load_commune, export.
"""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

REPOSITORY = Path(__file__).resolve().parents[2]
COMMUNES = REPOSITORY / "communes"

pytestmark = pytest.mark.django_db


def manage(database, *args):
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "intranet.settings.test",
        "MEDIA_ROOT": str(database.parent / "media"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def differences(left, right):
    """Files that are not byte-identical between two folders, recursively."""
    comparison = filecmp.dircmp(left, right)
    found = [f"only in one: {name}" for name in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    found += [f"differs: {name}" for name in mismatch + errors]
    for name in comparison.common_dirs:
        found += [f"{name}/{item}" for item in differences(left / name, right / name)]
    return found


def test_the_export_round_trip_gives_identical_files(tmp_path):
    """Export the demo, load it into an empty database, export again: the same bytes."""
    first, second = tmp_path / "first", tmp_path / "second"
    call_command("export_commune", str(first), verbosity=0)
    database = tmp_path / "empty.sqlite3"
    manage(database, "migrate", "--no-input", "-v", "0")
    manage(database, "load_commune", first, "-v", "0")
    manage(database, "export_commune", second)
    assert sorted(path.name for path in first.glob("*.yaml")) == sorted(
        path.name for path in second.glob("*.yaml")
    )
    assert differences(first, second) == []


def test_the_second_commune_loads_into_an_empty_database_and_its_pages_answer(tmp_path):
    """Kasba Tadla: its own names, services and procedures, and no arrondissement."""
    commune = COMMUNES / "kasba-tadla"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/commune_data/walking.py",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
        ],
        cwd=REPOSITORY,
        env={
            **os.environ,
            "INTRANET_TEST_COMMUNE": str(commune),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'kasba-tadla.sqlite3'}",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
