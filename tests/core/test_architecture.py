"""The layout of the code: a base layer that knows no section, sections without cycles.

``intranet.core`` holds what every section uses and imports none of them; the
sections contribute panels, media folders and audit receivers through Wagtail
hooks rather than being imported. Between sections, only the dependencies
listed in ``ALLOWED`` exist, each one way and for a reason given beside it.

Read from the source with grimp (which import-linter is built on): every
``import``, at the top of a module or inside a function, counts.

The commune's content is data (``communes/``), loaded by the parts each section
registers with ``intranet.core.commune_data``: no loader reaches into them all.
"""

from pathlib import Path

import grimp
import pytest

PACKAGES = ("intranet", "knowledge", "procedures_manual", "training", "search")
CORE = "intranet.core"
SECTIONS = (
    "intranet.accounts",
    "intranet.home",
    "intranet.ipecag",
    "intranet.library",
    "intranet.news",
    "intranet.operations",
    "intranet.organisation",
    "intranet.reception",
    "intranet.requests_office",
    "intranet.security",
    "knowledge",
    "procedures_manual",
    "search",
    "training",
)
# What the project itself is made of, beside the core and the sections.
PROJECT_ROOT = {"intranet", "intranet.settings", "intranet.urls", "intranet.wsgi"}

# importer -> imported: the only imports from one section into another. Every
# section may import intranet.core.
ALLOWED = {
    # The sign-in lockout page and the password reset count through the throttling.
    ("intranet.accounts", "intranet.security"),
    # A work plan's actions are carried by services.
    ("intranet.ipecag", "intranet.organisation"),
    # The work plan follows who came to the reception desk (women's access to services).
    ("intranet.ipecag", "intranet.reception"),
    # The library is shelved by division: one collection and editors' group each.
    ("intranet.library", "intranet.organisation"),
    # A restored database gets its search index rebuilt (backups leave it out).
    ("intranet.operations", "search"),
    # The desk refers a visitor to a service, about a procedure, after searching.
    ("intranet.reception", "intranet.organisation"),
    ("intranet.reception", "procedures_manual"),
    ("intranet.reception", "search"),
    # The office is a role; requests go to services, about an arrondissement.
    ("intranet.requests_office", "intranet.accounts"),
    ("intranet.requests_office", "intranet.organisation"),
    # A petition admitted on the agenda links the council decision that followed.
    ("intranet.requests_office", "intranet.news"),
    # Approval circuits and the manual's collection follow the roles.
    ("procedures_manual", "intranet.accounts"),
    # An imported manual names each procedure's service.
    ("procedures_manual", "intranet.organisation"),
    # A procedure's page lists the articles about it (``knowledge.related``, public).
    ("procedures_manual", "knowledge"),
    # Approval circuits, trainers and the material's collection follow the roles.
    ("training", "intranet.accounts"),
    # Sessions are held in an arrondissement.
    ("training", "intranet.organisation"),
}


def owner(module):
    """The section (or core, or part of the project's root) a module belongs to."""
    for part in (CORE, *SECTIONS, *PROJECT_ROOT - {"intranet"}):
        if module == part or module.startswith(f"{part}."):
            return part
    return module


def imports_between_parts(graph):
    """``{(importer part, imported part): ["module:line  import ..."]}``."""
    found = {}
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            pair = owner(importer), owner(imported)
            if pair[0] == pair[1]:
                continue
            details = graph.get_import_details(importer=importer, imported=imported)
            found.setdefault(pair, []).extend(
                f"{importer}:{detail['line_number']}  {detail['line_contents']}"
                for detail in details
            )
    return found


def cycles(edges):
    """Every cycle of the directed graph ``edges`` (pairs), each as a list of its nodes."""
    following = {}
    for importer, imported in edges:
        following.setdefault(importer, set()).add(imported)
    found, seen = [], set()

    def walk(node, path):
        for nxt in sorted(following.get(node, ())):
            if nxt in path:
                cycle = path[path.index(nxt) :]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append([*cycle, nxt])
            else:
                walk(nxt, [*path, nxt])

    for start in sorted(following):
        walk(start, [start])
    return found


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES, cache_dir=None)


@pytest.fixture(scope="module")
def edges(graph):
    return imports_between_parts(graph)


def test_the_core_imports_no_section(edges):
    offending = [
        line for (importer, _), lines in edges.items() if importer == CORE for line in lines
    ]
    assert offending == [], "intranet.core imports outside itself:\n" + "\n".join(offending)


def test_sections_import_each_other_only_in_the_allowed_directions(edges):
    sections = set(SECTIONS)
    offending = [
        line
        for (importer, imported), lines in edges.items()
        if importer in sections and imported in sections and (importer, imported) not in ALLOWED
        for line in lines
    ]
    assert offending == [], "imports between sections not in ALLOWED:\n" + "\n".join(offending)


def test_no_section_imports_one_that_imports_it_back(edges):
    sections = set(SECTIONS)
    between_sections = [pair for pair in edges if set(pair) <= sections]
    assert cycles(between_sections) == []


def test_the_allowed_directions_have_no_cycle():
    assert cycles(ALLOWED) == []


def test_no_section_imports_the_project_root(edges):
    offending = [
        line
        for (importer, imported), lines in edges.items()
        if importer in {CORE, *SECTIONS} and imported in PROJECT_ROOT
        for line in lines
    ]
    assert offending == [], "\n".join(offending)


def test_the_intranet_folder_holds_only_the_core_the_sections_and_the_project_files():
    folder = Path(__file__).resolve().parents[2] / "intranet"
    expected = {
        part.removeprefix("intranet.")
        for part in (CORE, *SECTIONS, *PROJECT_ROOT)
        if part.startswith("intranet.")
    }
    present = {
        path.stem
        for path in folder.iterdir()
        if (path.is_dir() and (path / "__init__.py").exists()) or path.suffix == ".py"
    }
    assert present - {"__init__"} == expected


def test_every_package_of_the_code_is_the_core_a_section_or_the_project(graph):
    known = {CORE, *SECTIONS, *PROJECT_ROOT}
    strays = sorted({owner(module) for module in graph.modules} - known)
    assert strays == [], "neither core nor a listed section: " + ", ".join(strays)


def test_the_checks_find_what_they_look_for():
    """The helpers above, on a made-up graph with a cycle and a core that imports a section."""
    made_up = grimp.ImportGraph()
    for importer, imported in [
        ("intranet.core.pages", "intranet.home.models"),
        ("intranet.home.models", "intranet.news.models"),
        ("intranet.news.models", "intranet.home.models"),
    ]:
        made_up.add_import(
            importer=importer, imported=imported, line_number=1, line_contents="import x"
        )
    found = imports_between_parts(made_up)
    assert set(found) == {
        ("intranet.core", "intranet.home"),
        ("intranet.home", "intranet.news"),
        ("intranet.news", "intranet.home"),
    }
    assert cycles(found) == [["intranet.home", "intranet.news", "intranet.home"]]
