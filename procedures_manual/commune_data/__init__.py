"""The manual of procedures and its legal texts as data: legal_texts.yaml, procedures.yaml.

A legal text is found again by its key, the address of its page (``law-37-99``),
and cites its articles by number; a procedure is found again by its code. Both
languages of a record are loaded together: the Arabic page is the translation of
the French one. A procedure goes live only through the approval circuit, as one
typed in the admin would (the cell submits, a second member reviews, the legal
advisor approves): one whose live content already is what the folder says is
left alone, so that loading twice submits nothing.

Loading never deletes a text or a procedure that the folder leaves out:
withdrawing one is an act of the admin, with its reason (see ``withdrawal``).
"""

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s

from ..models import LegalTextIndexPage, ProcedureIndexPage
from . import circuit, legal_texts, procedures
from .sections import SECTION_PAGE_KEY

data.reference("legal text", legal_texts.text_exists)
data.reference("legal article", legal_texts.article_exists)
data.reference("procedure", procedures.procedure_exists, find=procedures.find_procedure)
data.reference("legal texts page", data.section_page_exists(LegalTextIndexPage))
data.reference("procedures manual", data.section_page_exists(ProcedureIndexPage))


def _section_part(file, order, model, kind, description, then=None):
    """A section's page: one of each kind, renamed when the folder gives another slug."""
    return data.section_page_part(
        file=file,
        key=SECTION_PAGE_KEY,
        order=order,
        model=model,
        reference_kind=kind,
        description=description,
        other_slug=data.RENAME,
        arabic_in_menus=False,
        then=then,
    )


# Within a file, parts of one order load by key: ``index`` before the records under it,
# ``approval`` before the procedures it takes live.
data.register(
    _section_part(
        legal_texts.FILE,
        40,
        LegalTextIndexPage,
        "legal texts page",
        "The page listing the legal texts.",
    )
)
data.register(
    data.Part(
        file=legal_texts.FILE,
        key="legal_texts",
        order=40,
        schema=s.records(legal_texts.LEGAL_TEXT),
        description="The laws, decrees and decisions the procedures rest on, with their articles.",
        load=legal_texts.load,
        export=legal_texts.export,
        declare=legal_texts.declare,
        check=legal_texts.check,
    )
)
data.register(
    data.Part(
        file=procedures.FILE,
        key="approval",
        order=50,
        schema=circuit.APPROVAL,
        load=circuit.load,
        export=circuit.export,
        check=circuit.check,
    )
)
data.register(
    _section_part(
        procedures.FILE,
        50,
        ProcedureIndexPage,
        "procedures manual",
        "The manual's page, which lists the procedures chapter by chapter.",
        # Under the approval circuit from the start: an edit typed in the admin must
        # find the workflow there even before any procedure is loaded.
        then=circuit.prepare,
    )
)
data.register(
    data.Part(
        file=procedures.FILE,
        key="procedures",
        order=50,
        schema=s.records(procedures.PROCEDURE),
        description="Each procedure of the manual, found again by its code.",
        load=procedures.load,
        export=procedures.export,
        declare=procedures.declare,
        check=procedures.check,
    )
)
