"""The unified manual of administrative procedures and the legal texts it rests on."""

from .legal import LegalArticle, LegalTextIndexPage, LegalTextPage
from .procedures import (
    Category,
    ProcedureIndexPage,
    ProcedureLegalReference,
    ProcedurePage,
    RequiredDocument,
)
from .review import ChangeSignificance, ReviewFlag, RevisionSignificance
from .tasks import ProcedureReviewTask

__all__ = [
    "Category",
    "ChangeSignificance",
    "LegalArticle",
    "LegalTextIndexPage",
    "LegalTextPage",
    "ProcedureIndexPage",
    "ProcedureLegalReference",
    "ProcedurePage",
    "ProcedureReviewTask",
    "RequiredDocument",
    "ReviewFlag",
    "RevisionSignificance",
]
