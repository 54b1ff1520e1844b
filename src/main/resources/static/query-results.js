// stalin-kg: the query editor's results, linked here and named. Every IRI of this graph in a result links to its
// page on this server (/doc/KIND/SLUG; a term of the vocabulary to its entry on /ontology) while the IRI shown stays
// the canonical one; "Show names" puts each thing's name beside it, in the reader's language where the graph has
// it, read in one query per result while the switch is on (a VALUES block of the result's IRIs, to /sparql); CSV
// and JSON downloads.
"use strict";

(() => {
  const skg = (window.skgQuery = window.skgQuery || { ready: [] });
  const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
  const MAX_NAMED = 2000;
  const names = new Map(); // IRI -> name, kept for the page's life (the data cannot change under it)
  const asked = new Set();
  skg.names = names;

  /** The local path of an IRI of this graph, or null for any other IRI. */
  function localPath(iri) {
    if (skg.things && iri.startsWith(skg.things)) return window.skg.site("doc/" + iri.substring(skg.things.length));
    if (skg.vocabulary && iri.startsWith(skg.vocabulary)) return window.skg.site("ontology#" + iri.substring(skg.vocabulary.length));
    return null;
  }
  skg.localPath = localPath;

  /** The reader's languages, most wanted first, then English. */
  function languages() {
    const wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language])
      .filter(Boolean).map((l) => String(l).toLowerCase().split("-")[0]);
    return [...new Set(wanted.concat(["en"]))];
  }

  /** The best of a thing's names for this reader: a wanted language, else one without a tag, else any. */
  function bestName(labels) {
    const langs = languages();
    let best = null;
    let rank = Infinity;
    for (const l of labels) {
      const lang = String(l["xml:lang"] || "").toLowerCase().split("-")[0];
      const r = lang ? (langs.indexOf(lang) >= 0 ? langs.indexOf(lang) : 100) : 50;
      if (r < rank) { rank = r; best = l.value; }
    }
    return best;
  }

  /** The names of the IRIs of this graph in the current result that are not known yet, in one query. */
  async function fetchNames(yasr) {
    const bindings = yasr && yasr.results && yasr.results.getBindings ? yasr.results.getBindings() || [] : [];
    const wanted = [];
    for (const row of bindings) {
      for (const v of Object.values(row)) {
        if (v && v.type === "uri" && localPath(v.value) && !asked.has(v.value) && wanted.length < MAX_NAMED) {
          asked.add(v.value);
          wanted.push(v.value);
        }
      }
    }
    if (!wanted.length) return;
    const query = "SELECT ?s ?name WHERE {\n  VALUES ?s { " + wanted.map((i) => "<" + i + ">").join(" ")
      + " }\n  ?s <" + RDFS_LABEL + "> ?name\n}";
    try {
      const resp = await fetch(window.skg.site("sparql"), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
        body: new URLSearchParams({ query }).toString(),
      });
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      const json = await resp.json();
      const byThing = new Map();
      for (const row of json.results.bindings) {
        if (!byThing.has(row.s.value)) byThing.set(row.s.value, []);
        byThing.get(row.s.value).push(row.name);
      }
      for (const [iri, labels] of byThing) names.set(iri, bestName(labels));
    } catch (e) {
      for (const i of wanted) asked.delete(i);
      status("The names could not be read: " + e.message);
    }
  }

  function status(text) {
    const el = document.getElementById("results-status");
    if (el) el.textContent = text;
  }

  /** Local links and, where known, names for every link of a result not yet seen. */
  function decorate(root) {
    for (const a of root.querySelectorAll(".yasr_results a.iri:not([data-skg-iri])")) {
      const iri = a.getAttribute("href") || "";
      a.dataset.skgIri = iri;
      const path = localPath(iri);
      if (!path) continue;
      a.setAttribute("href", path);
      a.setAttribute("title", iri);
      a.removeAttribute("target");
      a.classList.add("skg-local");
    }
    for (const a of root.querySelectorAll(".yasr_results a.skg-local:not([data-skg-named])")) {
      const name = names.get(a.dataset.skgIri);
      if (!name) continue;
      a.dataset.skgNamed = "true";
      const span = document.createElement("span");
      span.className = "skg-name";
      span.textContent = name;
      a.insertAdjacentElement("afterend", span);
    }
  }

  function showNames(on) {
    document.getElementById("yasgui").classList.toggle("skg-show-names", on);
    try { localStorage.setItem("stalin-kg-show-names", on ? "1" : "0"); } catch (e) { /* private mode */ }
  }

  /** A file for the reader to save, made in the page (no request). */
  function save(text, type, filename) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function currentYasr(yasgui) {
    const tab = yasgui.getTab();
    return tab ? tab.getYasr() : undefined;
  }

  /** The current result as CSV, or null when there is no table to give. */
  function csv(yasgui) {
    const yasr = currentYasr(yasgui);
    return yasr && yasr.results && yasr.results.getVariables && yasr.results.getVariables().length
      ? yasr.results.asCsv() : null;
  }

  /** The current result as the server sent it, when that is JSON (SPARQL results or JSON-LD), else null. */
  function json(yasgui) {
    const yasr = currentYasr(yasgui);
    if (!yasr || !yasr.results) return null;
    const text = yasr.results.getOriginalResponseAsString();
    try { JSON.parse(text); return text; } catch (e) { return null; }
  }

  function setUp(yasgui) {
    const root = document.getElementById("yasgui");
    const toggle = document.getElementById("show-names");
    let on = false;
    try { on = localStorage.getItem("stalin-kg-show-names") === "1"; } catch (e) { /* private mode */ }
    toggle.checked = on;
    showNames(on);
    new MutationObserver(() => decorate(root)).observe(root, { childList: true, subtree: true });
    decorate(root);
    // Names are read only while the switch is on: a result costs no second query otherwise.
    const named = async () => {
      if (!toggle.checked) return;
      const yasr = currentYasr(yasgui);
      await fetchNames(yasr);
      decorate(root);
    };
    toggle.addEventListener("change", () => {
      showNames(toggle.checked);
      named();
    });
    yasgui.on("queryResponse", () => setTimeout(named, 0));
    yasgui.on("tabSelect", () => setTimeout(named, 0));
    named();
    document.getElementById("download-csv").addEventListener("click", () => {
      const text = csv(yasgui);
      if (text === null) status("This result is not a table: there is no CSV to download.");
      else save(text, "text/csv", "stalin-kg-results.csv");
    });
    document.getElementById("download-json").addEventListener("click", () => {
      const text = json(yasgui);
      if (text === null) status("This result did not come as JSON: use the Response view's download.");
      else save(text, "application/json", "stalin-kg-results.json");
    });
    for (const id of ["show-names", "download-csv", "download-json"]) document.getElementById(id).disabled = false;
    skg.csv = () => csv(yasgui);
    skg.json = () => json(yasgui);
  }

  skg.ready.push(setUp);
})();
