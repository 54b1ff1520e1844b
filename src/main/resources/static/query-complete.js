// stalin-kg: completion of names in the query editor, from this server only. After a vocabulary's prefix (skg:,
// rdfs:, skos:, …) the classes and properties of the ontology (/query/terms.json), matched by name or by label, with
// their labels and definitions as hints: classes after "a", properties where a predicate goes. After a kind's prefix
// (policy:, person:, region:, …) the things of that kind by name, in any language of the graph (/search, the label
// index). Completions show as you type and on Ctrl+Space.
"use strict";

(() => {
  const skg = (window.skgQuery = window.skgQuery || { ready: [] });
  const LIMIT = 60;
  const PN_LOCAL = /^[A-Za-z0-9_\u00C0-\uFFFF]([A-Za-z0-9_.\-\u00C0-\uFFFF]*[A-Za-z0-9_\-\u00C0-\uFFFF])?$/;
  const searches = new Map(); // text -> Promise of rows
  let terms = null; // Promise of [{iri, kind, labels, definition}]
  const byIri = new Map();

  function loadTerms() {
    if (!terms) {
      terms = fetch(window.skg.site("query/terms.json"), { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : { terms: [] }))
        .then((j) => {
          for (const t of j.terms || []) byIri.set(t.iri, t);
          return j.terms || [];
        })
        .catch(() => []);
    }
    return terms;
  }

  /** The token under the cursor, as prefix, namespace, local part and IRI; null when it is no IRI. */
  function expand(yasqe, token) {
    const s = (token.string || "").trim();
    if (!s || s[0] === "?" || s[0] === "$" || s[0] === '"' || s[0] === "'") return null;
    if (s[0] === "<") {
      const iri = s.substring(1).replace(/>$/, "");
      return { prefix: null, ns: "", local: iri, iri };
    }
    const colon = s.indexOf(":");
    if (colon < 0) return null;
    const prefix = s.substring(0, colon);
    const ns = (yasqe.getPrefixesFromQuery() || {})[prefix] || (skg.prefixes || {})[prefix];
    if (!ns) return null;
    const local = s.substring(colon + 1);
    return { prefix, ns, local, iri: ns + local };
  }

  function isThing(e) {
    return !!(e && skg.things && e.iri.startsWith(skg.things) && e.ns.startsWith(skg.things) && e.prefix);
  }

  /** An IRI written as the token was: prefixed where it can be, else in angle brackets. */
  function written(token, iri) {
    const e = token.skg;
    if (e && e.prefix && iri.startsWith(e.ns) && PN_LOCAL.test(iri.substring(e.ns.length))) {
      return e.prefix + ":" + iri.substring(e.ns.length);
    }
    return "<" + iri + ">";
  }

  function languages() {
    const l = (navigator.languages || [navigator.language]).map((x) => String(x).toLowerCase().split("-")[0]);
    return [...new Set(l.concat(["en"]))];
  }

  function label(term) {
    const labels = term.labels || {};
    for (const l of languages()) if (labels[l]) return labels[l];
    return Object.values(labels)[0] || "";
  }

  /** A hint drawn as the name it completes, its label and, for a term, its definition (also its tooltip). */
  function render(el, _data, hint) {
    el.appendChild(document.createTextNode(hint.text));
    if (hint.skgLabel) {
      const l = document.createElement("span");
      l.className = "skg-hint-label";
      l.textContent = " " + hint.skgLabel;
      el.appendChild(l);
    }
    if (hint.skgNote) {
      const n = document.createElement("span");
      n.className = "skg-hint-note";
      n.textContent = " " + hint.skgNote;
      el.appendChild(n);
      el.title = hint.skgNote;
    }
  }

  function decorate(hints, describe) {
    for (const h of hints) {
      Object.assign(h, describe(h));
      h.render = render;
    }
    return hints;
  }

  /** Classes and properties: their IRI starts with what is typed, or a word of a label does. */
  const termCompleter = {
    name: "skgTerms",
    bulk: false,
    autoShow: true,
    persistenceId: null,
    isValidCompletionPosition(yasqe) {
      const token = yasqe.getCompleteToken();
      const e = expand(yasqe, token);
      return !!(e && e.prefix && !isThing(e) && (skg.termNamespaces || new Set()).has(e.ns));
    },
    preProcessToken(yasqe, token) {
      token.skg = expand(yasqe, token);
      const cur = yasqe.getDoc().getCursor();
      const previous = yasqe.getPreviousNonWsToken(cur.line, token);
      const last = previous && previous.state ? previous.state.lastProperty : "";
      token.skgWants = last === "a" || last === "rdf:type" || last === "rdfs:domain" || last === "rdfs:range"
        ? "class" : (token.state && token.state.possibleCurrent && token.state.possibleCurrent.indexOf("a") >= 0
          ? "property" : "");
      return token;
    },
    async get(_yasqe, token) {
      const e = token && token.skg;
      if (!e) return [];
      const all = await loadTerms();
      const local = e.local.toLowerCase();
      const matches = all.filter((t) => t.iri.startsWith(e.ns) && (!token.skgWants || t.kind === token.skgWants))
        .map((t) => {
          const name = t.iri.substring(e.ns.length).toLowerCase();
          const words = Object.values(t.labels || {}).join(" ").toLowerCase().split(/[\s\-()]+/);
          const rank = name.startsWith(local) ? 0 : (words.some((w) => w.startsWith(local)) ? 1
            : (name.includes(local) ? 2 : -1));
          return { t, rank };
        })
        .filter((m) => m.rank >= 0)
        .sort((a, b) => a.rank - b.rank || a.t.iri.localeCompare(b.t.iri));
      return matches.slice(0, LIMIT).map((m) => m.t.iri);
    },
    postProcessSuggestion(_yasqe, token, iri) {
      return written(token, iri);
    },
    postprocessHints(yasqe, hints) {
      return decorate(hints, (h) => {
        const e = expand(yasqe, { string: h.text });
        const t = e && byIri.get(e.iri);
        return t ? { skgLabel: label(t), skgNote: t.definition || "", className: "skg-hint skg-hint-" + t.kind } : {};
      });
    },
  };

  /** Things of a kind by name, from the label index, after the kind's prefix. */
  const thingCompleter = {
    name: "skgThings",
    bulk: false,
    autoShow: true,
    persistenceId: null,
    isValidCompletionPosition(yasqe) {
      return isThing(expand(yasqe, yasqe.getCompleteToken()));
    },
    preProcessToken(yasqe, token) {
      token.skg = expand(yasqe, token);
      return token;
    },
    async get(_yasqe, token) {
      const e = token && token.skg;
      if (!e) return [];
      const text = decodeURIComponent(e.local.replace(/%(?![0-9a-fA-F]{2})/g, "%25")).replace(/[-_]+/g, " ").trim();
      if (text.length < 2) return [];
      if (!searches.has(text)) {
        searches.set(text, fetch(window.skg.site("search?text=" + encodeURIComponent(text)), { headers: { Accept: "application/json" } })
          .then((r) => (r.ok ? r.json() : []))
          .catch(() => []));
      }
      const rows = await searches.get(text);
      const seen = new Map();
      for (const row of rows) {
        if (row.thing && row.thing.startsWith(e.ns) && !seen.has(row.thing)) seen.set(row.thing, row);
      }
      token.skgRows = seen;
      return [...seen.keys()].slice(0, LIMIT);
    },
    postProcessSuggestion(_yasqe, token, iri) {
      return written(token, iri);
    },
    postprocessHints(yasqe, hints) {
      return decorate(hints, (h) => {
        const e = expand(yasqe, { string: h.text });
        const text = e ? e.iri : h.text.replace(/^<|>$/g, "");
        const row = lastRows.get(text);
        return row ? { skgLabel: row.name + (row.language ? " (" + row.language + ")" : ""),
                       skgNote: row.type ? String(row.type).replace(/^.*[#/]/, "") : "",
                       className: "skg-hint skg-hint-thing" } : {};
      });
    },
  };

  // The rows of the latest search, to name the hints drawn from it (postprocessHints sees no token).
  let lastRows = new Map();
  const get = thingCompleter.get;
  thingCompleter.get = async (yasqe, token) => {
    const iris = await get(yasqe, token);
    lastRows = token.skgRows || new Map();
    return iris;
  };

  function register(Yasqe, config) {
    const namespaces = new Set();
    loadTerms().then((all) => {
      for (const p of config.prefixes || []) {
        if (all.some((t) => t.iri.startsWith(p.namespace))) namespaces.add(p.namespace);
      }
    });
    skg.termNamespaces = namespaces;
    Yasqe.registerAutocompleter(termCompleter, false);
    Yasqe.registerAutocompleter(thingCompleter, false);
  }

  skg.completers = (skg.completers || []).concat([register]);
  skg.completerNames = (skg.completerNames || []).concat(["skgTerms", "skgThings"]);
  loadTerms();
})();
