package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3id.stalinkg.api.CannedQuery;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * 5,000 queries mutated from the canned queries' texts (seeded, so a failure repeats): no answer is a server error
 * except 503 for a query cut by the time limit, and the server is whole afterwards.
 */
class TestHostileFuzz extends TestHostileSupport {

    private static final int QUERIES = 5000;
    private static final int THREADS = 4;
    private static final long SEED = 0x5741_4c49_4eL;
    private static final String[] TOKENS = {"{", "}", "(", ")", ".", ";", ",", "?s", "?p", "?o", "*", "SELECT",
        "WHERE", "OPTIONAL", "UNION", "FILTER", "BIND", "AS", "GROUP BY", "ORDER BY", "LIMIT", "OFFSET", "VALUES",
        "MINUS", "NOT EXISTS", "GRAPH", "SERVICE", "PREFIX", "<", ">", "\"", "'", "#", "\n", "a", "^^", "@en", "|",
        "/", "+", "COUNT(*)", "DISTINCT", "REDUCED", "HAVING", "CONSTRUCT", "DESCRIBE", "ASK", "FROM", "1e999",
        "-0", "\"\\u0000\"", "<file:///etc/passwd>", "REGEX(?o, \"(a+)+$\")", "?x", "$y", "[]", "()", "_:b",
        "rdfs:label", "skg:", "LANG(?o)", "STRLEN(", "SUBSTR(", "IRI(", "BNODE()", "NOW()", "UUID()",
        "SELECT * WHERE { ?a ?b ?c", "?a ?b ?c . ?d ?e ?f .", "LIMIT 100000000000000000000", "OFFSET -1",
        "\uD83D\uDE00", "\u0000", "\uFFFF", "\\", "\\u", "%", "&&", "||", "!"};

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void mutatedCannedQueriesNeverCauseAServerError() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (CannedQuery q : ProjectFiles.cannedQueries().all()) {
            seeds.add(q.text());
        }
        assertTrue(seeds.size() > 5, "too few seeds");
        Random random = new Random(SEED);
        List<String> queries = new ArrayList<>(QUERIES);
        for (int i = 0; i < QUERIES; i++) {
            queries.add(mutate(random, seeds));
        }

        FusekiServer server = start(local().withTimeout(Duration.ofSeconds(2))
                .withLimits(Limits.defaults().withClientBudget(0, 0).withMaxConcurrentQueries(THREADS + 2)));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(120).toNanos();
        try {
            String base = base(server);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    HttpClient client = newClient();
                    int i;
                    while ((i = next.getAndIncrement()) < queries.size() && System.nanoTime() < deadline) {
                        String q = queries.get(i);
                        int status;
                        String body = "";
                        try {
                            HttpResponse<String> r = postQuery(client, base, q);
                            status = r.statusCode();
                            body = r.body();
                        } catch (IOException ex) {
                            status = -1;
                            body = ex.toString();
                            client = newClient();
                        } catch (Exception ex) {
                            status = -2;
                            body = ex.toString();
                        }
                        sent.incrementAndGet();
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        boolean timeout = status == 503;
                        if (status < 0 || (status >= 500 && !timeout)) {
                            if (failures.size() < 20) {
                                failures.add("#" + i + " -> " + status + " " + abbreviate(body) + "\n  query: "
                                        + abbreviate(q).replace("\n", "\\n"));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(140, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

            StringBuilder report = new StringBuilder();
            report.append("fuzz: ").append(sent.get()).append(" of ").append(QUERIES).append(" mutated queries in ")
                    .append(seconds).append(" s, seed ").append(SEED).append('\n');
            new TreeMap<>(statuses).forEach((k, v) -> report.append("  status ").append(k).append(": ")
                    .append(v.get()).append('\n'));
            report.append("server errors (first 20):\n");
            failures.forEach(f -> report.append("  ").append(f).append('\n'));
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "fuzz-report.txt"), report.toString());

            assertEquals(200, send(newClient(), request(base + "/$/ping").timeout(Duration.ofSeconds(1)).GET())
                    .statusCode(), "ping after the fuzz");
            HttpResponse<String> r = getQuery(newClient(), base,
                    "SELECT ?n WHERE { VALUES ?n { 1 2 3 } } LIMIT 3");
            assertEquals(200, r.statusCode(), abbreviate(r.body()));
            assertEquals(3, sparqlRows(r.body()));

            assertEquals(QUERIES, sent.get(), "the fuzz did not finish in time");
            assertTrue(failures.isEmpty(), "server errors:\n" + String.join("\n", failures));
        } finally {
            stop(server);
        }
    }

    /** One to four mutations of a seed, or a splice of two seeds. */
    static String mutate(Random random, List<String> seeds) {
        String s = seeds.get(random.nextInt(seeds.size()));
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            s = switch (random.nextInt(9)) {
                case 0 -> deleteChars(random, s);
                case 1 -> insertChar(random, s);
                case 2 -> duplicate(random, s);
                case 3 -> swapChars(random, s);
                case 4 -> tokens(random, s, 0);
                case 5 -> tokens(random, s, 1);
                case 6 -> tokens(random, s, 2);
                case 7 -> truncate(random, s);
                default -> splice(random, s, seeds.get(random.nextInt(seeds.size())));
            };
        }
        return s.length() > 60_000 ? s.substring(0, 60_000) : s;
    }

