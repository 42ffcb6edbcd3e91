"""Building blocks of the JSON Schemas that the sections declare for their parts.

Each section describes the value of its part with these; the schema of a whole
file is the union of its parts (see ``parts.file_schema``), and the schemas
shipped in ``communes/schemas/`` are written from them.
"""

DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2}|today([+-]\d{1,4})?)$"
TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

TEXT = {"type": "string"}
NON_EMPTY_TEXT = {"type": "string", "minLength": 1}
RICH_TEXT = {
    "type": "string",
    "description": "HTML as the editor writes it: <p>, <h2>-<h4>, <ul>, <ol>, <li>, <b>, <i>, <a>.",
}
SLUG = {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 255}
DATE = {
    "type": "string",
    "pattern": DATE_PATTERN,
    "format": "commune-date",
    "description": "YYYY-MM-DD, or today, today+N, today-N (days) for demonstration folders.",
}
TIME = {"type": "string", "pattern": TIME_PATTERN, "description": "HH:MM, 24-hour clock."}
FILE = {
    "type": "string",
    "pattern": r"^files/[^\\]+$",
    "description": "Path of a file of the folder, under files/.",
}
POSITIVE_INTEGER = {"type": "integer", "minimum": 0}
MONEY = {"type": ["number", "null"], "minimum": 0}


def bilingual(value=None, *, required=("fr", "ar")):
    """The same text in French and Arabic, side by side."""
    value = value or NON_EMPTY_TEXT
    return {
        "type": "object",
        "properties": {"fr": value, "ar": value},
        "required": list(required),
        "additionalProperties": False,
    }


def optional_bilingual(value=None):
    """French and Arabic, either or both of which may be empty."""
    return bilingual(value or TEXT, required=())


def record(properties, required=(), description=""):
    """An object with exactly these fields."""
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def records(item, description=""):
    schema = {"type": "array", "items": item}
    if description:
        schema["description"] = description
    return schema


def choice(values, description=""):
    schema = {"enum": list(values)}
    if description:
        schema["description"] = description
    return schema
