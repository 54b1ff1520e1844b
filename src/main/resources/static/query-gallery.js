// stalin-kg: the query editor's gallery of example questions: every canned query of /api (its JSON listing) as a
// card with its summary, description, tags and parameters with their example values; "Load" puts it into the
// editor with those values filled in; the tags filter the cards.
"use strict";

(() => {
  const ID = "https://w3id.org/stalin-kg/id/";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const skg = (window.skgQuery = window.skgQuery || { ready: [] });

  /** A SPARQL literal for a string, escaped. */
  function stringLiteral(s) {
    return '"' + String(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r") + '"';
  }

  /**
   * The RDF term a canned query's engine would bind for a parameter value, written as SPARQL
   * (the types of README's "The canned-query API": iri, iri:KIND, string, lang, integer, year, date).
   */
  function term(param, value) {
    const type = String(param.type || "string");
    const v = String(value).trim();
    if (type.startsWith("iri")) {
      if (/^https?:\/\//.test(v)) return "<" + v + ">";
      const kind = type.includes(":") ? type.substring(type.indexOf(":") + 1) : "";
      return "<" + (skg.things || ID) + (kind && !v.includes("/") ? kind + "/" : "") + v + ">";
    }
    if (type === "integer" || type === "year") return /^-?\d+$/.test(v) ? v : stringLiteral(v);
    if (type === "date") return stringLiteral(v) + "^^<" + XSD + "date>";
    if (type === "lang") return stringLiteral(v.toLowerCase());
    return stringLiteral(v);
  }

  /**
   * The query text with its parameters bound to their example (else default) values by a VALUES block at the
   * start of the outermost WHERE group, where the engine's own bindings would be. Parameters with neither stay
   * unbound, as they do in the API.
   */
  function withExampleValues(q) {
    const params = (q.parameters || []).map((p) => ({ p, value: p.example ?? p.default }))
      .filter((b) => b.value !== undefined && b.value !== null && b.value !== "");
    if (!params.length) return q.sparql;
    const m = /^[^#\n]*?\bWHERE\s*\{/im.exec(q.sparql);
    if (!m) return q.sparql;
    const vars = params.map((b) => "?" + b.p.name).join(" ");
    const vals = params.map((b) => term(b.p, b.value)).join(" ");
    const values = "\n  # the example values of the parameters (/api/" + q.name + "?"
      + params.map((b) => b.p.name + "=" + b.value).join("&") + ")\n"
      + "  VALUES (" + vars + ") { (" + vals + ") }";
    const at = m.index + m[0].length;
    return q.sparql.substring(0, at) + values + q.sparql.substring(at);
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  /** One card: summary, description, tags, parameters (example, else default), Load and the API link. */
  function card(q, onLoad) {
    const li = el("li", "query-card");
    li.dataset.name = q.name;
    li.dataset.tags = (q.tags || []).join("|");
    li.appendChild(el("h3", null, q.summary || q.name));
    if (q.description) li.appendChild(el("p", "query-card-description", q.description));
    if ((q.tags || []).length) {
      const tags = el("ul", "query-card-tags");
      tags.setAttribute("aria-label", "Tags");
      for (const t of q.tags) tags.appendChild(el("li", "tag", t));
      li.appendChild(tags);
    }
    if ((q.parameters || []).length) {
      const dl = el("dl", "query-card-params");
      for (const p of q.parameters) {
        const value = p.example ?? p.default;
        dl.appendChild(el("dt", null, p.name + (p.required ? "" : " (optional)")));
        const dd = el("dd");
        dd.appendChild(el("code", null, value === undefined || value === null || value === "" ? "—" : String(value)));
        if (p.description) dd.appendChild(document.createTextNode(" " + p.description));
        dl.appendChild(dd);
      }
      li.appendChild(dl);
    }
    const actions = el("p", "query-card-actions");
    const load = el("button", null, "Load");
    load.type = "button";
    load.setAttribute("aria-label", "Load “" + (q.summary || q.name) + "” into the editor");
    load.addEventListener("click", () => onLoad(q));
    actions.appendChild(load);
    const api = el("a", null, "/api/" + q.name);
    api.href = window.skg.site(q.example || "/api/" + q.name);
    actions.appendChild(api);
    li.appendChild(actions);
    return li;
  }

  /** The tag buttons: All, then every tag of the queries; one pressed at a time. */
  function tagFilter(queries, list) {
    const tags = [...new Set(queries.flatMap((q) => q.tags || []))].sort();
    const group = document.getElementById("gallery-tags");
    group.textContent = "";
    const buttons = [];
    const choose = (tag) => {
      for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.tag === tag));
      for (const li of list.children) {
        li.hidden = tag !== "" && !li.dataset.tags.split("|").includes(tag);
      }
    };
    for (const tag of [""].concat(tags)) {
      const b = el("button", "tag", tag || "All");
      b.type = "button";
      b.dataset.tag = tag;
      b.setAttribute("aria-pressed", String(tag === ""));
      b.addEventListener("click", () => choose(tag));
      buttons.push(b);
      group.appendChild(b);
    }
  }

  async function loadGallery() {
    const box = document.getElementById("gallery");
    const list = document.getElementById("gallery-list");
    const count = document.getElementById("gallery-count");
    const description = document.getElementById("query-description");
    let queries;
    try {
      const resp = await fetch(window.skg.site("api?format=json"), { headers: { Accept: "application/json" } });
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      queries = (await resp.json()).queries || [];
    } catch (e) {
      count.textContent = "(could not be loaded)";
      return;
    }
    count.textContent = "(" + queries.length + ")";
    list.textContent = "";
    const onLoad = (q) => {
      skg.load(withExampleValues(q));
      description.textContent = "Loaded “" + (q.summary || q.name) + "”" + (q.parameters && q.parameters.length
        ? " with its example values" : "") + ". Run it with the ▶ button or Ctrl+Enter. The same question by URL: "
        + (q.example || "/api/" + q.name);
      document.getElementById("yasgui").scrollIntoView({ block: "start" });
    };
    for (const q of queries) list.appendChild(card(q, onLoad));
    tagFilter(queries, list);
    box.dataset.ready = "true";
  }

  skg.ready.push(loadGallery);
})();
