/* The requests office's maps (Leaflet, served by the intranet itself).
   [data-requests-map] reads its layers from the JSON its page holds: the
   arrondissements' outlines, the tile server if the commune has one, and either
   points to show (data-points) or two fields to fill with the point clicked
   (data-pick-latitude, data-pick-longitude). */
(function () {
  "use strict";

  function json(id) {
    var element = id && document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function outlineLayer(layers) {
    return L.geoJSON(layers.outlines, {
      style: { color: "#0b5d3b", weight: 2, fillColor: "#0b5d3b", fillOpacity: 0.06 },
      onEachFeature: function (feature, layer) {
        var number = feature.properties.number;
        var name = feature.properties.name;
        // Numbered where they lie (the legend under the map names them), named on hover.
        layer.bindTooltip(String(number), {
          permanent: true, direction: "center", className: "request-map__label",
        });
        if (name) { layer.bindPopup(name); }
      },
    });
  }

  function setUp(element) {
    var layers = json(element.dataset.layers);
    if (!layers || typeof L === "undefined") { return; }
    var map = L.map(element, { scrollWheelZoom: false });
    if (layers.tiles) {
      L.tileLayer(layers.tiles, { attribution: layers.attribution || "", maxZoom: 19 }).addTo(map);
    }
    var outlines = outlineLayer(layers).addTo(map);
    var bounds = outlines.getBounds();

    var points = json(element.dataset.points);
    if (points) {
      var markers = L.geoJSON(points, {
        pointToLayer: function (feature, latlng) {
          var late = feature.properties.late;
          return L.circleMarker(latlng, {
            radius: 8, weight: 2, color: late ? "#a3221a" : "#0b5d3b",
            fillColor: late ? "#a3221a" : "#f2b705", fillOpacity: 0.9,
          });
        },
        onEachFeature: function (feature, layer) {
          var p = feature.properties;
          var box = document.createElement("div");
          var link = document.createElement("a");
          link.href = p.url;
          link.textContent = p.reference;
          box.appendChild(link);
          [p.kind_label + " · " + p.status, p.subject, p.service].forEach(function (text) {
            if (!text) { return; }
            var line = document.createElement("div");
            line.textContent = text;
            box.appendChild(line);
          });
          layer.bindPopup(box);
        },
      }).addTo(map);
      if (markers.getLayers().length) { bounds = bounds.isValid() ? bounds.extend(markers.getBounds()) : markers.getBounds(); }
    }

    var latitude = document.getElementById(element.dataset.pickLatitude || "");
    var longitude = document.getElementById(element.dataset.pickLongitude || "");
    if (latitude && longitude) {
      var picked = null;
      var show = function (lat, lng) {
        if (picked) { picked.setLatLng([lat, lng]); } else { picked = L.circleMarker([lat, lng], { radius: 9, color: "#a3221a", fillOpacity: 0.8 }).addTo(map); }
      };
      if (latitude.value && longitude.value) { show(parseFloat(latitude.value), parseFloat(longitude.value)); }
      map.on("click", function (event) {
        latitude.value = event.latlng.lat.toFixed(6);
        longitude.value = event.latlng.lng.toFixed(6);
        show(event.latlng.lat, event.latlng.lng);
      });
    }

    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [12, 12] }); } else { map.setView([0, 0], 2); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-requests-map]"), setUp);
  });
})();
