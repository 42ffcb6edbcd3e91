"""Navigation shared by every page: the home page, the sections, the language switch."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from ..locales import locale_for

register = template.Library()


def localized_home(request, language_code=None):
    """The home page in a language (the active one by default), or None.

    Kept on the request: the header asks for it several times per page.
    """
    code = language_code or get_language()
    homes = request.__dict__.setdefault("_localized_homes", {})
    if code not in homes:
        homes[code] = _find_home(request, code)
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
    home = localized_home(context["request"])
    if home is None:
        return Page.objects.none()
    return home.get_children().live().in_menu()


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
            target = _translation_of(page, code) or localized_home(request, code)
            url = target.url if target else "/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


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
