"""What the sections' load and export functions are given."""

import hashlib
import re
from collections import Counter
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.utils import timezone
from wagtail.models import Locale

RELATIVE_DAY = re.compile(r"^today(?:([+-])(\d{1,4}))?$")
# Django's storage adds ``_AbC1234`` to a name already taken: seven letters and
# digits, rarely all lowercase (``_horaire`` is a word and stays).
STORAGE_SUFFIX = re.compile(r"_(?![a-z]{7}(?:\.|$))[A-Za-z0-9]{7}(?=\.[^.]+$|$)")


def folder_name(stored_name):
    """A stored file's name without the suffix the storage added to keep it unique.

    The folder must not depend on what else a media folder held when the file
    was stored, or an export would differ from the last one.
    """
    return STORAGE_SUFFIX.sub("", Path(stored_name).name)


def parse_date(value, today=None):
    """``2026-03-01``, or ``today``, ``today+14``, ``today-30``: days from the load."""
    if value in (None, ""):
        return None
    relative = RELATIVE_DAY.match(value)
    if relative:
        sign, days = relative.groups()
        offset = int(days or 0) * (-1 if sign == "-" else 1)
        return (today or timezone.localdate()) + timedelta(days=offset)
    return date.fromisoformat(value)


def is_valid_date(value):
    try:
        parse_date(value)
    except ValueError:
        return False
    return True


class Loading:
    """A load in progress: the folder, the two languages, and what was done."""

    def __init__(self, folder, today=None):
        self.folder = Path(folder)
        self.today = today or timezone.localdate()
        self.counts = Counter()
        # What a part hands to the parts that load after it (keys it resolved...).
        self.shared = {}
        self.french = Locale.objects.get_or_create(language_code="fr")[0]
        self.arabic = Locale.objects.get_or_create(language_code="ar")[0]

    def locale(self, language):
        return self.french if language == "fr" else self.arabic

    def date(self, value):
        return parse_date(value, self.today)

    def time(self, value):
        return None if value in (None, "") else time.fromisoformat(value)

    def money(self, value):
        return None if value is None else Decimal(str(value))

    def path(self, relative):
        return self.folder / relative

    def read_file(self, relative):
        return (self.folder / relative).read_bytes()

    def counted(self, what, outcome):
        """``outcome``: "created", "updated" or "unchanged"."""
        self.counts[(what, outcome)] += 1


class Exporting:
    """An export in progress: the folder it writes, and the files it copies there."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self._written = {}

    def date(self, value):
        return None if value is None else value.isoformat()

    def time(self, value):
        return None if value is None else value.strftime("%H:%M")

    def money(self, value):
        return None if value is None else Decimal(value)

    def file(self, field_file, subfolder, name=None):
        """Copy a stored file into ``files/<subfolder>/`` and give its path in the folder.

        Two different files wanting the same name are told apart by a short hash.
        """
        with field_file.open("rb") as stored:
            content = stored.read()
        return self.content(content, subfolder, name or folder_name(field_file.name))

    def content(self, content, subfolder, name):
        """Write ``content`` (bytes) as ``files/<subfolder>/<name>``; its path in the folder."""
        relative = f"files/{subfolder}/{name}"
        digest = hashlib.sha256(content).hexdigest()
        if self._written.get(relative, digest) != digest:
            stem, dot, suffix = name.rpartition(".")
            relative = (
                f"files/{subfolder}/{stem or suffix}-{digest[:8]}{dot}{suffix if stem else ''}"
            )
        target = self.folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        self._written[relative] = digest
        return relative
