"""What the office's maps draw: the arrondissements' outlines from the commune's data,
the tiles only when the commune has a tile server, and open requests as points.

Everything is handed to the page as JSON (``json_script``), never fetched from
elsewhere: the intranet must work on a network with no internet. A point says
what a request is about and where, never who asked.
"""

from django.conf import settings
from django.urls import reverse

from intranet.core.locales import localized_all
from intranet.core.models import current_commune
from intranet.organisation.models import Arrondissement

from .models import CitizenRequest


def base_layers(language):
    """The outlines, named in the reader's language, and the tile layer if any."""
    outlines = current_commune().map_outlines or {}
    names = {
        item.number: item.name
        for item in Arrondissement.objects.filter(
            locale__language_code=language, number__isnull=False
        )
    }
    features = [
        {
            **feature,
            "properties": {
                **feature.get("properties", {}),
                "name": names.get(feature.get("properties", {}).get("number"), ""),
            },
        }
        for feature in outlines.get("features", [])
    ]
    return {
        "outlines": {"type": "FeatureCollection", "features": features},
        "tiles": settings.MAP_TILES_URL,
        "attribution": settings.MAP_TILES_ATTRIBUTION,
    }


def points(requests):
    """Open requests with a point, as GeoJSON features the map draws."""
    located = [
        request
        for request in requests.filter(
            latitude__isnull=False, longitude__isnull=False
        ).select_related("service")
    ]
    shown = localized_all([request.service for request in located if request.service])
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(request.longitude), float(request.latitude)],
                },
                "properties": {
                    "reference": request.reference,
                    "subject": request.subject,
                    "kind": request.kind,
                    "kind_label": str(request.get_kind_display()),
                    "status": str(request.get_status_display()),
                    "service": shown[request.service_id].title if request.service else "",
                    "late": request.is_late(),
                    "url": reverse("requests_detail", args=[request.reference]),
                },
            }
            for request in located
        ],
    }


def open_requests():
    return CitizenRequest.objects.filter(status__in=CitizenRequest.OPEN)
