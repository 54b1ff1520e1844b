#!/usr/bin/env python3
"""Helpers for bench/compare.sh (Python 3 standard library only).

  compare.py latency URL N [ACCEPT]   N sequential GETs on one keep-alive connection, after a warm-up of
                                      WARMUP (default 20) uncounted ones; prints one JSON object: p50, p99 and
                                      mean in ms, the status codes seen, the body size and, for a SPARQL JSON
                                      answer, its row count and a digest of its bindings (to compare engines).
  compare.py rows URL [ACCEPT]        one GET; prints the row count and digest of its SPARQL JSON answer, or says
                                      on stderr why there is none (status and first line of the body); exits 1.
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
    """Rows and an order-independent digest of a SPARQL JSON answer, or (None, None) for anything else. Blank nodes
    count by position only: their labels are each engine's own."""
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
    canon = sorted(json.dumps({k: ({"type": "bnode"} if v.get("type") == "bnode" else v) for k, v in r.items()},
                              sort_keys=True, ensure_ascii=False) for r in rows)
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
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=float(os.environ.get("CLIENT_TIMEOUT", "30")))
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


def rows(url, accept=None):
    """Row count and digest of one SPARQL JSON answer, or None with the reason printed on stderr."""
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=float(os.environ.get("CLIENT_TIMEOUT", "60")))
    try:
        conn.request("GET", u.path + ("?" + u.query if u.query else ""), headers={"Accept": accept} if accept else {})
        resp = conn.getresponse()
        body = resp.read()
    except (http.client.HTTPException, OSError) as e:
        print(f"no answer from {u.hostname}:{u.port}: {e}", file=sys.stderr)
        return None
    finally:
        conn.close()
    if resp.status != 200:
        first = body.decode("utf-8", "replace").strip().splitlines()[:1]
        print(f"HTTP {resp.status}: {first[0] if first else ''}", file=sys.stderr)
        return None
    n, digest = sparql_summary(body)
    if n is None:
        print("the answer is not SPARQL JSON results", file=sys.stderr)
        return None
    return n, digest


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


