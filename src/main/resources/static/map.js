// stalin-kg: the maps. On /map, the outcome or policy chosen (?thing=IRI) is drawn from /map/data: each region it
// struck as a circle at the region's point, each deportation as an arrow from origin to destination; on a place's
// page (.place-map), the place itself. The base map is Natural Earth's countries (TopoJSON, served from this
// server); Leaflet draws everything as SVG, and no request leaves the server (no tiles).
"use strict";

(() => {
  const BASE_MAP = window.skg.site("static/map/countries-110m.json");
  const DATA = window.skg.site("map/data");
  const SVG_NS = "http://www.w3.org/2000/svg";
  let baseMapData = null;

  const el = window.skg.el;

  /** A link to a thing's page, as an element (for popups and lists). */
  function link(href, text) {
    return el("a", { href: window.skg.site(href), text });
  }

  function popup(...parts) {
    const div = el("div", { class: "map-popup" });
    div.append(...parts);
    return div;
  }

  async function baseMap() {
    if (!baseMapData) {
      const response = await fetch(BASE_MAP);
      if (!response.ok) throw new Error("base map: HTTP " + response.status);
      const topology = await response.json();
      baseMapData = topojson.feature(topology, topology.objects.countries);
    }
    return baseMapData;
  }

  /** A Leaflet map with the bundled base map and no tile layer. */
  async function newMap(container, options) {
    const map = L.map(container, Object.assign({
      preferCanvas: false, worldCopyJump: false, minZoom: 1, maxZoom: 8,
      maxBounds: [[-85, -200], [85, 220]], attributionControl: true,
    }, options || {}));
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth (public domain) · Leaflet");
    const countries = await baseMap();
    L.geoJSON(countries, {
      interactive: false,
      style: { className: "skg-country", color: "#9a9a8a", weight: 0.6, fillColor: "#f3f1e7", fillOpacity: 1 },
    }).addTo(map);
    return map;
  }

  /** The arrowhead marker, defined once in the SVG Leaflet draws into. */
  function ensureArrowhead(svg) {
    if (!svg || svg.querySelector("#skg-arrowhead")) return;
    const defs = document.createElementNS(SVG_NS, "defs");
    const marker = document.createElementNS(SVG_NS, "marker");
    marker.setAttribute("id", "skg-arrowhead");
    marker.setAttribute("viewBox", "0 0 10 10");
    marker.setAttribute("refX", "9");
    marker.setAttribute("refY", "5");
    marker.setAttribute("markerWidth", "7");
    marker.setAttribute("markerHeight", "7");
    marker.setAttribute("markerUnits", "strokeWidth");
    marker.setAttribute("orient", "auto");
    const head = document.createElementNS(SVG_NS, "path");
    head.setAttribute("d", "M 0 0 L 10 5 L 0 10 z");
    head.setAttribute("class", "skg-arrowhead");
    marker.appendChild(head);
    defs.appendChild(marker);
    svg.insertBefore(defs, svg.firstChild);
  }

  function latLng(point) {
    return [point[1], point[0]];
  }

  /** An arrow that stops short of the destination's centre, so its head is not hidden under the circle. */
  function arrowEnds(from, to) {
    const a = latLng(from);
    const b = latLng(to);
    const dx = b[1] - a[1];
    const dy = b[0] - a[0];
    const length = Math.hypot(dx, dy) || 1;
    const back = Math.min(0.9, length * 0.15) / length;
    return [a, [b[0] - dy * back, b[1] - dx * back]];
  }

  function drawRegion(map, region, bounds, options) {
    if (!region.point) return false;
    const circle = L.circleMarker(latLng(region.point), Object.assign({
      className: "skg-region", radius: 8, color: "#8b1a1a", weight: 2, fillColor: "#c0392b", fillOpacity: 0.55,
    }, options || {})).addTo(map);
    circle.getElement().setAttribute("data-region", region.region);
    circle.bindTooltip(region.label);
    circle.bindPopup(popup(link(region.href, region.label)));
    bounds.push(latLng(region.point));
    return true;
  }

  function drawDeportation(map, d, bounds) {
    if (!d.from.point || !d.to.point) return false;
    const line = L.polyline(arrowEnds(d.from.point, d.to.point), {
      className: "skg-deportation", color: "#1f4e79", weight: 2.5, opacity: 0.85,
    }).addTo(map);
    const path = line.getElement();
    ensureArrowhead(path.ownerSVGElement);
    path.setAttribute("marker-end", "url(#skg-arrowhead)");
    path.setAttribute("data-policy", d.policy);
    line.bindTooltip(d.label + ": " + d.from.label + " → " + d.to.label, { sticky: true });
    line.bindPopup(popup(link(d.href, d.label), el("br"), link(d.from.href, d.from.label), " → ",
      link(d.to.href, d.to.label)));
    for (const p of [d.from, d.to]) {
      L.circleMarker(latLng(p.point), {
        className: "skg-deportation-end", radius: 4, color: "#1f4e79", weight: 1, fillColor: "#1f4e79",
        fillOpacity: 0.8,
      }).addTo(map).bindPopup(popup(link(p.href, p.label)));
      bounds.push(latLng(p.point));
    }
    return true;
  }

  function list(data) {
    const box = el("div");
    if (data.regions.length) {
      const ul = el("ul", { class: "map-regions" });
      for (const r of data.regions) {
        ul.append(el("li", {}, link(r.href, r.label), r.point ? "" : " (no location recorded)"));
      }
      box.append(el("h2", { text: "Regions struck" }), ul);
    }
    if (data.deportations.length) {
      const ul = el("ul", { class: "map-deportations" });
      for (const d of data.deportations) {
        ul.append(el("li", {}, link(d.href, d.label), ": from ", link(d.from.href, d.from.label), " to ",
          link(d.to.href, d.to.label)));
      }
      box.append(el("h2", { text: "Deportations" }), ul);
    }
    if (!data.regions.length && !data.deportations.length) {
      box.append(el("p", { text: "Nothing of this thing is located on the map." }));
    }
    return box;
  }

  async function fetchData(thing) {
    const response = await fetch(DATA + "?thing=" + encodeURIComponent(thing), {
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error("map data: HTTP " + response.status);
    return response.json();
  }

  async function mapPage(container) {
    const status = document.querySelector(".map-status");
    const select = document.getElementById("map-thing");
    const listBox = document.getElementById("map-list");
    const thing = new URLSearchParams(location.search).get("thing");
    select.addEventListener("change", () => {
      if (select.value) select.form.submit();
    });
    const map = await newMap(container, { center: [50, 60], zoom: 3 });
    if (!thing) {
      status.textContent = "Choose an outcome or a policy to draw it.";
      return;
    }
    select.value = thing;
    status.textContent = "Loading…";
    const data = await fetchData(thing);
    const bounds = [];
    let drawn = 0;
    for (const r of data.regions) if (drawRegion(map, r, bounds)) drawn++;
    let arrows = 0;
    for (const d of data.deportations) if (drawDeportation(map, d, bounds)) arrows++;
    if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 4 });
    listBox.replaceChildren(list(data));
    status.textContent = drawn + (drawn === 1 ? " region" : " regions") + ", " + arrows
      + (arrows === 1 ? " deportation" : " deportations") + " drawn.";
    container.setAttribute("data-drawn", "true");
  }

  async function placeMap(container) {
    const data = await fetchData(container.dataset.thing);
    const located = data.regions.find((r) => r.point);
    // The view first: Leaflet adds a layer to a map without one only when it gets one.
    const map = await newMap(container, {
      zoomControl: true, scrollWheelZoom: false,
      center: located ? latLng(located.point) : [50, 60], zoom: located ? 4 : 2,
    });
    const bounds = [];
    for (const r of data.regions) drawRegion(map, r, bounds);
    container.setAttribute("data-drawn", "true");
  }

  function fail(container, error) {
    const status = document.querySelector(".map-status");
    if (status) status.textContent = "The map could not be drawn: " + error.message;
    container.setAttribute("data-error", error.message);
  }

  function start() {
    const page = document.querySelector("[data-map-page]");
    if (page) mapPage(page).catch((e) => fail(page, e));
    for (const place of document.querySelectorAll(".place-map[data-thing]")) {
      placeMap(place).catch((e) => fail(place, e));
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
