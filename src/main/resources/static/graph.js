// stalin-kg: the neighbourhood graph of a thing's page. Reads the JSON island #graph-data
// ({"nodes":[{id,label,kind,href,center}], "edges":[{source,target,label}]}), draws it with Cytoscape into #graph
// (colour per kind, the thing itself in the centre), fills the legend, and lists the same neighbours as links in
// #graph-list for the keyboard and screen readers. Needs no network: the data is in the page.
"use strict";

(() => {
  const KIND_NAMES = {
    policy: "policy", goal: "goal", outcome: "outcome", region: "region", group: "group",
    institution: "institution", event: "event", person: "person", source: "source", claim: "claim or correction",
    other: "other",
  };
  const EDGE_LABELS_UP_TO = 24;   // with more links than this, the links' names would hide the graph

  function readData() {
    const island = document.getElementById("graph-data");
    if (!island) return null;
    try {
      const data = JSON.parse(island.textContent);
      return { nodes: Array.isArray(data.nodes) ? data.nodes : [], edges: Array.isArray(data.edges) ? data.edges : [] };
    } catch (e) {
      return null;
    }
  }

  function kindOf(node) {
    return Object.prototype.hasOwnProperty.call(KIND_NAMES, node.kind) ? node.kind : "other";
  }

  function colour(kind) {
    const v = getComputedStyle(document.documentElement).getPropertyValue("--k-" + kind).trim();
    return v || "#999999";
  }

  /** The neighbours with the names of their links to the centre, both directions, in label order. */
  function neighbours(data, centre) {
    const byId = new Map(data.nodes.map((n) => [n.id, n]));
    const rels = new Map();
    for (const e of data.edges) {
      let other = null;
      let text = null;
      if (centre && e.source === centre.id) { other = e.target; text = e.label; }
      else if (centre && e.target === centre.id) { other = e.source; text = e.label + " (of)"; }
      if (other === null || !byId.has(other)) continue;
      if (!rels.has(other)) rels.set(other, new Set());
      if (text) rels.get(other).add(text);
    }
    return data.nodes.filter((n) => !n.center)
      .map((n) => ({ node: n, rels: [...(rels.get(n.id) || [])] }))
      .sort((a, b) => String(a.node.label).localeCompare(String(b.node.label)));
  }

  function fillLegend(nodes) {
    const legend = document.getElementById("graph-legend");
    if (!legend) return;
    legend.textContent = "";
    const kinds = [...new Set(nodes.map(kindOf))].sort();
    for (const k of kinds) {
      const li = document.createElement("li");
      const sw = document.createElement("span");
      sw.className = "kind-swatch kind-" + k;
      sw.setAttribute("aria-hidden", "true");
      li.append(sw, KIND_NAMES[k]);
      legend.appendChild(li);
    }
  }

  function fillList(data, centre) {
    const list = document.getElementById("graph-list");
    if (!list) return;
    list.textContent = "";
    for (const { node, rels } of neighbours(data, centre)) {
      const li = document.createElement("li");
      const sw = document.createElement("span");
      sw.className = "kind-swatch kind-" + kindOf(node);
      sw.setAttribute("aria-hidden", "true");
      const a = document.createElement("a");
      a.href = window.skg.site(node.href);
      a.textContent = node.label;
      const rel = document.createElement("span");
      rel.className = "rel";
      rel.textContent = " " + KIND_NAMES[kindOf(node)] + (rels.length ? "; " + rels.join(", ") : "");
      li.append(sw, a, rel);
      list.appendChild(li);
    }
  }

  function draw(data, centre) {
    const container = document.getElementById("graph");
    if (!container || typeof window.cytoscape !== "function") {
      if (container) container.hidden = true;   // the list below still holds every neighbour
      return;
    }
    const ids = new Set(data.nodes.map((n) => n.id));
    // One edge per pair and direction, carrying the names of all the links between them.
    const edges = new Map();
    for (const e of data.edges) {
      if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
      const key = e.source + "\u0000" + e.target;
      if (!edges.has(key)) edges.set(key, { source: e.source, target: e.target, labels: [] });
      if (e.label && !edges.get(key).labels.includes(e.label)) edges.get(key).labels.push(e.label);
    }
    const narrow = container.clientWidth < 500;
    const showEdgeLabels = edges.size <= EDGE_LABELS_UP_TO && !narrow;
    const elements = [
      ...data.nodes.map((n) => ({ data: { id: n.id, label: n.label, href: n.href, kind: kindOf(n),
                                          colour: colour(kindOf(n)), centre: n.center ? 1 : 0 } })),
      ...[...edges.values()].map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target,
                                                      label: showEdgeLabels ? e.labels.join(", ") : "" } })),
    ];
    const cy = window.cytoscape({
      container,
      elements,
      // A picture with links, not a canvas to edit: page scrolling and touch stay the page's.
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
      style: [
        { selector: "node", style: {
          "background-color": "data(colour)", "border-width": 1, "border-color": "#444",
          width: narrow ? 14 : 18, height: narrow ? 14 : 18,
          label: "data(label)", "font-size": narrow ? 9 : 11, color: "#222",
          "font-family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
          "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": narrow ? 80 : 120,
          "text-background-color": "#fcfcfb", "text-background-opacity": 0.85, "text-background-padding": 1,
        } },
        { selector: "node[centre = 1]", style: {
          width: narrow ? 28 : 36, height: narrow ? 28 : 36, "border-width": 4, "border-color": "#111",
          "font-size": narrow ? 11 : 13, "font-weight": "bold", "z-index": 10,
        } },
        { selector: "edge", style: {
          width: 1.2, "line-color": "#b8b8b8", "curve-style": "bezier", "target-arrow-shape": "triangle",
          "target-arrow-color": "#b8b8b8", "arrow-scale": 0.8,
          label: "data(label)", "font-size": 8, color: "#666", "text-rotation": "autorotate",
          "text-background-color": "#fcfcfb", "text-background-opacity": 0.85,
        } },
        { selector: "node.hover", style: { "border-width": 3, "border-color": "#b35900" } },
      ],
      layout: {
        name: "concentric",
        concentric: (n) => (n.data("centre") ? 2 : 1),
        levelWidth: () => 1,
        minNodeSpacing: narrow ? 14 : 28,
        avoidOverlap: true,
        padding: 16,
        animate: false,
      },
    });
    cy.on("tap", "node", (evt) => {
      const href = evt.target.data("href");
      if (href) window.location.href = window.skg.site(href);
    });
    cy.on("mouseover", "node", (evt) => { evt.target.addClass("hover"); container.style.cursor = "pointer"; });
    cy.on("mouseout", "node", (evt) => { evt.target.removeClass("hover"); container.style.cursor = ""; });
    let pending = 0;
    new ResizeObserver(() => {
      if (pending) return;
      pending = requestAnimationFrame(() => { pending = 0; cy.resize(); cy.fit(undefined, 16); });
    }).observe(container);
  }

  function start() {
    const data = readData();
    const section = document.getElementById("graph");
    if (!data || !data.nodes.length) {
      if (section) section.hidden = true;
      return;
    }
    const centre = data.nodes.find((n) => n.center) || null;
    fillLegend(data.nodes);
    fillList(data, centre);
    if (data.nodes.length < 2) {
      if (section) section.hidden = true;
      return;
    }
    draw(data, centre);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