def gmean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def rps_ratios(thr, queries, c, num, den):
    """num/den of successful requests per second at c connections, for each query both servers answered."""
    out = []
    for q in queries:
        a, b = thr.get((num, q, c)), thr.get((den, q, c))
        if a and b and a.get("rps_ok") and b.get("rps_ok"):
            out.append(a["rps_ok"] / b["rps_ok"])
    return out


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
    # RDF4J's columns appear only in a run that measured it (RDF4J=1).
    rdf = "rdf4j" in meta or any(s == "rdf4j" for (s, _) in lat)
    out = []
    out.append(f"stalin-kg against stock Apache Jena Fuseki 5.6.0{' and RDF4J' if rdf else ''} -- "
               f"{meta.get('date', '?')}")
    out.append(f"machine: nproc {m('nproc')}, {m('mem')}; {m('java')}; graph: curated x{m('scale')}")
    out.append(f"ours: {m('ours_cmd')} (README's run command); stock: java -jar jena-fuseki-server-5.6.0.jar "
               f"--file (default JVM options)")
    if rdf:
        out.append(f"rdf4j: {m('rdf4j')}")
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
    rows = []
    for label, key, digits in (("start-up to first answer (ms)", "start", 0),
                               ("VmRSS after start (MiB)", "rss_start", 1),
                               ("VmRSS at end of load (MiB)", "rss_end", 1),
                               ("VmHWM peak RSS at end (MiB)", "hwm_end", 1)):
        o, b, r = s.get(key + "_ours"), s.get(key + "_stock"), s.get(key + "_rdf4j")
        row = [label, fmt(o, digits), fmt(b, digits)] + ([fmt(r, digits)] if rdf else []) + [ratio(o, b)]
        rows.append(row + ([ratio(o, r), ratio(r, b)] if rdf else []))
    out.append("Start-up and memory")
    out.append(table(["measure", "ours", "stock"] + (["rdf4j"] if rdf else []) + ["ours/stock"]
                     + (["ours/rdf4j", "rdf4j/stock"] if rdf else []), rows))
    out.append("")

    # Latency.
    rows = []
    for group, q in order:
        o, f, b, r = (lat.get((name, q)) for name in ("ours", "ours-fresh", "stock", "rdf4j"))
        same = "-"
        if o and b and o.get("digest") and b.get("digest"):
            same = "yes" if o["digest"] == b["digest"] else "no"
        if rdf:
            rsame = "-"
            if r and b and r.get("digest") and b.get("digest"):
                rsame = "yes" if r["digest"] == b["digest"] else "no"
            same = f"{same}/{rsame}"
        bad = []
        for name, rec in (("ours", o), ("fresh", f), ("stock", b), ("rdf4j", r)):
            if rec and set(rec["statuses"]) - {"200"}:
                bad.append(f"{name} {rec['statuses']}")
        counts = f"{fmt(o and o.get('rows'))}/{fmt(b and b.get('rows'))}"
        if rdf:
            counts += f"/{fmt(r and r.get('rows'))}"
        row = [q, group, counts, same,
               fmt(o and o["p50"], 2), fmt(o and o["p99"], 2),
               fmt(f and f["p50"], 2), fmt(f and f["p99"], 2),
               fmt(b and b["p50"], 2), fmt(b and b["p99"], 2)]
        if rdf:
            row += [fmt(r and r["p50"], 2), fmt(r and r["p99"], 2)]
        row += [ratio(o and o["p50"], b and b["p50"]), ratio(f and f["p50"], b and b["p50"])]
        if rdf:
            row += [ratio(f and f["p50"], r and r["p50"]), ratio(r and r["p50"], b and b["p50"])]
        rows.append(row + ["; ".join(bad)])
    out.append("Latency, sequential requests (ms); fresh = ours asked with Cache-Control: no-cache (evaluated again)"
               + ("; same answer = ours/rdf4j each against stock" if rdf else ""))
    headers = ["query", "via", "rows ours/stock" + ("/rdf4j" if rdf else ""), "same answer", "ours p50", "ours p99",
               "fresh p50", "fresh p99", "stock p50", "stock p99"]
    headers += ["rdf4j p50", "rdf4j p99"] if rdf else []
    headers += ["p50 ours/stock", "p50 fresh/stock"]
    headers += ["p50 fresh/rdf4j", "p50 rdf4j/stock"] if rdf else []
    out.append(table(headers + ["non-200"], rows))
    out.append("")

    # Throughput.
    rows = []
    conns_all = sorted({c for (_, _, c) in thr})
    for group, q in order + [("static", "ceiling")]:
        for c in conns_all:
            o, f, b, r = (thr.get((name, q, c)) for name in ("ours", "ours-fresh", "stock", "rdf4j"))
            ceil = thr.get(("ceiling", "ceiling", c))
            if q == "ceiling":
                o, f, b, r = ceil, None, None, None
            if not o and not b:
                continue
            notes = []
            for name, rec in (("ours", o), ("fresh", f), ("stock", b), ("rdf4j", r)):
                if rec and (rec.get("non2xx") or rec.get("socket_errors")):
                    notes.append(f"{name}: {rec.get('non2xx', 0)} non-2xx, {rec.get('socket_errors', 0)} socket errors"
                                 f" (wrk total {fmt(rec.get('rps_wrk'))}/s)")
            orps, frps, brps, rrps = (x and x.get("rps_ok") for x in (o, f, b, r))
            row = [q, c, fmt(orps), fmt(frps), fmt(brps)] + ([fmt(rrps)] if rdf else [])
            row += [ratio(orps, brps), ratio(frps, brps)]
            row += [ratio(frps, rrps), ratio(rrps, brps)] if rdf else []
            row += [ratio(orps, ceil and ceil.get("rps_ok"), 3) if q != "ceiling" else "1", "; ".join(notes)]
            rows.append(row)
    # Geometric means over the ad-hoc queries at each number of connections: all of them, then those with an
    # ORDER BY and those without (when both kinds were measured).
    adhoc = [q for g, q in order if g == "sparql"]
    ordered = set(str(meta.get("adhoc_ordered", "")).split())
    subsets = [("", adhoc)]
    if ordered & set(adhoc) and set(adhoc) - ordered:
        subsets += [(" with ORDER BY", [q for q in adhoc if q in ordered]),
                    (" without ORDER BY", [q for q in adhoc if q not in ordered])]
    pairs = [("fresh/stock", "ours-fresh", "stock"), ("ours/stock", "ours", "stock")]
    if rdf:
        pairs += [("fresh/rdf4j", "ours-fresh", "rdf4j"), ("rdf4j/stock", "rdf4j", "stock")]
    # A ratio over fewer queries (a server with no successful request in a run) says over how many.
    for c in conns_all:
        for what, qs in subsets:
            means = [(label, rps_ratios(thr, qs, c, num, den)) for label, num, den in pairs]
            if not any(xs for _, xs in means):
                continue
            out.append(f"geometric mean over {len(qs)} ad-hoc queries{what} at {c} connections: "
                       + ", ".join(f"{label} {gmean(xs):.2f}" + (f" (over {len(xs)})" if len(xs) < len(qs) else "")
                                   for label, xs in means if xs))
    out.append("")
    out.append("Throughput, wrk (successful requests per second; fresh = ours evaluating every request; "
               "ceiling = nginx serving the bytes of one answer)")
    headers = ["query", "conns", "ours req/s", "fresh req/s", "stock req/s"] + (["rdf4j req/s"] if rdf else [])
    headers += ["ours/stock", "fresh/stock"] + (["fresh/rdf4j", "rdf4j/stock"] if rdf else [])
    out.append(table(headers + ["ours/ceiling", "notes"], rows))
    return "\n".join(out)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd = argv[1]
    if cmd == "latency":
        accept = argv[4] if len(argv) > 4 and argv[4] else None
        print(json.dumps(latency(argv[2], int(argv[3]), accept, int(os.environ.get("WARMUP", "20")))))
    elif cmd == "rows":
        answer = rows(argv[2], argv[3] if len(argv) > 3 and argv[3] else None)
        if answer is None:
            return 1
        print(*answer)
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
