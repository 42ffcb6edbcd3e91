"""Checking a folder as a whole before anything is written.

The sections first *declare* the keys their records offer (a service slug, the
articles of a legal text, a badge colour); then each part is *checked* against
that catalogue, so that a procedure naming a service of another file, or an
article its legal text does not have, is found before loading begins.
"""

from pathlib import Path

from . import parts as registry
from .problems import Problem


def record_label(part, value, index):
    """«procedures #4 (EC-04)»: the record's position, counted from 1, and its key."""
    if index is None:
        return part.key
    label = f"{part.key} #{index + 1}"
    record = value[index] if isinstance(value, list) and index < len(value) else None
    if isinstance(record, dict):
        for key in part.record_keys:
            if isinstance(record.get(key), str | int) and record.get(key) != "":
                return f"{label} ({record[key]})"
    return label


class Catalogue:
    """The keys offered by the records of the folder, by kind."""

    def __init__(self):
        self._keys = {}
        self.problems = []

    def offer(self, kind, key, where=None):
        self._keys.setdefault(kind, {}).setdefault(key, where)

    def offer_unique(self, kind, key, where, what=None):
        """Offer a key that only one record may hold; a second is a problem."""
        held_by = self._keys.get(kind, {}).get(key)
        if held_by is not None and held_by != where:
            file, record, field = where
            self.problems.append(
                Problem(
                    file,
                    record,
                    field,
                    f"{what or kind} «{key}» is already used by {held_by[1]} in {held_by[0]}",
                )
            )
            return
        self.offer(kind, key, where)

    def has(self, kind, key):
        if key in self._keys.get(kind, {}):
            return True
        exists = registry.existing_reference(kind)
        return bool(exists and exists(key))

    def keys(self, kind):
        return list(self._keys.get(kind, {}))


class Checking:
    """What one part's ``check`` and ``declare`` use to name a problem precisely."""

    def __init__(self, part, value, catalogue, folder):
        self.part = part
        self.value = value
        self.catalogue = catalogue
        self.folder = Path(folder)
        self.problems = []
        self.file = f"{part.file}.yaml"

    def where(self, record=None, field=""):
        return (self.file, record_label(self.part, self.value, record), field)

    def problem(self, message, record=None, field=""):
        self.problems.append(Problem(*self.where(record, field), message))

    def offer(self, kind, key, record=None, field=""):
        self.catalogue.offer(kind, key, self.where(record, field))

    def offer_unique(self, kind, key, record=None, field="", what=None):
        self.catalogue.offer_unique(kind, key, self.where(record, field), what)

    def require(self, kind, key, record=None, field="", what=None):
        """A problem unless the folder (or the database) has this ``kind`` of ``key``."""
        if key in (None, ""):
            return True
        if self.catalogue.has(kind, key):
            return True
        self.problem(f"no {what or kind} «{key}» in the folder", record, field)
        return False

    def require_file(self, relative, record=None, field=""):
        if not relative:
            return True
        path = (self.folder / relative).resolve()
        if not path.is_relative_to(self.folder.resolve()):
            self.problem(f"the file «{relative}» is outside the folder", record, field)
            return False
        if not path.is_file():
            self.problem(f"the file «{relative}» is missing from the folder", record, field)
            return False
        return True
