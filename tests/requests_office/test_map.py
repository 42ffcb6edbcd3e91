"""The office's map: the arrondissements from the commune's data, open requests as
points, and no byte from outside the intranet unless the commune has a tile server."""

import json
from html import unescape

import pytest
from django.test import Client

from intranet.core import geojson
from intranet.core.models import Commune
from intranet.requests_office import handling

from .factories import complaint, office_agent, person, service_with_staff, signed_in

pytestmark = pytest.mark.django_db

SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"number": 7},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[-6.36, 32.33], [-6.35, 32.33], [-6.35, 32.34], [-6.36, 32.33]]],
            },
        }
    ],
}


def page_data(response, name):
    html = response.content.decode()
    start = html.index(f'<script id="{name}" type="application/json">') + len(
        f'<script id="{name}" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


@pytest.fixture
def office():
    return office_agent()


def test_open_requests_with_a_point_are_on_the_map_and_the_others_are_counted(office):
    located = complaint(subject="Lampadaire tombé", latitude="32.3386", longitude="-6.3427")
    complaint(subject="Sans lieu")
    closed = complaint(subject="Déjà traité", latitude="32.33", longitude="-6.35")
    handling.refuse(closed, office, "Hors compétence.")
    handling.close(closed, office, "post")

    response = signed_in(office).get("/fr/requests/map/")
    points = page_data(response, "map-points")["features"]
    assert [point["properties"]["reference"] for point in points] == [located.reference]
    assert points[0]["geometry"]["coordinates"] == [-6.3427, 32.3386]
    assert "Youssef" not in json.dumps(points)  # what and where, never who
    assert response.context["without_point"] == 1


def test_the_map_filters_by_kind_and_service(office):
    service, _member = service_with_staff()
    ours = complaint(subject="Nid-de-poule", latitude="32.33", longitude="-6.35")
    handling.assign(ours, office, service)
    complaint(kind="suggestion", subject="Bancs", latitude="32.34", longitude="-6.36")
    client = signed_in(office)
    by_service = page_data(client.get("/fr/requests/map/", {"service": service.pk}), "map-points")
    assert [p["properties"]["reference"] for p in by_service["features"]] == [ours.reference]
    suggestions = page_data(client.get("/fr/requests/map/", {"kind": "suggestion"}), "map-points")
    assert [p["properties"]["subject"] for p in suggestions["features"]] == ["Bancs"]


def test_the_arrondissements_are_drawn_from_the_communes_data_in_the_readers_language(office):
    commune = Commune.objects.first()
    commune.map_outlines = SQUARE
    commune.save()
    layers = page_data(signed_in(office).get("/ar/requests/map/"), "map-layers")
    (outline,) = layers["outlines"]["features"]
    assert outline["properties"]["number"] == 7 and outline["properties"]["name"]
    assert layers["tiles"] == ""


def test_without_a_tile_server_nothing_is_loaded_from_elsewhere(office):
    response = signed_in(office).get("/fr/requests/map/")
    html = unescape(response.content.decode())
    assert "/static/leaflet/leaflet.js" in html and "/static/leaflet/leaflet.css" in html
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html
    assert response["Content-Security-Policy"].count("img-src 'self' data:") == 1


def test_a_tile_server_of_the_communes_network_is_used_and_allowed(office, settings):
    settings.MAP_TILES_URL = "https://tuiles.benimellal.ma/{z}/{x}/{y}.png"
    layers = page_data(signed_in(office).get("/fr/requests/map/"), "map-layers")
    assert layers["tiles"] == "https://tuiles.benimellal.ma/{z}/{x}/{y}.png"


def test_the_content_security_policy_lets_the_tiles_in_when_configured():
    """Read from the settings as a fresh process reads them from the environment."""
    import os
    import subprocess
    import sys

    code = (
        "from intranet.settings import base; "
        "print(base.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    environment = {**os.environ, "MAP_TILES_URL": "https://tuiles.benimellal.ma/{z}/{x}/{y}.png"}
    shown = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    ).stdout
    assert "https://tuiles.benimellal.ma" in shown


def test_the_request_form_lets_the_agent_pick_the_point(office):
    html = signed_in(office).get("/fr/requests/new/").content.decode()
    assert 'data-pick-latitude="id_latitude"' in html and 'id="map-layers"' in html


@pytest.mark.parametrize("role", ["staff", "reception", "administrator"])
def test_only_the_office_sees_the_map(role):
    assert signed_in(person(f"autre-{role}", role=role)).get("/fr/requests/map/").status_code == 403
    assert Client().get("/fr/requests/map/").status_code == 302


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"{not json", "not valid GeoJSON"),
        (b'{"type": "Feature"}', "FeatureCollection"),
        (
            json.dumps(
                {**SQUARE, "features": [{**SQUARE["features"][0], "properties": {}}]}
            ).encode(),
            "properties.number",
        ),
        (
            json.dumps(
                {
                    "type": "FeatureCollection",
                    "features": [
                        {
                            "type": "Feature",
                            "properties": {"number": 1},
                            "geometry": {"type": "Polygon", "coordinates": [[[500, 32], [1, 2]]]},
                        }
                    ],
                }
            ).encode(),
            "[longitude, latitude]",
        ),
    ],
)
def test_a_bad_outlines_file_is_refused_with_its_reason(content, problem):
    _data, found = geojson.read(content)
    assert any(problem in message for message in found), found


def test_the_demo_outlines_are_valid_and_name_the_eight_arrondissements():
    from pathlib import Path

    path = (
        Path(__file__).resolve().parents[2]
        / "communes/beni-mellal/files/map/arrondissements.geojson"
    )
    data, found = geojson.read(path.read_bytes())
    assert found == [] and sorted(geojson.numbers(data)) == list(range(1, 9))
