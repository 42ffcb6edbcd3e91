"""Reading and writing the commune's YAML files, strictly and reproducibly.

YAML 1.1 as PyYAML reads it turns ``2026-03-01`` into a date, ``8:30`` into the
number 510 and ``no`` into False, and lets a key given twice silently win. An IT
officer typing a file by hand must get what they wrote or a clear refusal: the
reader keeps dates and times as text (the schemas check their form), refuses
duplicate keys, and reports where a line is malformed. The writer gives the
same bytes for the same content, so that an export can be compared with another.
"""

import re
from decimal import Decimal

import yaml


class DuplicateKey(yaml.MarkedYAMLError):
    pass


class StrictLoader(yaml.SafeLoader):
    """SafeLoader without timestamps or base-60 numbers, refusing duplicate keys."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKey(
                    "while reading a mapping",
                    node.start_mark,
                    f"the key «{key}» is given twice",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp",)
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Integers and floats without the sexagesimal (base 60) forms of YAML 1.1, and
# only true/false as booleans (a "no" in a text stays a word).
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+]?[0-9]+)?$")
for _first, _resolvers in StrictLoader.yaml_implicit_resolvers.items():
    _resolvers[:] = [
        (tag, {"int": _INT, "float": _FLOAT, "bool": _BOOL}.get(tag.rsplit(":", 1)[1], regexp))
        for tag, regexp in _resolvers
    ]


def read(text):
    """The content of one YAML document; raises yaml.YAMLError with a position."""
    return yaml.load(text, Loader=StrictLoader)


def position(error):
    """«line 12, column 5» for a YAML error, or an empty string."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is None:
        return ""
    return f"line {mark.line + 1}, column {mark.column + 1}"


class Writer(yaml.SafeDumper):
    """Block style, Unicode kept, long texts folded into ``|`` blocks."""

    def ignore_aliases(self, data):
        return True

    def increase_indent(self, flow=False, indentless=False):
        # Lists indented under their key, as people write them by hand.
        return super().increase_indent(flow, False)


TIME_OF_DAY = re.compile(r"^\d{1,2}:\d{2}$")


def _text(dumper, value):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if TIME_OF_DAY.match(value):
        # Quoted always, not only where YAML 1.1 would read a base-60 number.
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _decimal(dumper, value):
    if value == value.to_integral_value():
        return dumper.represent_int(int(value))
    return dumper.represent_float(float(value))


Writer.add_representer(str, _text)
Writer.add_representer(Decimal, _decimal)


def write(content, header=""):
    body = yaml.dump(
        content,
        Dumper=Writer,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,  # a text on one line: easier to edit than a folded one
    )
    return header + body
