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
from .section_pages import (
    ADD_PAGE,
    KEEP_SLUG,
    RENAME,
    arabic_translation,
    export_section_page,
    french_page_exists,
    french_section_page,
    load_section_page,
    section_page_exists,
    section_page_part,
    section_page_schema,
)

__all__ = [
    "ADD_PAGE",
    "FORMAT_VERSION",
    "KEEP_SLUG",
    "RENAME",
    "Catalogue",
    "Checking",
    "CommuneDataInvalid",
    "Exporting",
    "Loading",
    "Part",
    "Problem",
    "after_load",
    "arabic_translation",
    "check",
    "export_folder",
    "export_section_page",
    "find",
    "folder_name",
    "french_page_exists",
    "french_section_page",
    "load_folder",
    "load_section_page",
    "parse_date",
    "read_folder",
    "reference",
    "register",
    "schemas",
    "section_page_exists",
    "section_page_part",
    "section_page_schema",
    "write_schemas",
]
