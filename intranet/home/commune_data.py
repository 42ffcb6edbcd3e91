"""The ``home`` part of commune.yaml: the home page's title and welcome text.

The home page itself is made by the migrations (one per language tree): loading
only gives it the commune's words, in French and Arabic, and publishes it when
they changed.
"""

from wagtail.models import Locale

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s
from intranet.core.commune_data.pages import differs, upsert_translation

from .models import HomePage

SCHEMA = s.record(
    {"title": s.bilingual(), "welcome": s.optional_bilingual(s.RICH_TEXT)},
    required=("title",),
    description="The home page: its title and the welcome text above the dashboard.",
)


def load(value, loading):
    home = HomePage.objects.get(locale=loading.french, depth=2)
    welcome = value.get("welcome", {})
    french = {"title": value["title"]["fr"], "welcome": welcome.get("fr", "")}
    if home.live and not home.has_unpublished_changes and not differs(home, french):
        loading.counted(HomePage._meta.verbose_name, "unchanged")
    else:
        for name, field in french.items():
            setattr(home, name, field)
        home.save_revision(log_action=False).publish(log_action=False)
        loading.counted(HomePage._meta.verbose_name, "updated")
    upsert_translation(
        loading, home, loading.arabic, title=value["title"]["ar"], welcome=welcome.get("ar", "")
    )


def export(exporting):
    home = HomePage.objects.filter(locale__language_code="fr", depth=2).first()
    if home is None:
        return None
    arabic = home.get_translation_or_none(Locale.objects.get(language_code="ar"))
    arabic = arabic.specific if arabic is not None else home
    value = {"title": {"fr": home.title, "ar": arabic.title}}
    if home.welcome or arabic.welcome:
        value["welcome"] = {"fr": home.welcome, "ar": arabic.welcome}
    return value


data.register(
    data.Part(file="commune", key="home", order=10, schema=SCHEMA, load=load, export=export)
)
