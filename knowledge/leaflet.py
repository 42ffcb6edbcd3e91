"""A knowledge article printed as a leaflet folded in three, to hand to citizens.

One A4 sheet, landscape, printed on both sides and folded in three. The outside
carries the front cover (title and summary), the back cover (the commune, the
article's date) and the flap that folds in (where to go); the inside carries
the article's text, flowing from panel to panel as CSS columns, which
WeasyPrint lays out in the reading direction. An Arabic leaflet opens like an
Arabic book: the ``dir`` of the sheet mirrors the outside panels (cover on the
left) and makes the text start in the right-hand panel.

A text longer than the inside goes on to further sheets rather than being cut:
the citizen keeps all of it, and an editor who sees a second sheet knows the
article is long for a leaflet. The foot of each page it goes on from says where
to read next (the stylesheet does it with ``string-set``, in the same layout).
"""

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation

from intranet.core.models import current_commune
from intranet.core.printing import html_to_pdf


@dataclass
class Place:
    """A service the citizen may go to, with what the leaflet says of it."""

    service: object
    opening_hours: list


@dataclass
class Leaflet:
    article: object
    language: str
    places: list
    procedures: list
    printed_on: date

    @property
    def direction(self):
        return "rtl" if translation.get_language_info(self.language)["bidi"] else "ltr"

    @property
    def cover_colours(self):
        """The badge colours of the service that keeps the article, as on its door."""
        service = self.article.owner_service
        return service.swatch if service else None


def build(article):
    """The leaflet of an article, in the article's own language."""
    services = [article.owner_service, *article.services]
    unique = list({service.pk: service for service in services if service}.values())
    return Leaflet(
        article=article,
        language=article.locale.language_code,
        places=[Place(service, list(service.opening_hours.all())) for service in unique],
        procedures=article.procedures,
        printed_on=date.today(),
    )


def as_html(leaflet):
    # Rendered without a request: no context processor names the commune.
    with translation.override(leaflet.language):
        return render_to_string(
            "knowledge/leaflet.html", {"leaflet": leaflet, "commune": current_commune()}
        )


def as_pdf(article):
    return html_to_pdf(as_html(build(article)))


def filename(article):
    return f"depliant-{article.slug}-{article.locale.language_code}.pdf"
