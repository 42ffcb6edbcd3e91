"""What the legal texts' file and the procedures' file share: their section page's key,
and how a record is found and written in both languages."""

from wagtail.models import Locale

# The key of a section's page in its file, offered to the checks of the records under it.
SECTION_PAGE_KEY = "index"


def french_page(model, **lookup):
    """The French page: the version records are found by, the Arabic one its translation."""
    return model.objects.filter(locale__language_code="fr", **lookup).first()


def side_by_side(french, arabic):
    return {"fr": french or "", "ar": arabic or ""}


def put_optional(value, french, arabic, name):
    """An optional text is written when either language has it."""
    if french or arabic:
        value[name] = side_by_side(french, arabic)


def arabic_locale():
    return Locale.objects.filter(language_code="ar").first()


def require_section_page(checking, kind, file):
    """Records go under their section's page: the folder or the intranet must have it."""
    if not checking.catalogue.has(kind, SECTION_PAGE_KEY):
        checking.problem(f"no page to put these under: give «{SECTION_PAGE_KEY}» in {file}.yaml")
