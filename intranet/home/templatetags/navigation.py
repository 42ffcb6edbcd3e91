"""Navigation shared by every page: the home page, the sections, the language switch."""

from functools import partial

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from intranet.core import freshness
from intranet.core.locales import locale_for

register = template.Library()


def localized_home(request, language_code=None):
    """The home page in a language (the active one by default), or None.

    Kept on the request: the header asks for it several times per page.
    """
    code = language_code or get_language()
    homes = request.__dict__.setdefault("_localized_homes", {})
    if code not in homes:
        homes[code] = freshness.cached(request, f"home:{code}", lambda: _find_home(request, code))
    return homes[code]


def _find_home(request, language_code):
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = site.root_page
    locale = locale_for(language_code)
    if locale is None or locale.pk == home.locale_id:
        return home
    return home.get_translation_or_none(locale) or home


@register.simple_tag(takes_context=True)
def home_url(context):
    home = localized_home(context["request"])
    return home.url if home else "/"


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context["request"]
    home = localized_home(request)
    if home is None:
        return []
    return freshness.cached(
        request, f"menu:{home.pk}", lambda: list(home.get_children().live().in_menu())
    )


@register.inclusion_tag("includes/language_links.html", takes_context=True)
def language_links(context):
    """A link to the same content in each language.

    On a page, the link goes to its translation, or to that language's home
    page when the page has not been translated yet.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None and isinstance(page, Page):
            url = freshness.cached(
                request, f"translation-url:{page.pk}:{code}", partial(_translation_url, page, code)
            )
            if not url:
                home = localized_home(request, code)
                url = home.url if home else "/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


def _translation_url(page, language_code):
    """The address of the page's live translation, or "" when it has none yet."""
    target = _translation_of(page, language_code)
    return target.url if target else ""


def _translation_of(page, language_code):
    locale = locale_for(language_code)
    if locale is None:
        return None
    if page.locale_id == locale.pk:
        return page
    # Only its address is needed: a plain page, without the joins of its specific type.
    return (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale=locale)
        .only("id", "url_path", "locale_id", "path", "depth")
        .first()
    )
