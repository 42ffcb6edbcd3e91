"""The outlines of a commune's arrondissements, as GeoJSON (RFC 7946).

Only what a map of the commune needs is accepted: a FeatureCollection of
Polygon or MultiPolygon features, each naming the arrondissement it outlines by
its number (``properties.number``), with longitude, latitude pairs.
"""

import json

AREAS = {"Polygon", "MultiPolygon"}


def read(content):
    """``(outlines, problems)`` from the bytes of a GeoJSON file."""
    try:
        data = json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, [f"not valid GeoJSON: {error}"]
    return data, problems(data)


def problems(data):
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return ["a GeoJSON FeatureCollection is expected"]
    found = []
    for index, feature in enumerate(data.get("features") or [], start=1):
        where = f"feature #{index}"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            found.append(f"{where}: not a Feature")
            continue
        number = (feature.get("properties") or {}).get("number")
        if not isinstance(number, int) or isinstance(number, bool):
            found.append(f"{where}: give the arrondissement's number in properties.number")
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in AREAS:
            found.append(f"{where}: the outline is a Polygon or a MultiPolygon")
            continue
        polygons = geometry.get("coordinates") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon or [[]]:
                if len(ring) < 4 or not all(_position(point) for point in ring):
                    found.append(f"{where}: each ring is 4 or more [longitude, latitude] pairs")
                    break
    if not data.get("features"):
        found.append("no feature: outline at least one arrondissement")
    return found


def numbers(data):
    return [feature["properties"]["number"] for feature in data.get("features", [])]


def _position(point):
    return (
        isinstance(point, list)
        and len(point) >= 2
        and all(
            isinstance(value, int | float) and not isinstance(value, bool) for value in point[:2]
        )
        and -180 <= point[0] <= 180
        and -90 <= point[1] <= 90
    )


def as_bytes(data):
    """The stored outlines as a file, the same bytes for the same outlines."""
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
