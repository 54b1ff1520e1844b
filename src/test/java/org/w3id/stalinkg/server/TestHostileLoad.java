package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 clients for 30 s on a mixed workload against a server with default limits (client budgets off): every answer
 * is 200, 304 or a 503 with Retry-After from load shedding, and the health check answers within a second
 * throughout.
 */
class TestHostileLoad extends TestHostileSupport {

    private static final int CLIENTS = 64;
    private static final Duration RUN = Duration.ofSeconds(30);
    private static final String[] GOALS = {"industrialization", "collectivization-of-agriculture",
        "consolidation-of-power"};
    private static final String[] THINGS = {"policy/great-purge", "outcome/holodomor", "region/ukrainian-ssr",
        "policy/first-five-year-plan", "person/joseph-stalin", "goal/industrialization"};
    private static final String[] TEXTS = {"голод", "famine", "plan", "purge", "Stalin", "ukr", "гулаг", "zz"};
    private static final String[] FORMATS = {"", "&format=json", "&format=csv", "&format=tsv", "&format=sparql-xml"};
    private static final String[] STATIC = {"/", "/timeline", "/query", "/static/site.css", "/static/search.js",
        "/ontology", "/.well-known/void", "/api", "/api/openapi.json", "/context.jsonld", "/sparql"};
    private static final String[] SELECTS = {
        "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s ?l WHERE { ?s rdfs:label ?l "
            + "FILTER(LANG(?l) = \"en\") } ORDER BY ?l LIMIT 50",
        "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)",
        "ASK { ?s ?p ?o }",
        "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 20",
        "DESCRIBE <https://w3id.org/stalin-kg/id/policy/great-purge>"};

    private record Outcome(String what, int status, long nanos, boolean retryAfter) {}

