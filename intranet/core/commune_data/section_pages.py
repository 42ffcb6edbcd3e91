"""A section's page: the one page right under the home page that holds its records.

The library, the knowledge base, the news, the council, the training catalogue,
the IPECAG, the legal texts, the manual and the organisation chart each write
their page the same way: a slug, a title and (but for the news) an introduction,
French and Arabic side by side. The French page is made under the French home
page and the Arabic one is its translation, with the same slug. What differs
between sections is a choice, given as a parameter: see ``load_section_page``.

The two look-ups every section's pages need, a page's Arabic translation and
whether a French page has a slug, live here too.
"""

from wagtail.models import Locale

from intranet.core.pages import home_page

from . import schemas as s
from .pages import upsert_child, upsert_translation
from .parts import Part

# What loading does when the intranet's page has another slug than the folder's.
ADD_PAGE, KEEP_SLUG, RENAME = "add page", "keep slug", "rename"


def section_page_schema(introduction=True):
    properties = {"slug": s.SLUG, "title": s.bilingual()}
    if introduction:
        properties["introduction"] = s.optional_bilingual(s.RICH_TEXT)
    return s.record(properties, required=("slug", "title"))


def french_section_page(model):
    """The section's French page: one of each kind, under the French home page."""
    home = home_page()
    return model.objects.child_of(home).first() if home else None


def section_page_exists(model):
    """For ``reference``: whether the intranet has the section's page, for a folder
    that leaves it out."""
    return lambda _key: french_section_page(model) is not None


def french_page_exists(model):
    """For ``reference``: whether a French ``model`` page has this slug."""
    return lambda slug: model.objects.filter(locale__language_code="fr", slug=slug).exists()


def arabic_translation(page):
    """The page's Arabic translation, as its own model, or None if it has none."""
    arabic = Locale.objects.filter(language_code="ar").first()
    translation = page.get_translation_or_none(arabic) if arabic else None
    return translation.specific if translation else None


def load_section_page(
    loading,
    model,
    value,
    *,
    introduction=True,
    other_slug=ADD_PAGE,
    arabic_in_menus=True,
):
    """The section's page under the home page, in French then Arabic; the French one.

    - ``other_slug``: when the intranet's page has another slug than the folder's,
      ``ADD_PAGE`` adds a page with the folder's slug (the page is found by its
      slug, as records are), ``KEEP_SLUG`` updates the page and keeps its slug,
      ``RENAME`` gives it the folder's slug;
    - ``arabic_in_menus``: False leaves the Arabic page's place in the menus to
      its editors once it exists (it starts in them, as the French page);
    - ``introduction``: False for a page that has none.
    """
    if other_slug not in (ADD_PAGE, KEEP_SLUG, RENAME):
        raise ValueError(f"other_slug is ADD_PAGE, KEEP_SLUG or RENAME, not {other_slug!r}")
    home = home_page()
    slug = value["slug"]
    if other_slug != ADD_PAGE:
        existing = model.objects.child_of(home).first()
        if existing is not None and existing.slug != slug:
            if other_slug == KEEP_SLUG:
                slug = existing.slug
            else:
                existing.slug = slug
                existing.save_revision(log_action=False).publish(log_action=False)
    french = {"title": value["title"]["fr"], "show_in_menus": True}
    arabic = {"title": value["title"]["ar"], "slug": slug}
    if arabic_in_menus:
        arabic["show_in_menus"] = True
    if introduction:
        given = value.get("introduction", {})
        french["introduction"] = given.get("fr", "")
        arabic["introduction"] = given.get("ar", "")
    page = upsert_child(loading, home, model, slug, **french)
    upsert_translation(loading, page, loading.arabic, **arabic)
    return page


def export_section_page(model, *, introduction=True, blank_when_untranslated=False):
    """The section's page as its folder record, or None when the intranet has none.

    A page not yet translated into Arabic writes its French texts in the Arabic
    places, or, with ``blank_when_untranslated``, empty texts, so that checking
    the folder points at the translation to write.
    """
    page = french_section_page(model)
    if page is None:
        return None
    arabic = arabic_translation(page)
    if arabic is None and not blank_when_untranslated:
        arabic = page

    def both(name):
        return {"fr": getattr(page, name) or "", "ar": getattr(arabic, name, "") or ""}

    value = {"slug": page.slug, "title": both("title")}
    if introduction and any(both("introduction").values()):
        value["introduction"] = both("introduction")
    return value


def section_page_part(
    file,
    key,
    order,
    model,
    reference_kind=None,
    description="",
    *,
    introduction=True,
    other_slug=ADD_PAGE,
    arabic_in_menus=True,
    blank_when_untranslated=False,
    then=None,
):
    """The part of ``file`` under ``key`` that holds the section's page.

    ``reference_kind`` is offered, with ``key`` as its key, to the checks of the
    records that go under the page; ``then()`` runs once the page is loaded (a
    workflow the page needs). The other choices are those of ``load_section_page``
    and ``export_section_page``.
    """

    def load(value, loading):
        load_section_page(
            loading,
            model,
            value,
            introduction=introduction,
            other_slug=other_slug,
            arabic_in_menus=arabic_in_menus,
        )
        if then is not None:
            then()

    def export(exporting):
        return export_section_page(
            model, introduction=introduction, blank_when_untranslated=blank_when_untranslated
        )

    def declare(value, checking):
        checking.offer(reference_kind, key, field="slug")

    return Part(
        file=file,
        key=key,
        order=order,
        schema=section_page_schema(introduction),
        load=load,
        export=export,
        declare=declare if reference_kind else None,
        description=description,
    )
