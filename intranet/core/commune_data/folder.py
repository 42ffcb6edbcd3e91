"""Load a commune's folder as a whole, or write the live content back into one.

Loading refuses the folder if anything is wrong anywhere in it, listing every
problem; otherwise it creates or updates everything in one transaction, found
again by stable keys, so that loading the same folder twice changes nothing.
"""

import json
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from jsonschema import Draft202012Validator, FormatChecker

from . import parts as registry
from . import yaml_files
from .checking import Catalogue, Checking, record_label
from .context import Exporting, Loading, is_valid_date
from .problems import CommuneDataInvalid, Problem

SUFFIXES = (".yaml", ".yml")
FORMATS = FormatChecker()
FORMATS.checks("commune-date", raises=ValueError)(
    lambda value: not isinstance(value, str) or is_valid_date(value)
)


def read_folder(folder):
    """The content of each file of the folder, by stem, and the problems found reading."""
    folder = Path(folder)
    problems, contents = [], {}
    if not folder.is_dir():
        raise CommuneDataInvalid([Problem(str(folder), "", "", "no such folder")])
    known = registry.files()
    paths = sorted(path for path in folder.iterdir() if path.suffix in SUFFIXES and path.is_file())
    for path in paths:
        if path.stem not in known:
            problems.append(
                Problem(
                    path.name,
                    "",
                    "",
                    f"unknown file; expected one of: {', '.join(f + '.yaml' for f in known)}",
                )
            )
            continue
        if path.stem in contents:
            problems.append(
                Problem(path.name, "", "", f"given twice, as {path.stem}.yaml and {path.stem}.yml")
            )
            continue
        try:
            contents[path.stem] = yaml_files.read(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            problems.append(Problem(path.name, "", "", "not UTF-8 text: save the file as UTF-8"))
        except yaml.YAMLError as error:
            reason = getattr(error, "problem", None) or str(error)
            problems.append(
                Problem(path.name, yaml_files.position(error), "", f"not valid YAML: {reason}")
            )
    if not paths:
        problems.append(Problem(str(folder), "", "", "no commune file (*.yaml) in this folder"))
    return contents, problems


def check(folder, contents, *, references=True):
    """Every problem of the folder: schemas first, then references across files.

    ``references=False`` when a file could not even be read: every reference to
    what it holds would be reported missing, burying the one real mistake.
    """
    problems, valid = [], {}
    for stem, content in contents.items():
        file_problems = _schema_problems(stem, content)
        problems += file_problems
        if not file_problems:
            valid[stem] = content
    if not references:
        return sorted(set(problems))
    catalogue = Catalogue()
    checkings = []
    for part in registry.all_parts():
        content = contents.get(part.file)
        if not isinstance(content, dict) or part.key not in content:
            continue
        checking = Checking(part, content[part.key], catalogue, folder)
        if part.declare:
            try:
                part.declare(content[part.key], checking)
            except (TypeError, KeyError, AttributeError, ValueError):
                if part.file in valid:
                    raise
        if part.file in valid:
            checkings.append(checking)
    for checking in checkings:
        if checking.part.check:
            checking.part.check(checking.value, checking)
    for checking in checkings:
        problems += checking.problems
    return sorted(set(problems + catalogue.problems))


def load_folder(folder, *, dry_run=False, today=None):
    """Load the folder, or raise CommuneDataInvalid naming every problem.

    A dry run goes through the whole load and then rolls it back, so that it
    also finds what only the database can refuse.
    """
    contents, problems = read_folder(folder)
    problems += check(folder, contents, references=not problems)
    if problems:
        raise CommuneDataInvalid(problems)
    with transaction.atomic():
        loading = Loading(folder, today=today)
        for part in registry.all_parts():
            content = contents.get(part.file)
            if content and part.key in content:
                try:
                    part.load(content[part.key], loading)
                except ValidationError as refusal:
                    # What only the database could tell (a rule of a model the
                    # checks do not repeat): the load is undone, and said where.
                    raise CommuneDataInvalid(
                        [
                            Problem(f"{part.file}.yaml", part.key, "", message)
                            for message in _messages(refusal)
                        ]
                    ) from None
        for callback in registry.after_load_callbacks():
            callback(loading)
        if dry_run:
            transaction.set_rollback(True)
    return loading


def export_folder(folder):
    """Write the live content into ``folder`` as one YAML file per kind."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    exporting = Exporting(folder)
    written = []
    for stem in registry.files():
        content = {"format": registry.FORMAT_VERSION}
        for part in registry.parts_of(stem):
            value = part.export(exporting)
            if value is not None:
                content[part.key] = value
        if len(content) == 1:
            continue
        header = f"# {stem}.yaml: see communes/schemas/{stem}.schema.json for every field.\n"
        (folder / f"{stem}.yaml").write_text(yaml_files.write(content, header), encoding="utf-8")
        written.append(f"{stem}.yaml")
    return written


def write_schemas(folder):
    """The JSON Schema of every file, as shipped in ``communes/schemas``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stem in registry.files():
        text = json.dumps(registry.file_schema(stem), ensure_ascii=False, indent=2) + "\n"
        (folder / f"{stem}.schema.json").write_text(text, encoding="utf-8")


def _schema_problems(stem, content):
    validator = Draft202012Validator(registry.file_schema(stem), format_checker=FORMATS)
    problems = []
    if not isinstance(content, dict):
        return [Problem(f"{stem}.yaml", "", "", "the file must be a mapping of keys (format, ...)")]
    for error in validator.iter_errors(content):
        path = list(error.absolute_path)
        record, field_path = (path[0] if path else ""), path[1:]
        part = _part(stem, path[0]) if path else None
        if part and field_path and isinstance(field_path[0], int):
            record = record_label(part, content.get(path[0]), field_path[0])
            field_path = field_path[1:]
        field, message = _explain(error, field_path)
        problems.append(Problem(f"{stem}.yaml", str(record), field, message))
    return problems


def _messages(refusal):
    if hasattr(refusal, "message_dict"):
        return [f"{field}: {' '.join(texts)}" for field, texts in refusal.message_dict.items()]
    return list(refusal.messages)


def _part(stem, key):
    for part in registry.parts_of(stem):
        if part.key == key:
            return part
    return None


def _field(path):
    text = ""
    for item in path:
        text += f" #{item + 1}" if isinstance(item, int) else (f".{item}" if text else str(item))
    return text.strip()


def _explain(error, path):
    """A field and a message an IT officer can act on, from a jsonschema error."""
    validator, expected, found = error.validator, error.validator_value, error.instance
    if validator == "required":
        missing = [name for name in expected if error.message.startswith(repr(name))]
        return _field(path + missing[:1]), "missing"
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(found) - set(allowed)) if isinstance(found, dict) else []
        return _field(path + extra[:1]), f"unknown field; expected one of: {', '.join(allowed)}"
    if validator == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        return _field(path), f"expected {' or '.join(kinds)}, found {_kind(found)}"
    if validator == "enum":
        return _field(path), f"«{found}» is not one of: {', '.join(str(v) for v in expected)}"
    if validator == "const":
        return _field(path), f"must be {expected}"
    if validator in ("pattern", "format"):
        hint = error.schema.get("description") or expected
        return _field(path), f"«{found}» is not in the expected form ({hint})"
    if validator == "minLength":
        return _field(path), "must not be empty"
    if validator == "maxLength":
        return _field(path), f"longer than {expected} characters"
    if validator == "minimum":
        return _field(path), f"must be {expected} or more"
    if validator == "maximum":
        return _field(path), f"must be {expected} or less"
    if validator == "minItems":
        return _field(path), f"needs at least {expected} item(s)"
    return _field(path), error.message


def _kind(value):
    return {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)