    private static String deleteChars(Random random, String s) {
        if (s.isEmpty()) {
            return s;
        }
        int at = random.nextInt(s.length());
        int len = 1 + random.nextInt(Math.min(8, s.length() - at));
        return s.substring(0, at) + s.substring(at + len);
    }

    private static String insertChar(Random random, String s) {
        String chars = "{}()<>?$.;,\"'#\\ \n\t*+-/|&!^@:_=0123456789aeAE\u00e9\u0416\u0000";
        int at = random.nextInt(s.length() + 1);
        return s.substring(0, at) + chars.charAt(random.nextInt(chars.length())) + s.substring(at);
    }

    private static String duplicate(Random random, String s) {
        if (s.isEmpty()) {
            return s;
        }
        int from = random.nextInt(s.length());
        int to = Math.min(s.length(), from + 1 + random.nextInt(80));
        int at = random.nextInt(s.length() + 1);
        return s.substring(0, at) + s.substring(from, to) + s.substring(at);
    }

    private static String swapChars(Random random, String s) {
        if (s.length() < 2) {
            return s;
        }
        char[] c = s.toCharArray();
        int i = random.nextInt(c.length);
        int j = random.nextInt(c.length);
        char t = c[i];
        c[i] = c[j];
        c[j] = t;
        return new String(c);
    }

    /** Token mutations: 0 delete, 1 insert a SPARQL-ish token, 2 swap or duplicate tokens. */
    private static String tokens(Random random, String s, int kind) {
        List<String> t = new ArrayList<>(List.of(s.split("(?<=\\s)|(?=\\s)")));
        if (t.isEmpty()) {
            return s;
        }
        int i = random.nextInt(t.size());
        switch (kind) {
            case 0 -> t.remove(i);
            case 1 -> t.add(i, " " + TOKENS[random.nextInt(TOKENS.length)] + " ");
            default -> {
                int j = random.nextInt(t.size());
                if (random.nextBoolean()) {
                    Collections.swap(t, i, j);
                } else {
                    t.add(j, t.get(i));
                }
            }
        }
        return String.join("", t);
    }

    private static String truncate(Random random, String s) {
        return s.isEmpty() ? s : s.substring(0, random.nextInt(s.length()));
    }

    private static String splice(Random random, String a, String b) {
        int i = a.isEmpty() ? 0 : random.nextInt(a.length());
        int j = b.isEmpty() ? 0 : random.nextInt(b.length());
        return a.substring(0, i) + b.substring(j);
    }
}
