"""The two section pages, the legal texts' and the manual's, and what both files share."""

from wagtail.models import Locale

from intranet.core.commune_data import schemas as s
from intranet.core.commune_data.pages import upsert_child, upsert_translation
from intranet.core.pages import home_page

SECTION_PAGE = s.record(
    {"slug": s.SLUG, "title": s.bilingual(), "introduction": s.optional_bilingual(s.RICH_TEXT)},
    required=("slug", "title"),
)


def french_page(model, **lookup):
    """The French page: the version records are found by, the Arabic one its translation."""
    return model.objects.filter(locale__language_code="fr", **lookup).first()


def side_by_side(french, arabic):
    return {"fr": french or "", "ar": arabic or ""}


def put_optional(value, french, arabic, name):
    """An optional text is written when either language has it."""
    if french or arabic:
        value[name] = side_by_side(french, arabic)


def load_section_page(loading, model, value):
    """The section's page under the home page, in French then Arabic. There is one of
    each kind, so it is found by its kind and renamed if the folder gives another slug."""
    home = home_page()
    slug = value["slug"]
    page = model.objects.child_of(home).first()
    if page is not None and page.slug != slug:
        page.slug = slug
        page.save_revision(log_action=False).publish(log_action=False)
    introduction = value.get("introduction", {})
    french = upsert_child(
        loading,
        home,
        model,
        slug,
        title=value["title"]["fr"],
        show_in_menus=True,
        introduction=introduction.get("fr", ""),
    )
    upsert_translation(
        loading,
        french,
        loading.arabic,
        title=value["title"]["ar"],
        slug=slug,
        introduction=introduction.get("ar", ""),
    )
    return french


def export_section_page(model):
    french = french_page(model, depth=3)
    if french is None:
        return None
    arabic = french.get_translation_or_none(arabic_locale()) or french
    value = {"slug": french.slug, "title": side_by_side(french.title, arabic.title)}
    put_optional(value, french.introduction, arabic.introduction, "introduction")
    return value


def arabic_locale():
    return Locale.objects.filter(language_code="ar").first()


def section_page_exists(model):
    """Whether the intranet already has the section's page, for a folder that leaves
    its ``index`` out."""
    return lambda _key: model.objects.filter(locale__language_code="fr").exists()


def require_section_page(checking, kind, file):
    """Records go under their section's page: the folder or the intranet must have it."""
    if not checking.catalogue.has(kind, "fr"):
        checking.problem(f"no page to put these under: give «index» in {file}.yaml")
