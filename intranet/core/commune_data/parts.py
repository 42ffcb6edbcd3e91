"""The parts of a commune's folder, registered by the sections that own them.

A file (``procedures.yaml``) is a mapping; each top-level key is a *part* that one
section reads and writes: the organisation section owns ``buildings`` and
``divisions``, the procedures section ``legal_texts`` and ``procedures``. The core
knows nothing of them: a section registers its parts when it starts, and the
folder is read, checked, loaded and exported part by part in ``order``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Part:
    """One top-level key of one file, and what its section does with it.

    - ``schema``: JSON Schema of the value under the key;
    - ``declare(value, catalogue)``: offer the keys others may refer to
      (service slugs, legal articles), before anything is checked;
    - ``check(value, checking)``: what a schema cannot say (references,
      uniqueness, files that must exist);
    - ``load(value, loading)``: create or update, found again by stable keys;
    - ``export(exporting)``: the live content as a value, or None when there is
      nothing to write.
    """

    file: str
    key: str
    order: int
    schema: dict
    load: Callable[[Any, Any], None]
    export: Callable[[Any], Any]
    declare: Callable[[Any, Any], None] | None = None
    check: Callable[[Any, Any], None] | None = None
    required: bool = False
    record_keys: tuple[str, ...] = ("code", "slug", "key", "username", "number")
    description: str = ""


_parts: dict[tuple[str, str], Part] = {}
_after_load: list[Callable[[Any], None]] = []
_references: dict[str, Callable[[str], bool]] = {}
_finders: dict[str, Callable[[str, str], Any]] = {}


def register(part):
    _parts[(part.file, part.key)] = part
    return part


def after_load(callback):
    """Run ``callback(loading)`` once every part is loaded (indexes, role grants)."""
    if callback not in _after_load:
        _after_load.append(callback)
    return callback


def reference(kind, exists, find=None):
    """Let a folder refer to a ``kind`` of thing that is already in the database.

    A folder holding only ``procedures.yaml`` may name services the intranet
    already has: ``exists(key)`` says whether one does. ``find(key, language)``
    gives the thing itself to the other sections' parts, which thus link to a
    service or a procedure without importing the section that owns it.
    """
    _references[kind] = exists
    if find is not None:
        _finders[kind] = find


def find(kind, key, language="fr"):
    """The ``kind`` of thing with this key, in this language when it has one."""
    if key in (None, ""):
        return None
    return _finders[kind](key, language)


def all_parts():
    return sorted(_parts.values(), key=lambda part: (part.order, part.file, part.key))


def files():
    """File stems in the order their first part loads."""
    seen = []
    for part in all_parts():
        if part.file not in seen:
            seen.append(part.file)
    return seen


def parts_of(file):
    return [part for part in all_parts() if part.file == file]


def after_load_callbacks():
    return list(_after_load)


def existing_reference(kind):
    return _references.get(kind)


def file_schema(file):
    """The JSON Schema of a whole file: its format version and its parts."""
    parts = parts_of(file)
    properties = {
        "format": {
            "const": FORMAT_VERSION,
            "description": "Version of the format of the commune's files.",
        }
    }
    for part in parts:
        schema = dict(part.schema)
        if part.description:
            schema.setdefault("description", part.description)
        properties[part.key] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{file}.yaml",
        "type": "object",
        "properties": properties,
        "required": ["format"] + [part.key for part in parts if part.required],
        "additionalProperties": False,
    }
