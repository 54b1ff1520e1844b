// stalin-kg: the query editor. YASGUI bound to this server's /sparql, with every feature that would call an
// outside service turned off (prefix.cc and LOV autocompletion, the endpoint catalogue, the CORS probe), and in their
// place what this server knows: its prefixes (/query/prefixes.json), added to the query as they are typed (YASQE's
// auto-add) or, for a query pasted or loaded whole, before it runs. /sparql itself knows no prefix: every query it
// gets declares its own. A query given in the address (/query?query=TEXT or /query#query=TEXT) opens and runs, as
// Wikidata Query Service links do; "Copy link" makes such a link. The other parts (the gallery, the results' links
// and names, completion of names, the views) are the query-*.js scripts; they meet in window.skgQuery.
"use strict";

(() => {
  // Absolute: YASGUI reads the endpoint with new URL(), which a bare path would make throw.
  const ENDPOINT = new URL(window.skg.site("sparql"), location.href).href;
  const skg = (window.skgQuery = window.skgQuery || { ready: [] });

  const STARTER = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skg:  <https://w3id.org/stalin-kg/ontology#>
PREFIX goal: <https://w3id.org/stalin-kg/id/goal/>

# Which policies served industrialization? Prefixes this editor knows (skg:, policy:, goal:, rdfs:, …)
# get their PREFIX line as you type them. Run with the ▶ button or Ctrl+Enter.
SELECT ?policy ?label WHERE {
  ?policy skg:servesGoal goal:industrialization ;
          rdfs:label ?label .
  FILTER(LANG(?label) = "en")
}
ORDER BY ?label
`;

  /** The prefixes this server knows, as {prefix: namespace}, in the order of its list. */
  function prefixMap(config) {
    const m = {};
    for (const p of config.prefixes || []) m[p.prefix] = p.namespace;
    return m;
  }

  /** The prefixes a query uses (prefixed names, by the editor's own tokenizer) that it does not declare. */
  function undeclaredPrefixes(yasqe) {
    const declared = yasqe.getPrefixesFromQuery() || {};
    const used = new Set();
    const doc = yasqe.getDoc();
    for (let line = 0; line <= doc.lastLine(); line++) {
      for (const t of yasqe.getLineTokens(line, true)) {
        if (t.type !== "string-2") continue;
        const colon = t.string.indexOf(":");
        if (colon < 0) continue;
        const prefix = t.string.substring(0, colon);
        if (!(prefix in declared)) used.add(prefix);
      }
    }
    return [...used];
  }

  /** Adds the PREFIX line of every known prefix the query uses but does not declare; true if it added any. */
  function addKnownPrefixes(yasqe) {
    if (!yasqe || !skg.prefixes) return false;
    const add = {};
    for (const p of undeclaredPrefixes(yasqe)) if (skg.prefixes[p]) add[p] = skg.prefixes[p];
    if (!Object.keys(add).length) return false;
    yasqe.addPrefixes(add);
    return true;
  }

  /**
   * YASQE's prefix autocompleter, fed from this server's list instead of prefix.cc: it completes "PREFIX sk" and,
   * when a prefixed name is typed whose prefix the query lacks, adds that prefix's PREFIX line.
   */
  function registerPrefixCompleter(Yasqe, config) {
    Yasqe.forkAutocompleter("prefixes", {
      name: "skgPrefixes",
      get: (config.prefixes || []).map((p) => p.prefix + ": <" + p.namespace + ">"),
      persistenceId: null,
    }, false);
  }

  /**
   * The problem this server answered a failed query with (RFC 9457 JSON: title, detail with the parser's line and
   * column, or the time limit), kept for the error view: YASQE passes on only "[object Object]".
   */
  function keepProblems() {
    const fetch0 = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const resp = await fetch0(input, init);
      const url = typeof input === "string" ? input : input && input.url;
      const ours = url && new URL(url, location.href).href === ENDPOINT;
      if (ours && resp.ok) skg.lastCapped = resp.headers.get("X-Result-Capped");
      if (ours && !resp.ok) {
        const text = await resp.clone().text();
        try { skg.lastProblem = JSON.parse(text); } catch (e) { skg.lastProblem = { status: resp.status, detail: text }; }
      }
      return resp;
    };
  }

  /** The error view: the server's title and detail (the parser's message with its line and column), as text. */
  async function renderProblem() {
    const p = skg.lastProblem;
    if (!p) return undefined;
    const div = document.createElement("div");
    div.className = "skg-problem";
    const title = document.createElement("p");
    title.className = "skg-problem-title";
    title.textContent = (p.title || "Error") + (p.status ? " (" + p.status + ")" : "");
    const detail = document.createElement("pre");
    detail.textContent = p.detail || "";
    div.append(title, detail);
    return div;
  }

  function configureYasgui(config) {
    const Yasgui = window.Yasgui;
    registerPrefixCompleter(Yasgui.Yasqe, config);
    (skg.completers || []).forEach((register) => register(Yasgui.Yasqe, config));
    if (skg.views) skg.views.register(Yasgui.Yasr);
    Yasgui.Yasr.defaults.errorRenderers = [renderProblem].concat(Yasgui.Yasr.defaults.errorRenderers || []);
    // Autocompleters are registered globally; keep only those that ask nothing of the outside world.
    const completers = ["variables", "skgPrefixes"].concat(skg.completerNames || []);
    Yasgui.Yasqe.defaults.autocompleters = completers.slice();
    Yasgui.Yasqe.defaults.prefixCcApi = "";
    Yasgui.defaults.endpointCatalogueOptions.getData = () => [];
    return new Yasgui(document.getElementById("yasgui"), {
      // A function, so that no earlier visit's stored setting overrides it: N-Triples, which the graph view reads
      // (YASR itself parses only SPARQL results).
      requestConfig: { endpoint: ENDPOINT, method: "POST", acceptHeaderGraph: () => "application/n-triples" },
      copyEndpointOnNewTab: false,
      corsProxy: undefined,
      autofocus: false,
      persistenceId: "stalin-kg-query",
      tabName: "Query",
      // A query in the address is opened by openFromAddress below, which adds the known prefixes before it runs
      // (YASGUI's own reading of the address would run it while it is still being built, before them).
      populateFromUrl: false,
      endpointCatalogueOptions: { getData: () => [] },
      yasqe: { value: STARTER, autocompleters: completers, prefixCcApi: "", resizeable: true,
               editorHeight: "320px",
               // Tab indents in the editor; Esc leaves it, so that the next Tab moves on (no keyboard trap).
               extraKeys: { Esc: (cm) => cm.getInputField().blur() } },
      yasr: { prefixes: prefixMap(config), pluginOrder: skg.views ? skg.views.order : ["table", "response"] },
    });
  }

  /** Every tab asks /sparql, whatever an earlier visit left in local storage. */
  function pinEndpoint(yasgui) {
    for (const id of Object.keys(yasgui._tabs || {})) {
      const tab = yasgui.getTab(id);
      if (tab && tab.getEndpoint() !== ENDPOINT) tab.setEndpoint(ENDPOINT);
    }
  }

  /** Known prefixes for every editor: before each query runs, and when a query is pasted or loaded whole. */
  function watchPrefixes(yasgui) {
    // A result cut at the server's row cap says so (the server's X-Result-Capped header).
    yasgui.on("queryResponse", () => {
      const status = document.getElementById("results-status");
      if (status) {
        status.textContent = skg.lastCapped ? "This result was cut off at the server's row cap ("
          + skg.lastCapped + "): add a LIMIT, or narrow the query, to see all you want." : "";
      }
    });
    yasgui.on("queryBefore", (_y, tab) => {
      skg.lastProblem = null;
      skg.lastCapped = null;
      addKnownPrefixes(tab.getYasqe());
    });
    const watched = new WeakSet();
    const watch = () => {
      const tab = yasgui.getTab();
      const yasqe = tab && tab.getYasqe();
      if (!yasqe || watched.has(yasqe)) return;
      watched.add(yasqe);
      yasqe.on("change", (_cm, change) => {
        if (change && (change.origin === "paste" || change.origin === "setValue")) {
          setTimeout(() => addKnownPrefixes(yasqe), 0);
        }
      });
    };
    watch();
    yasgui.on("tabSelect", () => setTimeout(watch, 0));
    yasgui.on("tabAdd", () => setTimeout(watch, 0));
  }

  /** The active tab, made if there is none, asking /sparql. */
  function activeTab(yasgui) {
    let tab = yasgui.getTab();
    if (!tab) tab = yasgui.addTab(true);
    tab.setEndpoint(ENDPOINT);
    return tab;
  }

  /** Puts {@code text} in the editor of the active tab, with the known prefixes it uses. */
  function load(yasgui, text) {
    const tab = activeTab(yasgui);
    tab.setQuery(text);
    const yasqe = tab.getYasqe();
    if (yasqe && yasqe.getValue() !== text) yasqe.setValue(text);
    if (yasqe) addKnownPrefixes(yasqe);
    return tab;
  }

  /** A link that opens the editor with the query and runs it (in the fragment, so no length limit applies). */
  function shareLink(query) {
    return location.origin + location.pathname + "#query=" + encodeURIComponent(query);
  }

  function setUpShare(yasgui) {
    const button = document.getElementById("copy-link");
    const field = document.getElementById("share-link");
    const status = document.getElementById("share-status");
    if (!button || !field) return;
    button.disabled = false;
    button.addEventListener("click", async () => {
      const tab = yasgui.getTab();
      const link = shareLink(tab ? tab.getQuery() : "");
      field.value = link;
      field.hidden = false;
      field.select();
      try {
        await navigator.clipboard.writeText(link);
        status.textContent = "Link copied: it opens this editor with the query and runs it.";
      } catch (e) {
        status.textContent = "Copy the selected link: it opens this editor with the query and runs it.";
      }
    });
  }

  /** The query of /query?query=TEXT or /query#query=TEXT, or null. */
  function queryInAddress() {
    const hash = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (hash.get("query")) return hash.get("query");
    const search = new URLSearchParams(location.search);
    return search.get("query") || null;
  }

  /** Opens the query of the address, in a tab of its own (the same tab again if it is already open), and runs it. */
  function openFromAddress(yasgui) {
    const text = queryInAddress();
    if (!text) return;
    let tab = Object.values(yasgui._tabs || {}).find((t) => String(t.getPersistedJson().yasqe.value || "").endsWith(text));
    if (tab) yasgui.selectTabId(tab.getId());
    else tab = yasgui.addTab(true, { name: "Shared query" });
    tab = yasgui.getTab();
    load(yasgui, text);
    tab.query().catch(() => {});
  }

  async function fetchConfig() {
    try {
      const resp = await fetch(window.skg.site("query/prefixes.json"), { headers: { Accept: "application/json" } });
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      return await resp.json();
    } catch (e) {
      document.getElementById("query-description").textContent =
        "The prefixes of this server could not be loaded: declare every prefix with PREFIX.";
      return { prefixes: [] };
    }
  }

  async function start() {
    if (!window.Yasgui) {
      document.getElementById("yasgui").textContent = "The query editor could not be loaded.";
      return;
    }
    keepProblems();
    const config = await fetchConfig();
    skg.config = config;
    skg.prefixes = prefixMap(config);
    skg.things = config.things;
    skg.vocabulary = config.vocabulary;
    const yasgui = configureYasgui(config);
    pinEndpoint(yasgui);
    yasgui.on("tabAdd", () => pinEndpoint(yasgui));
    watchPrefixes(yasgui);
    setUpShare(yasgui);
    skg.yasgui = yasgui;
    skg.load = (text) => load(yasgui, text);
    skg.addKnownPrefixes = addKnownPrefixes;
    window.stalinKgYasgui = yasgui;
    for (const f of skg.ready) f(yasgui);
    openFromAddress(yasgui);
    document.getElementById("yasgui").dataset.ready = "true";
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
