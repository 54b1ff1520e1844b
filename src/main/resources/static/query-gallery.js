// stalin-kg: the query editor's example questions, the canned queries of /api (its JSON listing) with their
// example values filled in; choosing one loads it into the editor.
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
      return "<" + ID + (kind && !v.includes("/") ? kind + "/" : "") + v + ">";
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

  async function loadExamples(yasgui) {
    const select = document.getElementById("examples");
    const description = document.getElementById("query-description");
    let queries;
    try {
      const resp = await fetch("/api?format=json", { headers: { Accept: "application/json" } });
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      queries = (await resp.json()).queries || [];
    } catch (e) {
      select.options[0].textContent = "The example questions could not be loaded";
      return;
    }
    select.textContent = "";
    const first = document.createElement("option");
    first.value = "";
    first.textContent = "Choose a question to load it into the editor…";
    select.appendChild(first);
    queries.forEach((q, i) => {
      const o = document.createElement("option");
      o.value = String(i);
      o.textContent = q.summary || q.name;
      select.appendChild(o);
    });
    select.disabled = false;
    select.addEventListener("change", () => {
      const q = queries[Number(select.value)];
      if (select.value === "" || !q) {
        description.textContent = "";
        return;
      }
      skg.load(withExampleValues(q));
      description.textContent = "Loaded “" + q.name + "”" + (q.parameters && q.parameters.length
        ? " with its example values" : "") + ". Run it with the ▶ button or Ctrl+Enter. The same question by URL: "
        + (q.example || "/api/" + q.name);
    });
  }

  skg.ready.push(loadExamples);
})();
