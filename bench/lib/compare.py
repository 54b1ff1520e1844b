#!/usr/bin/env python3
"""Helpers for bench/compare.sh (Python 3 standard library only).

  compare.py latency URL N [ACCEPT]   N sequential GETs on one keep-alive connection, after a warm-up of
                                      WARMUP (default 20) uncounted ones; prints one JSON object: p50, p99 and
                                      mean in ms, the status codes seen, the body size and, for a SPARQL JSON
                                      answer, its row count and a digest of its bindings (to compare engines).
  compare.py wrk LABEL                reads wrk's output on stdin; prints one JSON object: requests, seconds,
                                      the 2xx/3xx requests per second, non-2xx responses and socket errors.
  compare.py meta KEY VALUE           prints a JSON line recording one fact (a number when VALUE is one).
  compare.py report RESULTS.jsonl     prints the comparison tables from the collected JSON lines.
"""
import hashlib
import http.client
import json
import math
import os
import re
import statistics
import sys
import time
import urllib.parse


def percentile(values, p):
    """Nearest-rank percentile of a non-empty list."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, math.ceil(p / 100.0 * len(s)) - 1))
    return s[k]


def sparql_summary(body):
    """Rows and an order-independent digest of a SPARQL JSON answer, or (None, None) for anything else."""
    try:
        doc = json.loads(body)
    except ValueError:
        return None, None
    if not isinstance(doc, dict):
        return None, None
    if "boolean" in doc:
        return 1, hashlib.sha256(str(doc["boolean"]).encode()).hexdigest()[:12]
    if "results" not in doc:
        return None, None
    rows = doc["results"]["bindings"]
    canon = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)
    return len(rows), hashlib.sha256("\n".join(canon).encode()).hexdigest()[:12]


def latency(url, n, accept=None, warmup=20):
    u = urllib.parse.urlsplit(url)
    path = u.path + ("?" + u.query if u.query else "")
    headers = {"Accept": accept} if accept else {}
    if os.environ.get("FRESH"):
        headers["Cache-Control"] = "no-cache"   # ours evaluates the query again instead of sending a kept answer
    conn = None
    times, statuses, body = [], {}, b""
    for i in range(warmup + n):  # bounded: warm-up plus n measured requests
        if conn is None:
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        t0 = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
        except (http.client.HTTPException, OSError):
            conn.close()
            conn = None
            statuses["error"] = statuses.get("error", 0) + 1
            continue
        dt = (time.perf_counter() - t0) * 1000.0
        if resp.getheader("Connection", "").lower() == "close":
            conn.close()
            conn = None
        if i >= warmup:
            times.append(dt)
            statuses[str(resp.status)] = statuses.get(str(resp.status), 0) + 1
    if conn is not None:
        conn.close()
    rows, digest = sparql_summary(body)
    return {
        "p50": percentile(times, 50) if times else None,
        "p99": percentile(times, 99) if times else None,
        "mean": statistics.mean(times) if times else None,
        "statuses": statuses,
        "bytes": len(body),
        "rows": rows,
        "digest": digest,
    }


def parse_wrk(text):
    def num(pattern, default=0):
        m = re.search(pattern, text)
        return m.group(1) if m else default

    m = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h)", text)
    if not m:
        return {"error": "no wrk summary", "raw": text[-500:]}
    requests = int(m.group(1))
    scale = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}[m.group(3)]
    seconds = float(m.group(2)) * scale
    non2xx = int(num(r"Non-2xx or 3xx responses: (\d+)"))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = sum(int(x) for x in sock.groups()) if sock else 0
    return {
        "requests": requests,
        "seconds": seconds,
        "rps_ok": (requests - non2xx) / seconds if seconds else 0.0,
        "rps_wrk": float(num(r"Requests/sec:\s+([\d.]+)", 0)),
        "non2xx": non2xx,
        "socket_errors": errors,
    }


# ---------------------------------------------------------------------------------------------------------- report

def fmt(x, digits=0):
    if x is None:
        return "-"
    return f"{x:,.{digits}f}"


def ratio(a, b, digits=2):
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.{digits}f}"


def table(headers, rows):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(str(c).rjust(w) if i else str(c).ljust(w)
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out)


def report(path):
    recs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    meta = {}
    m = lambda key: (f"{meta[key]:g}" if isinstance(meta.get(key), float) else str(meta.get(key, "?")))
    lat = {}   # (server, query) -> latency record
    thr = {}   # (server, query, conns) -> wrk record
    order = []  # queries in the order measured, with their group
    for r in recs:
        k = r["kind"]
        if k == "meta":
            meta.update(r["values"])
        elif k == "latency":
            lat[(r["server"], r["query"])] = r
            if (r["group"], r["query"]) not in order:
                order.append((r["group"], r["query"]))
        elif k == "wrk":
            thr[(r["server"], r["query"], r["conns"])] = r
    out = []
    out.append(f"stalin-kg against stock Apache Jena Fuseki 5.6.0 -- {meta.get('date', '?')}")
    out.append(f"machine: nproc {m('nproc')}, {m('mem')}; {m('java')}; graph: curated x{m('scale')}")
    out.append(f"ours: {m('ours_cmd')} (README's run command); stock: java -jar jena-fuseki-server-5.6.0.jar "
               f"--file (default JVM options)")
    out.append(f"method: servers started one at a time, then loaded alternately; wrk {m('seconds')} s per run "
               f"(-t2, -t1 at 1 connection); latency over {m('requests')} sequential requests on one keep-alive "
               f"connection after {m('warmup')} uncounted ones")
    out.append(f"ceiling: {m('ceiling')}")
    refused = {k[len("canned_refused_"):]: v for k, v in meta.items() if k.startswith("canned_refused_")}
    if refused:
        out.append("canned queries not measured (ours refused them): "
                   + ", ".join(f"{k} ({fmt(v)})" for k, v in sorted(refused.items())))
    out.append(f"our access log over the run: {m('ours_503')} answers 503 (query slots full), "
               f"{m('ours_429')} answers 429 (per-client limits)")
    out.append("")

    # Start-up and memory.
    s = meta
    rows = [
        ["start-up to first answer (ms)", fmt(s.get("start_ours")), fmt(s.get("start_stock")),
         ratio(s.get("start_ours"), s.get("start_stock"))],
        ["VmRSS after start (MiB)", fmt(s.get("rss_start_ours"), 1), fmt(s.get("rss_start_stock"), 1),
         ratio(s.get("rss_start_ours"), s.get("rss_start_stock"))],
        ["VmRSS at end of load (MiB)", fmt(s.get("rss_end_ours"), 1), fmt(s.get("rss_end_stock"), 1),
         ratio(s.get("rss_end_ours"), s.get("rss_end_stock"))],
        ["VmHWM peak RSS at end (MiB)", fmt(s.get("hwm_end_ours"), 1), fmt(s.get("hwm_end_stock"), 1),
         ratio(s.get("hwm_end_ours"), s.get("hwm_end_stock"))],
    ]
    out.append("Start-up and memory")
    out.append(table(["measure", "ours", "stock", "ours/stock"], rows))
    out.append("")

    # Latency.
    rows = []
    for group, q in order:
        o, f, b = lat.get(("ours", q)), lat.get(("ours-fresh", q)), lat.get(("stock", q))
        same = "-"
        if o and b and o.get("digest") and b.get("digest"):
            same = "yes" if o["digest"] == b["digest"] else "no"
        bad = []
        for name, rec in (("ours", o), ("fresh", f), ("stock", b)):
            if rec and set(rec["statuses"]) - {"200"}:
                bad.append(f"{name} {rec['statuses']}")
        rows.append([q, group,
                     f"{fmt(o and o.get('rows'))}/{fmt(b and b.get('rows'))}", same,
                     fmt(o and o["p50"], 2), fmt(o and o["p99"], 2),
                     fmt(f and f["p50"], 2), fmt(f and f["p99"], 2),
                     fmt(b and b["p50"], 2), fmt(b and b["p99"], 2),
                     ratio(o and o["p50"], b and b["p50"]), ratio(f and f["p50"], b and b["p50"]), "; ".join(bad)])
    out.append("Latency, sequential requests (ms); fresh = ours asked with Cache-Control: no-cache (evaluated again)")
    out.append(table(["query", "via", "rows ours/stock", "same answer", "ours p50", "ours p99", "fresh p50",
                      "fresh p99", "stock p50", "stock p99", "p50 ours/stock", "p50 fresh/stock", "non-200"], rows))
    out.append("")

    # Throughput.
    rows = []
    conns_all = sorted({c for (_, _, c) in thr})
    for group, q in order + [("static", "ceiling")]:
        for c in conns_all:
            o, f, b = thr.get(("ours", q, c)), thr.get(("ours-fresh", q, c)), thr.get(("stock", q, c))
            ceil = thr.get(("ceiling", "ceiling", c))
            if q == "ceiling":
                o, f, b = ceil, None, None
            if not o and not b:
                continue
            notes = []
            for name, rec in (("ours", o), ("fresh", f), ("stock", b)):
                if rec and (rec.get("non2xx") or rec.get("socket_errors")):
                    notes.append(f"{name}: {rec.get('non2xx', 0)} non-2xx, {rec.get('socket_errors', 0)} socket errors"
                                 f" (wrk total {fmt(rec.get('rps_wrk'))}/s)")
            orps = o and o.get("rps_ok")
            frps = f and f.get("rps_ok")
            brps = b and b.get("rps_ok")
            rows.append([q, c, fmt(orps), fmt(frps), fmt(brps), ratio(orps, brps), ratio(frps, brps),
                         ratio(orps, ceil and ceil.get("rps_ok"), 3) if q != "ceiling" else "1",
                         "; ".join(notes)])
    # Geometric mean of fresh/stock and ours/stock over the ad-hoc queries, at each number of connections.
    for c in conns_all:
        pairs = [(thr.get(("ours-fresh", q, c)), thr.get(("ours", q, c)), thr.get(("stock", q, c)))
                 for g, q in order if g == "sparql"]
        fresh = [f["rps_ok"] / b["rps_ok"] for f, _, b in pairs if f and b and f.get("rps_ok") and b.get("rps_ok")]
        ours = [o["rps_ok"] / b["rps_ok"] for _, o, b in pairs if o and b and o.get("rps_ok") and b.get("rps_ok")]
        if fresh:
            gm = lambda xs: math.exp(sum(math.log(x) for x in xs) / len(xs))
            out.append(f"geometric mean over {len(fresh)} ad-hoc queries at {c} connections: fresh/stock "
                       f"{gm(fresh):.2f}, ours/stock {gm(ours):.2f}")
    out.append("")
    out.append("Throughput, wrk (successful requests per second; fresh = ours evaluating every request; "
               "ceiling = nginx serving the bytes of one answer)")
    out.append(table(["query", "conns", "ours req/s", "fresh req/s", "stock req/s", "ours/stock", "fresh/stock",
                      "ours/ceiling", "notes"], rows))
    return "\n".join(out)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd = argv[1]
    if cmd == "latency":
        accept = argv[4] if len(argv) > 4 and argv[4] else None
        print(json.dumps(latency(argv[2], int(argv[3]), accept, int(os.environ.get("WARMUP", "20")))))
    elif cmd == "wrk":
        print(json.dumps(parse_wrk(sys.stdin.read())))
    elif cmd == "meta":
        # meta KEY VALUE: one JSON line for the results file, the value as a number when it is one.
        try:
            value = float(argv[3])
        except ValueError:
            value = argv[3]
        print(json.dumps({"kind": "meta", "values": {argv[2]: value}}, ensure_ascii=False))
    elif cmd == "report":
        print(report(argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
