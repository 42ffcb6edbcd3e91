"""A commune's content as a folder of data files: one YAML file per kind.

Sections register the parts they own (``parts.register``); ``load_commune``
checks the whole folder and loads it, ``export_commune`` writes it back.
"""

from . import schemas
from .checking import Catalogue, Checking
from .context import Exporting, Loading, folder_name, parse_date
from .folder import check, export_folder, load_folder, read_folder, write_schemas
from .parts import FORMAT_VERSION, Part, after_load, find, reference, register
from .problems import CommuneDataInvalid, Problem

__all__ = [
    "FORMAT_VERSION",
    "Catalogue",
    "Checking",
    "CommuneDataInvalid",
    "Exporting",
    "Loading",
    "Part",
    "Problem",
    "after_load",
    "check",
    "export_folder",
    "find",
    "folder_name",
    "load_folder",
    "parse_date",
    "read_folder",
    "reference",
    "register",
    "schemas",
    "write_schemas",
]
