// stalin-kg: views of a query's result besides YASR's table and raw response, each a YASR plugin: a bar chart (a
// label column and a number column), a timeline (columns of dates or years: ?start ?end), a graph (a CONSTRUCT, or
// SELECT rows of IRIs, drawn with Cytoscape as on the pages) and a map (WKT or latitude/longitude columns, drawn with
// Leaflet on the bundled base map, as /map). Every view can always be chosen; one that cannot draw a result says
// why. A new result opens in the view its shape fits (a "#defaultView:Chart" comment, as on the Wikidata Query
// Service, chooses). Every script comes from this server, loaded when its view is first drawn.
"use strict";

(() => {
  const skg = (window.skgQuery = window.skgQuery || { ready: [] });
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMERIC = ["integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong"].map((t) => XSD + t);
  const DATES = ["date", "dateTime", "gYear", "gYearMonth", "dateTimeStamp"].map((t) => XSD + t);
  const WKT = "http://www.opengis.net/ont/geosparql#wktLiteral";
  const SVG = "http://www.w3.org/2000/svg";
  const MAX_ROWS = 500;
  const scripts = {};

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v);
    }
    e.append(...children);
    return e;
  }

  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  /** Loads a script of this server once. */
  function script(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise((resolve, reject) => {
        const s = el("script", { src });
        s.onload = resolve;
        s.onerror = () => reject(new Error("could not load " + src));
        document.head.appendChild(s);
      });
    }
    return scripts[src];
  }

  function css(href) {
    if (!document.querySelector("link[href='" + href + "']")) document.head.appendChild(el("link", { rel: "stylesheet", href }));
  }

  function asset(name) {
    return document.getElementById("yasgui").dataset[name];
  }

  // The shape of a result

  function table(yasr) {
    const r = yasr.results;
    if (!r || !r.getVariables || !r.getBindings) return { vars: [], rows: [] };
    return { vars: r.getVariables() || [], rows: (r.getBindings() || []).slice(0, MAX_ROWS) };
  }

  const TERM = '(<[^>]*>|_:[^\\s]+|"(?:[^"\\\\]|\\\\.)*"(?:@[A-Za-z0-9-]+|\\^\\^<[^>]*>)?)';
  const TRIPLE = new RegExp("^\\s*" + TERM + "\\s+" + TERM + "\\s+" + TERM + "\\s*\\.\\s*$");

  function term(s) {
    if (s[0] === "<") return { type: "uri", value: s.slice(1, -1) };
    if (s.startsWith("_:")) return { type: "bnode", value: s };
    const m = /^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$/.exec(s);
    const value = m[1].replace(/\\u([0-9A-Fa-f]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\(.)/g, (_, c) => ({ n: "\n", r: "\r", t: "\t" }[c] || c));
    return { type: "literal", value, "xml:lang": m[2], datatype: m[3] };
  }

  /** The triples of a CONSTRUCT or DESCRIBE answer (N-Triples, as the editor asks for them), or null. */
  function triples(yasr) {
    const r = yasr.results;
    if (!r || (r.getVariables && r.getVariables().length)) return null;
    const text = r.getOriginalResponseAsString ? r.getOriginalResponseAsString() : "";
    if (typeof text !== "string") return null;
    const out = [];
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim() || line.trim()[0] === "#") continue;
      const m = TRIPLE.exec(line);
      if (!m) return null;
      out.push({ subject: term(m[1]), predicate: term(m[2]), object: term(m[3]) });
    }
    return out;
  }

  function isConstruct(yasr) {
    return triples(yasr) !== null;
  }

  const isNumber = (b) => b && b.type !== "uri" && (NUMERIC.includes(b.datatype)
    || (!b.datatype && /^-?\d+(\.\d+)?$/.test(b.value)));
  const isDate = (b) => b && b.type !== "uri" && DATES.includes(b.datatype) && /^-?\d{4}/.test(b.value);
  const isYear = (b) => b && isNumber(b) && /^\d{4}$/.test(b.value);
  const isWkt = (b) => b && b.type !== "uri" && (b.datatype === WKT || /^\s*(MULTI)?(POINT|POLYGON)\s*\(/i.test(b.value));

  /** The columns all of whose values pass {@code test} (columns with no value at all are not counted). */
  function columns(t, test) {
    return t.vars.filter((v) => {
      const values = t.rows.map((r) => r[v]).filter(Boolean);
      return values.length > 0 && values.every(test);
    });
  }

  function dateColumns(t) {
    const dates = columns(t, isDate);
    const years = columns(t, isYear).filter((v) => /year|start|end|from|until|begin|to$/i.test(v));
    return dates.concat(years.filter((v) => !dates.includes(v)));
  }

  function latLongColumns(t) {
    const nums = columns(t, isNumber);
    const lat = nums.find((v) => /^lat/i.test(v));
    const lon = nums.find((v) => /^(lon|lng)/i.test(v));
    return lat && lon ? [lat, lon] : null;
  }

  /** The name to show for a value: a thing's name where "Show names" found it, else its local name, else text. */
  function text(b) {
    if (!b) return "";
    if (b.type === "uri") return (skg.names && skg.names.get(b.value)) || b.value.replace(/^.*[#/]/, "");
    return b.value;
  }

  function link(b, content) {
    const href = b && b.type === "uri" ? (skg.localPath && skg.localPath(b.value)) || null : null;
    if (!href) return content;
    const a = svg("a", { href });
    a.setAttributeNS("http://www.w3.org/1999/xlink", "href", href);
    a.appendChild(content);
    return a;
  }

  function labelColumn(t, not) {
    return t.vars.find((v) => !not.includes(v) && t.rows.some((r) => r[v] && !isNumber(r[v])));
  }

  function year(b) {
    const m = /^(-?\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(b.value);
    if (!m) return NaN;
    return Number(m[1]) + ((Number(m[2] || 1) - 1) / 12) + ((Number(m[3] || 1) - 1) / 365);
  }

  // The views

  class View {
    constructor(yasr) {
      this.yasr = yasr;
    }
    canHandleResults() {
      const r = this.yasr.results;
      return !!r && !(r.hasError && r.hasError());
    }
    getIcon() {
      return el("span", { class: "skg-view-icon", "aria-hidden": "true", text: this.icon });
    }
    why(message) {
      this.yasr.resultsEl.appendChild(el("p", { class: "skg-view-why", role: "status", text: message }));
    }
    destroy() {}
  }

  class Chart extends View {
    constructor(yasr) { super(yasr); this.label = "Chart"; this.priority = 3; this.icon = "▇"; }
    static fits(t) {
      const nums = columns(t, isNumber);
      return nums.length > 0 && !!labelColumn(t, nums) && t.rows.length > 0;
    }
    draw() {
      const t = table(this.yasr);
      const nums = columns(t, isNumber);
      const labelVar = labelColumn(t, nums);
      if (!nums.length || !labelVar) {
        this.why("A bar chart needs a column of labels and a column of numbers (e.g. ?class ?count); this result has "
          + (nums.length ? "no label column." : "no column of numbers only."));
        return;
      }
      const value = nums[0];
      const rows = t.rows.filter((r) => r[labelVar] && r[value]).slice(0, 100);
      const max = Math.max(...rows.map((r) => Number(r[value].value)), 0) || 1;
      const barH = 22;
      const left = 260;
      const width = 900;
      const s = svg("svg", { class: "skg-chart", role: "img", width: "100%", viewBox: "0 0 " + width + " " + (rows.length * barH + 30),
        "aria-label": "Bar chart of ?" + value + " by ?" + labelVar });
      rows.forEach((r, i) => {
        const n = Number(r[value].value);
        const y = 10 + i * barH;
        const label = svg("text", { x: left - 8, y: y + barH * 0.65, "text-anchor": "end", class: "skg-chart-label" });
        label.textContent = text(r[labelVar]).slice(0, 40);
        s.appendChild(link(r[labelVar], label));
        const w = Math.max(1, (width - left - 80) * n / max);
        const bar = svg("rect", { x: left, y: y + 3, width: w, height: barH - 6, class: "skg-bar" });
        const title = svg("title");
        title.textContent = text(r[labelVar]) + ": " + r[value].value;
        bar.appendChild(title);
        s.appendChild(bar);
        const num = svg("text", { x: left + w + 6, y: y + barH * 0.65, class: "skg-chart-value" });
        num.textContent = Number.isInteger(n) ? n.toLocaleString("en") : String(n);
        s.appendChild(num);
      });
      this.yasr.resultsEl.appendChild(el("div", { class: "skg-view skg-chart-view", "data-bars": String(rows.length) }, s));
    }
  }

  class Timeline extends View {
    constructor(yasr) { super(yasr); this.label = "Timeline"; this.priority = 3; this.icon = "⟷"; }
    static fits(t) {
      return dateColumns(t).length > 0 && t.rows.length > 0;
    }
    draw() {
      const t = table(this.yasr);
      const dates = dateColumns(t);
      if (!dates.length) {
        this.why("A timeline needs a column of dates or years (xsd:date, xsd:gYear, or a year column such as ?start "
          + "?end); this result has none.");
        return;
      }
      const [startVar, endVar] = dates;
      const labelVar = labelColumn(t, dates);
      const rows = t.rows.filter((r) => r[startVar]).map((r) => ({
        r, start: year(r[startVar]), end: endVar && r[endVar] ? year(r[endVar]) + (isYear(r[endVar]) || r[endVar].datatype === XSD + "gYear" ? 1 : 0) : null,
      })).filter((x) => !Number.isNaN(x.start)).sort((a, b) => a.start - b.start);
      if (!rows.length) {
        this.why("No row has a date in ?" + startVar + ".");
        return;
      }
      const lo = Math.floor(Math.min(...rows.map((x) => x.start)));
      const hi = Math.ceil(Math.max(...rows.map((x) => x.end || x.start + 1)));
      const width = 900;
      const left = 260;
      const rowH = 22;
      const scale = (y) => left + (width - left - 20) * (y - lo) / Math.max(1, hi - lo);
      const height = rows.length * rowH + 40;
      const s = svg("svg", { class: "skg-timeline", role: "img", width: "100%", viewBox: "0 0 " + width + " " + height,
        "aria-label": "Timeline of ?" + startVar + (endVar ? " to ?" + endVar : "") });
      const step = Math.max(1, Math.ceil((hi - lo) / 10));
      for (let y = lo; y <= hi; y += step) {
        s.appendChild(svg("line", { x1: scale(y), x2: scale(y), y1: 0, y2: height - 20, class: "skg-tick" }));
        const tick = svg("text", { x: scale(y), y: height - 6, "text-anchor": "middle", class: "skg-tick-label" });
        tick.textContent = String(y);
        s.appendChild(tick);
      }
      rows.forEach((x, i) => {
        const y = 6 + i * rowH;
        const label = svg("text", { x: left - 8, y: y + rowH * 0.65, "text-anchor": "end", class: "skg-chart-label" });
        label.textContent = (labelVar ? text(x.r[labelVar]) : x.r[startVar].value).slice(0, 40);
        s.appendChild(labelVar ? link(x.r[labelVar], label) : label);
        const x1 = scale(x.start);
        const x2 = x.end ? Math.max(x1 + 3, scale(x.end)) : x1 + 3;
        const bar = svg("rect", { x: x1, y: y + 3, width: x2 - x1, height: rowH - 6, rx: 3,
          class: x.end ? "skg-period" : "skg-instant" });
        const title = svg("title");
        title.textContent = (labelVar ? text(x.r[labelVar]) + ": " : "") + x.r[startVar].value
          + (endVar && x.r[endVar] ? " – " + x.r[endVar].value : "");
        bar.appendChild(title);
        s.appendChild(bar);
      });
      this.yasr.resultsEl.appendChild(el("div", { class: "skg-view skg-timeline-view", "data-periods": String(rows.length) }, s));
    }
  }

  class Graph extends View {
    constructor(yasr) { super(yasr); this.label = "Graph"; this.priority = 3; this.icon = "⬡"; }
    static fits(t, construct) {
      return construct || columns(t, (b) => b.type === "uri").length >= 2;
    }
    async draw() {
      const t = table(this.yasr);
      const construct = isConstruct(this.yasr);
      const nodes = new Map();
      const edges = [];
      const node = (b) => {
        if (!nodes.has(b.value)) nodes.set(b.value, { data: { id: b.value, label: text(b), href: skg.localPath && skg.localPath(b.value) } });
        return b.value;
      };
      if (construct) {
        for (const r of triples(this.yasr).slice(0, 2000)) {
          const { subject: s, predicate: p, object: o } = r;
          if (o.type === "literal") {
            if (/[#/]label$/.test(p.value)) { node(s); nodes.get(s.value).data.label = o.value; }
            continue;
          }
          edges.push({ data: { id: "e" + edges.length, source: node(s), target: node(o), label: text(p) } });
        }
      } else {
        const iris = columns(t, (b) => b.type === "uri");
        if (iris.length < 2) {
          this.why("A graph needs a CONSTRUCT query, or a SELECT with two or more columns of IRIs (e.g. ?policy ?goal); "
            + "this result has " + (iris.length ? "one." : "none."));
          return;
        }
        for (const r of t.rows) {
          for (let i = 0; i + 1 < iris.length; i++) {
            if (r[iris[i]] && r[iris[i + 1]]) {
              edges.push({ data: { id: "e" + edges.length, source: node(r[iris[i]]), target: node(r[iris[i + 1]]), label: iris[i + 1] } });
            }
          }
        }
      }
      if (!nodes.size) {
        this.why("This result has no IRIs to draw as a graph.");
        return;
      }
      const box = el("div", { class: "skg-view skg-graph-view", "data-nodes": String(nodes.size), "data-edges": String(edges.length) });
      this.yasr.resultsEl.appendChild(box);
      try {
        await script(asset("cytoscape"));
      } catch (e) {
        this.why("The graph library could not be loaded: " + e.message);
        return;
      }
      const cy = window.cytoscape({
        container: box,
        elements: [...nodes.values(), ...edges],
        wheelSensitivity: 0.3,
        boxSelectionEnabled: false,
        style: [
          { selector: "node", style: { "background-color": "#0072b2", width: 14, height: 14, label: "data(label)",
            "font-size": 10, "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 120 } },
          { selector: "edge", style: { width: 1, "line-color": "#b8b8b8", "curve-style": "bezier",
            "target-arrow-shape": "triangle", "target-arrow-color": "#b8b8b8", label: "data(label)", "font-size": 8,
            color: "#666", "text-rotation": "autorotate" } },
        ],
        layout: { name: nodes.size > 300 ? "grid" : "cose", animate: false },
      });
      cy.on("tap", "node", (ev) => { const href = ev.target.data("href"); if (href) location.href = href; });
      this.cy = cy;
      skg.graph = cy;
    }
    destroy() {
      if (this.cy) this.cy.destroy();
      this.cy = null;
    }
  }

  /** [[lat, lon], …] rings of a WKT POINT, POLYGON or MULTIPOLYGON; a point is one ring of one position. */
  function wktShapes(wkt) {
    const type = (/^\s*(\w+)/.exec(wkt) || [])[1] || "";
    const pairs = (s) => s.split(",").map((p) => p.trim().split(/\s+/).map(Number)).filter((p) => p.length >= 2 && p.every(Number.isFinite))
      .map(([lon, lat]) => [lat, lon]);
    if (/^POINT$/i.test(type)) return { point: pairs(wkt.replace(/^[^(]*\(|\)\s*$/g, ""))[0] };
    const rings = [];
    const re = /\(([^()]+)\)/g;
    let m;
    while ((m = re.exec(wkt))) rings.push(pairs(m[1]));
    return { rings };
  }

  class MapView extends View {
    constructor(yasr) { super(yasr); this.label = "Map"; this.priority = 3; this.icon = "●"; }
    static fits(t) {
      return columns(t, isWkt).length > 0 || !!latLongColumns(t);
    }
    async draw() {
      const t = table(this.yasr);
      const wkt = columns(t, isWkt)[0];
      const ll = latLongColumns(t);
      if (!wkt && !ll) {
        this.why("A map needs a column of WKT literals (geo:asWKT, e.g. POINT(30.5 50.4)) or ?lat and ?long columns; "
          + "this result has neither.");
        return;
      }
      const box = el("div", { class: "skg-view skg-map-view skg-map" });
      this.yasr.resultsEl.appendChild(box);
      try {
        css(asset("leafletCss"));
        await script(asset("leaflet"));
        await script(asset("topojson"));
      } catch (e) {
        this.why("The map library could not be loaded: " + e.message);
        return;
      }
      const map = window.L.map(box, { center: [50, 40], zoom: 3, minZoom: 1, maxZoom: 8, attributionControl: true });
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution("Natural Earth (public domain) · Leaflet");
      this.map = map;
      const topology = await (await fetch(asset("baseMap"))).json();
      window.L.geoJSON(window.topojson.feature(topology, topology.objects.countries), { interactive: false,
        style: { className: "skg-country", color: "#9a9a8a", weight: 0.6, fillColor: "#f3f1e7", fillOpacity: 1 } }).addTo(map);
      const labelVar = labelColumn(t, [wkt, ...(ll || [])].filter(Boolean));
      const layers = [];
      for (const r of t.rows) {
        const name = labelVar ? text(r[labelVar]) : "";
        const href = labelVar && r[labelVar] && r[labelVar].type === "uri" && skg.localPath ? skg.localPath(r[labelVar].value) : null;
        let layer = null;
        if (wkt && r[wkt]) {
          const shape = wktShapes(r[wkt].value);
          if (shape.point) layer = window.L.circleMarker(shape.point, { radius: 6, className: "skg-map-point" });
          else if (shape.rings && shape.rings.length) layer = window.L.polygon(shape.rings, { className: "skg-map-area", weight: 1 });
        } else if (ll && r[ll[0]] && r[ll[1]]) {
          layer = window.L.circleMarker([Number(r[ll[0]].value), Number(r[ll[1]].value)], { radius: 6, className: "skg-map-point" });
        }
        if (!layer) continue;
        if (name) {
          const content = href ? el("a", { href, text: name }) : el("span", { text: name });
          layer.bindPopup(content);
          layer.bindTooltip(name);
        }
        layer.addTo(map);
        layers.push(layer);
      }
      box.dataset.features = String(layers.length);
      if (layers.length) map.fitBounds(window.L.featureGroup(layers).getBounds().pad(0.3), { maxZoom: 6 });
      else map.setView([50, 40], 3);
    }
    destroy() {
      if (this.map) this.map.remove();
      this.map = null;
    }
  }

  const VIEWS = { chart: Chart, timeline: Timeline, graph: Graph, map: MapView };
  const NAMES = { table: "table", chart: "chart", barchart: "chart", timeline: "timeline", graph: "graph", map: "map",
    response: "response" };

  /** The view a result opens in: the query's "#defaultView:NAME", else the first whose shape it fits, else table. */
  function bestView(yasr, query) {
    const asked = /#\s*defaultView\s*:\s*(\w+)/i.exec(query || "");
    if (asked && NAMES[asked[1].toLowerCase()]) return NAMES[asked[1].toLowerCase()];
    const t = table(yasr);
    if (isConstruct(yasr)) return "graph";
    if (MapView.fits(t)) return "map";
    if (Timeline.fits(t)) return "timeline";
    if (Chart.fits(t)) return "chart";
    return "table";
  }

  function register(Yasr) {
    Yasr.defaults.pluginOrder = ["table", "chart", "timeline", "graph", "map", "response"];
    for (const [name, View] of Object.entries(VIEWS)) Yasr.registerPlugin(name, View);
  }

  skg.views = { register, order: ["table", "chart", "timeline", "graph", "map", "response"] };
  skg.ready.push((yasgui) => {
    yasgui.on("queryResponse", (_y, tab) => setTimeout(() => {
      const yasr = tab.getYasr();
      if (!yasr || !yasr.results || (yasr.results.hasError && yasr.results.hasError())) return;
      const view = bestView(yasr, tab.getQuery());
      if (yasr.getSelectedPluginName() !== view) yasr.selectPlugin(view);
    }, 0));
  });
})();
