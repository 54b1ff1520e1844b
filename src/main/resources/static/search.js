// stalin-kg: the search box. Turns every <form data-search> holding an <input type="search"> into an ARIA
// combobox that suggests things from /search (the full-text index) as you type (from 2 characters, debounced); Enter or a click
// opens the thing's page. Without JavaScript the form is a plain GET of /api/search?text=...
"use strict";

(() => {
  const MIN_CHARS = 2;
  const DEBOUNCE_MS = 200;
  const MAX_SHOWN = 12;
  const LANGUAGES = { en: "English", ru: "Russian", uk: "Ukrainian", kk: "Kazakh", de: "German", fr: "French",
                      pl: "Polish", ka: "Georgian", be: "Belarusian" };
  let instances = 0;

  /** The page of a thing: https://w3id.org/stalin-kg/id/KIND/SLUG -> /doc/KIND/SLUG. */
  function docHref(iri) {
    const i = iri.indexOf("/id/");
    return i < 0 ? iri : window.skg.site("doc/" + iri.substring(i + 4));
  }

  /** "PoliticalGoal" from .../ontology#PoliticalGoal -> "political goal"; falls back to the KIND in the IRI. */
  function kindOf(type, iri) {
    if (type) {
      const local = type.substring(Math.max(type.lastIndexOf("#"), type.lastIndexOf("/")) + 1);
      if (local) return local.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    }
    const m = /\/id\/([^/]+)\//.exec(iri || "");
    return m ? m[1] : "";
  }

  function languageName(tag) {
    if (!tag) return "";
    return LANGUAGES[tag.toLowerCase()] || tag;
  }

  /** One suggestion per thing, the first (shortest) of its matching names. */
  function distinct(rows) {
    const seen = new Map();
    for (const r of rows) {
      if (!r || !r.thing || seen.has(r.thing)) continue;
      seen.set(r.thing, r);
    }
    return [...seen.values()];
  }

  function init(form) {
    const input = form.querySelector("input[type=search]");
    if (!input || input.dataset.searchReady) return;
    input.dataset.searchReady = "1";
    const n = ++instances;
    const listId = "search-list-" + n;
    const statusId = "search-status-" + n;

    const list = document.createElement("ul");
    list.id = listId;
    list.className = "search-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    form.appendChild(list);

    const status = document.createElement("p");
    status.id = statusId;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");

    let items = [];
    let active = -1;
    let timer = 0;
    let controller = null;
    let lastText = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(i) {
      const options = list.querySelectorAll("[role=option]");
      if (!options.length) return;
      active = (i + options.length) % options.length;
      options.forEach((o, k) => o.setAttribute("aria-selected", k === active ? "true" : "false"));
      const el = options[active];
      input.setAttribute("aria-activedescendant", el.id);
      el.scrollIntoView({ block: "nearest" });
    }

    function go(item) {
      if (item) window.location.href = docHref(item.thing);
    }

    function render(rows, text) {
      items = distinct(rows).slice(0, MAX_SHOWN);
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!items.length) {
        const li = document.createElement("li");
        li.className = "s-empty";
        li.textContent = "Nothing named like “" + text + "”.";
        list.appendChild(li);
        status.textContent = "No suggestions.";
      } else {
        items.forEach((item, i) => {
          const li = document.createElement("li");
          li.id = listId + "-" + i;
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", "false");
          const name = document.createElement("span");
          name.className = "s-name";
          name.textContent = item.name;
          if (item.language) name.lang = item.language;
          const meta = document.createElement("span");
          meta.className = "s-meta";
          meta.textContent = [kindOf(item.type, item.thing), languageName(item.language)].filter(Boolean).join(" · ");
          li.append(name, meta);
          // mousedown, not click: the input's blur would close the list before the click lands.
          li.addEventListener("mousedown", (e) => { e.preventDefault(); go(item); });
          list.appendChild(li);
        });
        status.textContent = items.length + (items.length === 1 ? " suggestion" : " suggestions")
          + ", up and down arrows to choose, Enter to open.";
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    async function fetchSuggestions(text) {
      if (controller) controller.abort();
      controller = new AbortController();
      const url = window.skg.site("search?text=" + encodeURIComponent(text));
      try {
        const resp = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!resp.ok) throw new Error("HTTP " + resp.status);
        const rows = await resp.json();
        if (input.value.trim() === text && document.activeElement === input) render(Array.isArray(rows) ? rows : [], text);
      } catch (e) {
        if (e.name !== "AbortError") {
          items = [];
          close();
          status.textContent = "Suggestions are unavailable; press Enter to search.";
        }
      }
    }

    input.addEventListener("input", () => {
      const text = input.value.trim();
      clearTimeout(timer);
      if (text.length < MIN_CHARS) {
        if (controller) controller.abort();
        items = [];
        lastText = text;
        close();
        return;
      }
      if (text === lastText && !list.hidden) return;
      lastText = text;
      timer = setTimeout(() => fetchSuggestions(text), DEBOUNCE_MS);
    });

    input.addEventListener("keydown", (e) => {
      const open = !list.hidden && items.length > 0;
      switch (e.key) {
        case "ArrowDown":
          if (open) { e.preventDefault(); setActive(active + 1); }
          else if (items.length) { e.preventDefault(); list.hidden = false; input.setAttribute("aria-expanded", "true"); setActive(0); }
          break;
        case "ArrowUp":
          if (open) { e.preventDefault(); setActive(active - 1); }
          break;
        case "Enter":
          // A chosen suggestion, else the first one; with none shown the form is submitted as usual.
          if (open) { e.preventDefault(); go(items[active >= 0 ? active : 0]); }
          break;
        case "Escape":
          if (!list.hidden) { e.preventDefault(); close(); }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", () => { close(); });
    input.addEventListener("focus", () => {
      if (items.length && input.value.trim().length >= MIN_CHARS) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    });
  }

  function initAll() {
    document.querySelectorAll("form[data-search]").forEach(init);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
})();
