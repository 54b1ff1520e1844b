// stalin-kg: the query editor. YASGUI bound to this server's /sparql, with every feature that would call an
// outside service turned off (prefix.cc and LOV autocompletion, the endpoint catalogue, the CORS probe), and a
// select box of example questions, the canned queries of /api with their example values filled in.
"use strict";

(() => {
  const ENDPOINT = "/sparql";
  const ID = "https://w3id.org/stalin-kg/id/";
  const XSD = "http://www.w3.org/2001/XMLSchema#";

  const STARTER = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skg:  <https://w3id.org/stalin-kg/ontology#>
PREFIX goal: <https://w3id.org/stalin-kg/id/goal/>

# Which policies served industrialization?
SELECT ?policy ?label WHERE {
  ?policy skg:servesGoal goal:industrialization ;
          rdfs:label ?label .
  FILTER(LANG(?label) = "en")
}
ORDER BY ?label
`;

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

  function configureYasgui() {
    const Yasgui = window.Yasgui;
    // Autocompleters are registered globally; keep only the one that works on the query text itself.
    // "prefixes" fetches prefix.cc, "property" and "class" query LOV.
    Yasgui.Yasqe.defaults.autocompleters = ["variables"];
    Yasgui.Yasqe.defaults.prefixCcApi = "";
    Yasgui.defaults.endpointCatalogueOptions.getData = () => [];
    return new Yasgui(document.getElementById("yasgui"), {
      requestConfig: { endpoint: ENDPOINT, method: "POST" },
      copyEndpointOnNewTab: false,
      corsProxy: undefined,
      autofocus: false,
      persistenceId: "stalin-kg-query",
      tabName: "Query",
      // A shared link may carry any endpoint; this editor only ever asks ours.
      populateFromUrl: (conf) => {
        conf.requestConfig = Object.assign({}, conf.requestConfig, { endpoint: ENDPOINT });
        return conf;
      },
      endpointCatalogueOptions: { getData: () => [] },
      yasqe: { value: STARTER, autocompleters: ["variables"], prefixCcApi: "", resizeable: true,
               editorHeight: "320px",
               // Tab indents in the editor; Esc leaves it, so that the next Tab moves on (no keyboard trap).
               extraKeys: { Esc: (cm) => cm.getInputField().blur() } },
      yasr: { prefixes: {} },
    });
  }

  /** Every tab asks /sparql, whatever an earlier visit left in local storage. */
  function pinEndpoint(yasgui) {
    for (const id of Object.keys(yasgui._tabs || {})) {
      const tab = yasgui.getTab(id);
      if (tab && tab.getEndpoint() !== ENDPOINT) tab.setEndpoint(ENDPOINT);
    }
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
      let tab = yasgui.getTab();
      if (!tab) tab = yasgui.addTab(true);
      tab.setEndpoint(ENDPOINT);
      const text = withExampleValues(q);
      tab.setQuery(text);
      const yasqe = tab.getYasqe();
      if (yasqe && yasqe.getValue() !== text) yasqe.setValue(text);
      description.textContent = "Loaded “" + q.name + "”" + (q.parameters && q.parameters.length
        ? " with its example values" : "") + ". Run it with the ▶ button or Ctrl+Enter. The same question by URL: "
        + (q.example || "/api/" + q.name);
    });
  }

  function start() {
    if (!window.Yasgui) {
      document.getElementById("yasgui").textContent = "The query editor could not be loaded.";
      return;
    }
    const yasgui = configureYasgui();
    pinEndpoint(yasgui);
    yasgui.on("tabAdd", () => pinEndpoint(yasgui));
    window.stalinKgYasgui = yasgui;
    loadExamples(yasgui);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
