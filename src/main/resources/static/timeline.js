// stalin-kg: the timeline page. Draws /api/chronology as one lane per kind (policies, outcomes, events), each
// lane packed into rows so that no two entries overlap, on a year axis; checkboxes filter the kinds, the year
// selects and the zoom buttons choose the range. Plain HTML and CSS: every entry is a link to the thing's page.
"use strict";

(() => {
  const KINDS = [
    { kind: "policy", title: "Policies" },
    { kind: "outcome", title: "Outcomes" },
    { kind: "event", title: "Events" },
  ];
  const GAP_PX = 10;        // the least room between two entries in a row
  const ROW_EM = 2.25;      // the height of a row: the bar and its label under it
  const MIN_SPAN = 3;       // the narrowest zoom, in years
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  const root = document.getElementById("timeline");
  if (!root) return;
  const FIRST = Number(root.dataset.from) || 1922;
  const LAST = Number(root.dataset.to) || 1953;
  const state = { from: FIRST, to: LAST, shown: new Set(KINDS.map((k) => k.kind)), items: [] };
  let ui = null;

  /** [year, month, day] of an xsd:date, xsd:gYear or xsd:dateTime lexical form; null if none. */
  function parseDate(s) {
    const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(s || ""));
    return m ? [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null] : null;
  }

  /** A date as a fractional year: the start of the day (or of the month or year given), or its end. */
  function toYear(d, atEnd) {
    const [y, mo, da] = d;
    if (mo === null) return atEnd ? y + 1 : y;
    const startOfYear = Date.UTC(y, 0, 1);
    const length = Date.UTC(y + 1, 0, 1) - startOfYear;
    const t = da === null ? Date.UTC(y, atEnd ? mo : mo - 1, 1) : Date.UTC(y, mo - 1, da + (atEnd ? 1 : 0));
    return y + (t - startOfYear) / length;
  }

  function formatDate(d) {
    if (!d) return "";
    const [y, mo, da] = d;
    if (mo === null) return String(y);
    return (da === null ? "" : da + " ") + MONTHS[mo - 1] + " " + y;
  }

  function docHref(iri) {
    const i = String(iri).indexOf("/id/");
    return i < 0 ? iri : window.skg.site("doc/" + iri.substring(i + 4));
  }

  function prepare(rows) {
    const items = [];
    for (const r of rows) {
      if (!r || !r.thing || !KINDS.some((k) => k.kind === r.kind)) continue;
      const sd = parseDate(r.start) || (r.startYear != null ? [Number(r.startYear), null, null] : null);
      if (!sd) continue;
      const ed = parseDate(r.end) || (r.endYear != null ? [Number(r.endYear), null, null] : null);
      const start = toYear(sd, false);
      const point = r.kind === "event" && (!ed || (ed[0] === sd[0] && ed[1] === sd[1] && ed[2] === sd[2]));
      // A period with no recorded end runs on to the end of the range (as /api/chronology says).
      const end = point ? start : ed ? toYear(ed, true) : Infinity;
      const when = point ? formatDate(sd)
        : formatDate(sd) + " – " + (ed ? formatDate(ed) : "no recorded end");
      items.push({ thing: r.thing, kind: r.kind, label: r.label || r.thing, start, end, point, open: !ed && !point,
                   when, href: docHref(r.thing) });
    }
    items.sort((a, b) => a.start - b.start || (b.end - a.end) || a.label.localeCompare(b.label));
    return items;
  }

  const el = window.skg.el;

  function yearOptions(select, value) {
    select.textContent = "";
    for (let y = FIRST; y <= LAST; y++) {
      const o = el("option", { value: String(y), text: String(y) });
      if (y === value) o.selected = true;
      select.appendChild(o);
    }
  }

  function buildUi() {
    root.textContent = "";
    const kinds = el("fieldset", {}, el("legend", { text: "Show" }));
    const checks = {};
    for (const { kind, title } of KINDS) {
      const n = state.items.filter((i) => i.kind === kind).length;
      const box = el("input", { type: "checkbox", id: "tl-show-" + kind, value: kind });
      box.checked = state.shown.has(kind);
      box.addEventListener("change", () => {
        if (box.checked) state.shown.add(kind); else state.shown.delete(kind);
        draw();
      });
      checks[kind] = box;
      kinds.appendChild(el("label", { for: "tl-show-" + kind }, box, " ",
        el("span", { class: "kind-swatch kind-" + kind, "aria-hidden": "true" }), title + " (" + n + ")"));
    }
    const from = el("select", { id: "tl-from" });
    const to = el("select", { id: "tl-to" });
    yearOptions(from, state.from);
    yearOptions(to, state.to);
    from.addEventListener("change", () => setRange(Number(from.value), Math.max(Number(from.value), state.to)));
    to.addEventListener("change", () => setRange(Math.min(state.from, Number(to.value)), Number(to.value)));
    const zoomIn = el("button", { type: "button", text: "Zoom in" });
    const zoomOut = el("button", { type: "button", text: "Zoom out" });
    const reset = el("button", { type: "button", text: "All years" });
    zoomIn.addEventListener("click", () => zoom(0.5));
    zoomOut.addEventListener("click", () => zoom(2));
    reset.addEventListener("click", () => setRange(FIRST, LAST));
    const years = el("fieldset", {}, el("legend", { text: "Years" }),
      el("label", { for: "tl-from" }, "From ", from), el("label", { for: "tl-to" }, "to ", to),
      zoomIn, zoomOut, reset);
    const status = el("p", { class: "tl-status", role: "status", "aria-live": "polite" });
    const axis = el("div", { class: "tl-axis", "aria-hidden": "true" });
    const lanes = {};
    const body = el("div", { class: "tl-body" });
    for (const { kind, title } of KINDS) {
      const heading = el("h2", { id: "tl-lane-" + kind },
        el("span", { class: "kind-swatch kind-" + kind, "aria-hidden": "true" }), title);
      const track = el("div", { class: "tl-track" });
      const empty = el("p", { class: "tl-empty", text: "None in these years." });
      const section = el("section", { class: "tl-lane", "aria-labelledby": "tl-lane-" + kind }, heading, track, empty);
      lanes[kind] = { section, track, empty };
      body.appendChild(section);
    }
    root.append(el("div", { class: "tl-controls" }, kinds, years), status, axis, body);
    ui = { checks, from, to, zoomIn, zoomOut, reset, status, axis, lanes, body };
  }

  function setRange(from, to) {
    state.from = Math.max(FIRST, Math.min(from, LAST));
    state.to = Math.min(LAST, Math.max(to, state.from));
    draw();
  }

  function zoom(factor) {
    const span = state.to - state.from + 1;
    const centre = (state.from + state.to + 1) / 2;
    let next = Math.round(span * factor);
    next = Math.max(MIN_SPAN, Math.min(next, LAST - FIRST + 1));
    let from = Math.round(centre - next / 2);
    from = Math.max(FIRST, Math.min(from, LAST - next + 1));
    setRange(from, from + next - 1);
  }

  function tickStep(pxPerYear) {
    if (pxPerYear >= 44) return 1;
    if (pxPerYear >= 24) return 2;
    if (pxPerYear >= 9) return 5;
    return 10;
  }

  function draw() {
    if (!ui) return;
    ui.from.value = String(state.from);
    ui.to.value = String(state.to);
    ui.zoomIn.disabled = state.to - state.from + 1 <= MIN_SPAN;
    const all = state.from === FIRST && state.to === LAST;
    ui.zoomOut.disabled = all;
    ui.reset.disabled = all;

    const t0 = state.from;
    const t1 = state.to + 1;
    const width = ui.body.clientWidth || root.clientWidth || 300;
    const scale = width / (t1 - t0);
    const rowPx = ROW_EM * parseFloat(getComputedStyle(root).fontSize || "16");

    // The axis, and the same years as faint lines behind the lanes.
    ui.axis.textContent = "";
    const step = tickStep(scale);
    const lines = [];
    const labelRoom = 2.6 * parseFloat(getComputedStyle(ui.axis).fontSize || "12");   // the width of "1953" and a gap
    for (let y = t0; y <= state.to; y++) {
      if ((y % step) !== 0 && y !== t0) continue;
      const x = (y - t0) * scale;
      const label = el("span", { text: String(y) });
      if (y === t0) label.className = "first";                // left-aligned, so it is not cut off
      else if (x < labelRoom * 1.2) continue;                 // too close to the first year's label
      if (x + labelRoom / 2 > width) label.className = "last";
      ui.axis.appendChild(el("div", { class: "tl-tick", style: "left:" + x.toFixed(1) + "px" }, label));
      lines.push(x);
    }
    const grid = lines.map((x) => "linear-gradient(#e6e6e6, #e6e6e6) " + x.toFixed(1) + "px 0 / 1px 100% no-repeat")
      .join(", ");

    let shown = 0;
    for (const { kind } of KINDS) {
      const lane = ui.lanes[kind];
      lane.section.hidden = !state.shown.has(kind);
      lane.track.textContent = "";
      lane.track.style.background = grid || "none";
      if (lane.section.hidden) continue;
      const items = state.items.filter((i) => i.kind === kind && i.start < t1 && (i.point ? i.start >= t0 : i.end > t0));
      lane.empty.hidden = items.length > 0;
      lane.track.hidden = items.length === 0;
      if (!items.length) continue;
      shown += items.length;

      // First put every entry in the track, so that the labels can be measured; then pack them into rows.
      const placed = items.map((item) => {
        const x0 = (Math.max(item.start, t0) - t0) * scale;
        const x1 = item.point ? x0 : (Math.min(item.end, t1) - t0) * scale;
        const barWidth = item.point ? 0 : Math.max(x1 - x0, 4);
        const classes = ["tl-item", "kind-" + kind];
        if (item.point) classes.push("tl-point");
        if (item.open && item.end >= t1) classes.push("open-end");
        if (item.start < t0) classes.push("clip-start");
        const label = el("span", { class: "tl-label", text: item.label });
        const a = el("a", {
          class: classes.join(" "), href: item.href,
          "aria-label": item.label + ", " + kind + ", " + item.when, title: item.label + " (" + item.when + ")",
          style: "left:" + x0.toFixed(1) + "px;width:" + barWidth.toFixed(1) + "px",
        }, el("span", { class: "tl-bar", "aria-hidden": "true" }), label);
        lane.track.appendChild(a);
        return { a, label, x0, barWidth };
      });
      const rowsEnd = [];
      for (const p of placed) {
        p.label.style.maxWidth = width + "px";
        const lw = Math.min(p.label.offsetWidth, width);
        // The label starts under the start of the bar, moved left if it would run past the right edge.
        const labelLeft = Math.max(0, Math.min(p.x0, width - lw));
        p.label.style.left = (labelLeft - p.x0).toFixed(1) + "px";
        if (lw >= width) { p.label.style.overflow = "hidden"; p.label.style.textOverflow = "ellipsis"; }
        const from = Math.min(p.x0 - (p.barWidth ? 0 : 7), labelLeft);
        const to = Math.max(p.x0 + p.barWidth, labelLeft + lw) + GAP_PX;
        let row = rowsEnd.findIndex((end) => end <= from);
        if (row < 0) { row = rowsEnd.length; rowsEnd.push(to); } else rowsEnd[row] = to;
        p.a.style.top = (row * rowPx + 4).toFixed(1) + "px";
      }
      lane.track.style.height = (rowsEnd.length * rowPx + 6).toFixed(0) + "px";
    }
    const kindsShown = KINDS.filter((k) => state.shown.has(k.kind)).map((k) => k.title.toLowerCase());
    ui.status.textContent = kindsShown.length
      ? shown + " " + (shown === 1 ? "entry" : "entries") + " (" + kindsShown.join(", ") + ") between "
        + state.from + " and " + state.to + "."
      : "Nothing shown: tick a kind above.";
  }

  async function load() {
    try {
      const resp = await fetch(window.skg.site("api/chronology?format=json"), { headers: { Accept: "application/json" } });
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      const rows = await resp.json();
      state.items = prepare(Array.isArray(rows) ? rows : []);
    } catch (e) {
      root.textContent = "";
      root.appendChild(el("p", {}, "The chronology could not be loaded (" + e.message + "). The data is at ",
        el("a", { href: window.skg.site("api/chronology?format=json"), text: "/api/chronology" }), "."));
      return;
    }
    buildUi();
    draw();
    let lastWidth = ui.body.clientWidth;
    let pending = 0;
    new ResizeObserver(() => {
      if (ui.body.clientWidth === lastWidth || pending) return;
      pending = requestAnimationFrame(() => { pending = 0; lastWidth = ui.body.clientWidth; draw(); });
    }).observe(ui.body);
  }

  load();
})();