    private static HttpRequest.Builder next(Random random, String base, Map<String, String> etags, String[] key) {
        int pick = random.nextInt(100);
        String path;
        if (pick < 40) {
            path = switch (random.nextInt(7)) {
                case 0 -> "/api/policies-for-goal?goal=" + GOALS[random.nextInt(GOALS.length)];
                case 1 -> "/api/in-effect-in-year?year=" + (1922 + random.nextInt(32));
                case 2 -> "/api/timeline?from=" + (1922 + random.nextInt(10)) + "&to=" + (1935 + random.nextInt(19));
                case 3 -> "/api/search?text=" + encode(TEXTS[random.nextInt(TEXTS.length)]);
                case 4 -> "/api/describe?thing=" + THINGS[random.nextInt(THINGS.length)];
                case 5 -> "/api/counts-per-class";
                default -> "/api/goals";
            };
            if (!path.startsWith("/api/describe")) {
                String f = FORMATS[random.nextInt(FORMATS.length)];
                path += path.contains("?") ? f : f.replaceFirst("&", "?");
            }
            key[0] = path;
            HttpRequest.Builder b = request(base + path).GET();
            String etag = etags.get(path);
            if (etag != null && random.nextBoolean()) {
                b.header("If-None-Match", etag);
            }
            return b;
        } else if (pick < 65) {
            String q = SELECTS[random.nextInt(SELECTS.length)];
            key[0] = "/sparql";
            String accept = q.startsWith("CONSTRUCT") || q.startsWith("DESCRIBE") ? "text/turtle"
                    : random.nextBoolean() ? JSON : "text/csv";
            if (random.nextBoolean()) {
                return request(base + "/sparql?query=" + encode(q)).header("Accept", accept).GET();
            }
            return request(base + "/sparql").header("Content-Type", SPARQL_QUERY).header("Accept", accept)
                    .POST(BodyPublishers.ofString(q));
        } else if (pick < 85) {
            String thing = THINGS[random.nextInt(THINGS.length)];
            key[0] = "/doc";
            return switch (random.nextInt(4)) {
                case 0 -> request(base + "/doc/" + thing).header("Accept", "text/html").GET();
                case 1 -> request(base + "/doc/" + thing + ".jsonld").GET();
                case 2 -> request(base + "/doc/" + thing).header("Accept", "text/turtle").GET();
                default -> request(base + "/doc/" + thing + ".html").header("Accept-Language", "ru").GET();
            };
        } else {
            path = STATIC[random.nextInt(STATIC.length)];
            key[0] = path;
            boolean page = path.equals("/") || path.equals("/timeline") || path.equals("/query") || path.equals("/api")
                    || path.equals("/ontology");
            return request(base + path).header("Accept", page && random.nextBoolean() ? "text/html" : "*/*").GET();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void sixtyFourClientsForThirtySecondsGetOnlyExpectedAnswersAndPingStaysFast() throws Exception {
        FusekiServer server = start(local().withLimits(Limits.defaults().withClientBudget(0, 0)));
        try {
            String base = base(server);
            Map<String, String> etags = new ConcurrentHashMap<>();
            List<List<Outcome>> perClient = Collections.synchronizedList(new ArrayList<>());
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger unexpectedCount = new AtomicInteger();
            long end = System.nanoTime() + RUN.toNanos();
            CountDownLatch done = new CountDownLatch(CLIENTS);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int id = c;
                Thread t = new Thread(() -> {
                    List<Outcome> outcomes = new ArrayList<>();
                    try {
                        HttpClient client = newClient();
                        Random random = new Random(1000L + id);
                        String agent = "hostile-load-" + id;
                        String[] key = new String[1];
                        while (System.nanoTime() < end && outcomes.size() < 100_000) {
                            HttpRequest.Builder b = next(random, base, etags, key).header("User-Agent", agent);
                            HttpRequest req = b.timeout(Duration.ofSeconds(20)).build();
                            long t0 = System.nanoTime();
                            int status;
                            boolean retry = false;
                            try {
                                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                                status = r.statusCode();
                                retry = r.headers().firstValue("Retry-After").isPresent();
                                r.headers().firstValue("ETag").ifPresent(e -> {
                                    if (key[0].startsWith("/api/")) {
                                        etags.put(key[0], e);
                                    }
                                });
                            } catch (Exception ex) {
                                status = -1;
                                if (unexpected.size() < 20) {
                                    unexpected.add(req.method() + " " + req.uri() + " -> " + ex);
                                }
                                client = newClient();
                            }
                            long nanos = System.nanoTime() - t0;
                            outcomes.add(new Outcome(key[0], status, nanos, retry));
                            boolean ok = status == 200 || status == 304 || (status == 503 && retry)
                                   ;
                            if (!ok && status != -1) {
                                unexpectedCount.incrementAndGet();
                                if (unexpected.size() < 20) {
                                    unexpected.add(req.method() + " " + req.uri() + " -> " + status
                                            + (status == 503 ? " without Retry-After" : ""));
                                }
                            } else if (status == -1) {
                                unexpectedCount.incrementAndGet();
                            }
                        }
                    } finally {
                        perClient.add(outcomes);
                        done.countDown();
                    }
                }, "hostile-load-" + id);
                t.setDaemon(true);
                threads.add(t);
            }

            List<Long> pings = Collections.synchronizedList(new ArrayList<>());
            List<String> slowPings = Collections.synchronizedList(new ArrayList<>());
            Thread prober = new Thread(() -> {
                HttpClient client = newClient();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request(base + "/$/ping")
                                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        pings.add(ms);
                        if (r.statusCode() != 200 || ms >= 1000) {
                            slowPings.add("ping -> " + r.statusCode() + " in " + ms + " ms");
                        }
                    } catch (Exception ex) {
                        slowPings.add("ping failed: " + ex);
                        client = newClient();
                    }
                    long sleep = 1000 - (System.nanoTime() - t0) / 1_000_000;
                    try {
                        Thread.sleep(Math.max(0, sleep));
                    } catch (InterruptedException ex) {
                        return;
                    }
                }
            }, "hostile-ping");
            prober.setDaemon(true);

            long started = System.nanoTime();
            threads.forEach(Thread::start);
            prober.start();
            assertTrue(done.await(RUN.toSeconds() + 40, TimeUnit.SECONDS), "clients did not finish");
            prober.join(10_000);
            double wall = seconds(System.nanoTime() - started);

            List<Outcome> all = new ArrayList<>();
            perClient.forEach(all::addAll);
            Map<Integer, Integer> byStatus = new TreeMap<>();
            Map<String, Integer> byKind = new TreeMap<>();
            long[] latencies = new long[all.size()];
            int i = 0;
            for (Outcome o : all) {
                byStatus.merge(o.status(), 1, Integer::sum);
                String kind = o.what().startsWith("/api/") ? "/api/NAME" : o.what();
                byKind.merge(kind + " " + o.status(), 1, Integer::sum);
                latencies[i++] = o.nanos();
            }
            java.util.Arrays.sort(latencies);
            double p50 = latencies.length == 0 ? 0 : latencies[latencies.length / 2] / 1e6;
            double p99 = latencies.length == 0 ? 0 : latencies[Math.min(latencies.length - 1,
                    (int) Math.ceil(latencies.length * 0.99) - 1)] / 1e6;
            double max = latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6;
            long pingMax = pings.stream().mapToLong(Long::longValue).max().orElse(-1);

            StringBuilder report = new StringBuilder();
            report.append(String.format("load: %d clients, %.1f s, %d requests (%.0f/s)%n", CLIENTS, wall,
                    all.size(), all.size() / wall));
            report.append("by status: ").append(byStatus).append('\n');
            report.append("by kind and status: ").append(byKind).append('\n');
            report.append(String.format("latency ms: p50 %.1f, p99 %.1f, max %.1f%n", p50, p99, max));
            report.append("pings: ").append(pings.size()).append(", max ").append(pingMax).append(" ms, slow: ")
                    .append(slowPings).append('\n');
            report.append("unexpected: ").append(unexpectedCount.get()).append(' ').append(unexpected).append('\n');
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "load-report.txt"), report.toString());

            assertTrue(all.size() > CLIENTS, "hardly any requests ran: " + all.size());
            assertTrue(pings.size() >= RUN.toSeconds() - 2, "too few pings: " + pings.size());
            assertEquals(0, unexpectedCount.get(), "unexpected answers: " + unexpected);
            assertTrue(slowPings.isEmpty(), "ping: " + slowPings);
            assertEquals(200, getQuery(newClient(), base, SMALL).statusCode(), "after the load");
        } finally {
            stop(server);
        }
    }
}
