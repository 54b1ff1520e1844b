package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The size, row and time limits of {@link Limits}, each pushed one step past its edge.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestHostileLimits extends TestHostileSupport {

    private static final int MIB = 1 << 20;

    /** maxRows 100, 2 s overall limit, eight query slots, no client budgets. */
    private static FusekiServer server;
    private static String base;
    /** maxRows 5: smaller than the canned queries' answers. */
    private static FusekiServer smallRows;
    private static String smallBase;
    private static final HttpClient HTTP = newClient();

    @BeforeAll
    static void startServers() {
        server = start(local().withTimeout(Duration.ofSeconds(2))
                .withLimits(Limits.defaults().withMaxRows(100).withClientBudget(0, 0).withMaxConcurrentQueries(8)));
        base = base(server);
        smallRows = start(local().withLimits(Limits.defaults().withMaxRows(5).withClientBudget(0, 0)));
        smallBase = base(smallRows);
    }

    @AfterAll
    static void stopServers() {
        stop(server);
        stop(smallRows);
    }

    private static void assertStillAnswers() throws Exception {
        HttpResponse<String> r = postQuery(HTTP, base, SMALL);
        assertEquals(200, r.statusCode(), "the server no longer answers: " + abbreviate(r.body()));
        assertEquals(3, sparqlRows(r.body()));
    }

    private static String bigQueryText(int bytes) {
        StringBuilder sb = new StringBuilder("SELECT * WHERE { ?s ?p ?o } LIMIT 1 #");
        while (sb.length() < bytes) {
            sb.append('x');
        }
        return sb.toString();
    }

    @Test
    void bodyOverOneMebibyteWithContentLengthIs413() throws Exception {
        byte[] body = bigQueryText(MIB + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> r = sendAlone(request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                .expectContinue(false).POST(BodyPublishers.ofByteArray(body)));
        assertEquals(413, r.statusCode(), abbreviate(r.body()));
        assertStillAnswers();
    }

    @Test
    void aCompressedBodyIsRefusedBeforeItCanInflatePastTheLimit() throws Exception {
        // 8 MiB of query text gzipped to a few KiB: under the body limit as sent, eight times over it inflated.
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(packed)) {
            gzip.write(bigQueryText(8 * MIB).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertTrue(packed.size() < MIB, "the test body is small as sent: " + packed.size());
        for (String encoding : new String[] {"gzip", "deflate", "GZIP", "br"}) {
            HttpResponse<String> r = sendAlone(request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                    .header("Content-Encoding", encoding).POST(BodyPublishers.ofByteArray(packed.toByteArray())));
            assertEquals(415, r.statusCode(), encoding + ": " + abbreviate(r.body()));
            assertTrue(r.body().contains("uncompressed"), r.body());
        }
        assertStillAnswers();
    }

    @Test
    void bodyOverOneMebibyteChunkedIs413() throws Exception {
        byte[] body = bigQueryText(MIB + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> r = sendAlone(request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertEquals(413, r.statusCode(), abbreviate(r.body()));
        assertStillAnswers();
    }

    @Test
    void formBodyOverOneMebibyteChunkedIs413() throws Exception {
        byte[] body = ("query=" + encode(bigQueryText(MIB + 1))).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> r = sendAlone(request(base + "/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertEquals(413, r.statusCode(), abbreviate(r.body()));
        assertStillAnswers();
    }

    @Test
    void cannedQueryBodyOverOneMebibyteChunkedIs413() throws Exception {
        byte[] body = ("goal=" + "x".repeat(MIB + 1)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> r = sendAlone(request(base + "/api/policies-for-goal")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertEquals(413, r.statusCode(), abbreviate(r.body()));
        assertStillAnswers();
    }

    @Test
    void queryTextOver64KiCharactersInASmallBodyIs400TooLong() throws Exception {
        String query = bigQueryText(64 * 1024 + 10);
        HttpResponse<String> r = sendAlone(request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                .POST(BodyPublishers.ofString(query)));
        assertEquals(400, r.statusCode(), abbreviate(r.body()));
        assertTrue(r.body().contains("Query text too long"), abbreviate(r.body()));
        assertStillAnswers();
    }

    @Test
    void queryTextOver64KiCharactersInAFormIs400TooLong() throws Exception {
        String query = bigQueryText(64 * 1024 + 10);
        HttpResponse<String> r = sendAlone(request(base + "/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("query=" + encode(query))));
        assertEquals(400, r.statusCode(), abbreviate(r.body()));
        assertTrue(r.body().contains("Query text too long"), abbreviate(r.body()));
    }

    @Test
    void queryTextOf64KiCharactersExactlyIsAccepted() throws Exception {
        String query = bigQueryText(64 * 1024);
        assertEquals(64 * 1024, query.length());
        HttpResponse<String> r = postQuery(HTTP, base, query);
        assertEquals(200, r.statusCode(), abbreviate(r.body()));
    }

    @Test
    void urlOver16KiBIs414() throws Exception {
        String url = base + "/sparql?query=" + encode(bigQueryText(17 * 1024));
        HttpResponse<String> r = sendAlone(request(url).GET());
        assertEquals(414, r.statusCode(), abbreviate(r.body()));
        assertStillAnswers();
    }

    @Test
    void headerOver16KiBIs431() throws Exception {
        HttpResponse<String> r = sendAlone(request(base + "/sparql?query=" + encode(SMALL))
                .header("X-Filler", "y".repeat(17 * 1024)).GET());
        assertEquals(431, r.statusCode(), abbreviate(r.body()));
        assertStillAnswers();
    }

    @Test
    void manySmallHeadersOver16KiBTogetherAre431() throws Exception {
        var b = request(base + "/$/ping");
        for (int i = 0; i < 40; i++) {
            b.header("X-Filler-" + i, "z".repeat(500));
        }
        HttpResponse<String> r = sendAlone(b.GET());
        assertEquals(431, r.statusCode(), abbreviate(r.body()));
    }

    @Test
    void selectEverythingIsCutAtMaxRowsWithTheCappedHeader() throws Exception {
        HttpResponse<String> r = getQuery(HTTP, base, "SELECT * WHERE { ?s ?p ?o }");
        assertEquals(200, r.statusCode(), abbreviate(r.body()));
        assertEquals(100, sparqlRows(r.body()));
        assertNotNull(header(r, Limits.CAPPED_HEADER), "no " + Limits.CAPPED_HEADER + " header");
    }

    @Test
    void selectWithALimitAboveMaxRowsIsCutWithTheCappedHeader() throws Exception {
        HttpResponse<String> r = getQuery(HTTP, base, "SELECT * WHERE { ?s ?p ?o } LIMIT 100000");
        assertEquals(200, r.statusCode(), abbreviate(r.body()));
        assertEquals(100, sparqlRows(r.body()));
        assertNotNull(header(r, Limits.CAPPED_HEADER));
    }

    @Test
    void subqueryWithoutLimitIsStillCutAtMaxRows() throws Exception {
        HttpResponse<String> r = getQuery(HTTP, base,
                "SELECT * WHERE { { SELECT ?s ?p ?o WHERE { ?s ?p ?o } } }");
        assertEquals(200, r.statusCode(), abbreviate(r.body()));
        assertEquals(100, sparqlRows(r.body()));
    }

    @Test
    void selectWithASmallLimitReturnsItAndNoCappedHeader() throws Exception {
        HttpResponse<String> r = getQuery(HTTP, base, "SELECT * WHERE { ?s ?p ?o } LIMIT 5");
        assertEquals(200, r.statusCode(), abbreviate(r.body()));
        assertEquals(5, sparqlRows(r.body()));
        assertNull(header(r, Limits.CAPPED_HEADER), "capped header on an uncut answer");
    }

    /** Limits' own contract: "a response cut there says so"; an answer that was not cut should not say it was. */
    @Test
    void smallAnswerWithoutLimitHasNoCappedHeader() throws Exception {
        HttpResponse<String> r = getQuery(HTTP, base,
                "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }");
        assertEquals(200, r.statusCode(), abbreviate(r.body()));
        assertEquals(3, sparqlRows(r.body()));
        assertNull(header(r, Limits.CAPPED_HEADER),
                "3 rows of at most 100, yet " + Limits.CAPPED_HEADER + ": " + header(r, Limits.CAPPED_HEADER));
    }

    @Test
    void cannedQueryLargerThanMaxRowsIsCutWithTheCappedHeader() throws Exception {
        for (String path : new String[] {"/api/counts-per-class?format=json", "/api/goals?format=json",
            "/api/search?text=" + encode("ab") + "&format=json", "/api/search?text=a&format=json"}) {
            HttpResponse<String> full = send(HTTP, request(base + path).GET());
            HttpResponse<String> r = send(HTTP, request(smallBase + path).GET());
            if (full.statusCode() == 400) {
                // e.g. search needs two characters: refused on both servers alike
                assertEquals(400, r.statusCode(), path);
                continue;
            }
            assertEquals(200, full.statusCode(), path + " " + abbreviate(full.body()));
            assertEquals(200, r.statusCode(), path + " " + abbreviate(r.body()));
            int all = jsonArraySize(full.body());
            if (all > 5) {
                assertEquals(5, jsonArraySize(r.body()), path);
                assertNotNull(header(r, Limits.CAPPED_HEADER), path + ": no " + Limits.CAPPED_HEADER);
            } else {
                assertEquals(all, jsonArraySize(r.body()), path);
            }
        }
        HttpResponse<String> counts = send(HTTP, request(smallBase + "/api/counts-per-class?format=json").GET());
        assertTrue(jsonArraySize(send(HTTP, request(base + "/api/counts-per-class?format=json").GET()).body()) > 5,
                "counts-per-class should have more than 5 rows for this test to mean anything");
        assertNotNull(header(counts, Limits.CAPPED_HEADER));
    }

    @Test
    void expensiveCrossProductIs503WithinTheLimitWhileSmallQueriesAnswer() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Integer>>> clients = new ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                int id = c;
                clients.add(pool.submit(() -> {
                    HttpClient own = newClient();
                    List<Integer> statuses = new ArrayList<>();
                    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while ((running.get() || statuses.isEmpty()) && System.nanoTime() < end && statuses.size() < 500) {
                        HttpResponse<String> r = send(own, request(base + "/sparql?query="
                                + encode("SELECT * WHERE { ?s ?p ?o } LIMIT " + (id + 1))).header("Accept", JSON)
                                .header("User-Agent", "small-client-" + id).GET());
                        statuses.add(r.statusCode());
                    }
                    return statuses;
                }));
            }
            Thread.sleep(100);
            long t0 = System.nanoTime();
            HttpResponse<String> r = sendAlone(request(base + "/sparql?query=" + encode(CROSS))
                    .header("Accept", JSON));
            long elapsed = System.nanoTime() - t0;
            running.set(false);
            assertEquals(503, r.statusCode(), abbreviate(r.body()));
            assertTrue(elapsed < Duration.ofSeconds(3).toNanos(), "503 after " + seconds(elapsed) + " s, limit 2 s");
            for (Future<List<Integer>> f : clients) {
                List<Integer> statuses = f.get(20, TimeUnit.SECONDS);
                assertTrue(!statuses.isEmpty());
                assertTrue(statuses.stream().allMatch(s -> s == 200), "small queries got " + statuses);
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        assertStillAnswers();
    }

    /**
     * The first-result limit: with withTimeouts(1 s, 5 s) and an overall limit of 6 s, a COUNT over a cross product
     * (whose first and only row comes at the end) is cut at the first-result limit, not the overall one. A
     * streaming cross product whose first row comes at once is not cut by it: it answers 200 with maxRows rows.
     */
    @Test
    void firstResultLimitCutsAQueryWithNoFirstRowBeforeTheOverallLimit() throws Exception {
        FusekiServer s = start(local().withTimeout(Duration.ofSeconds(6))
                .withLimits(Limits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
                        .withClientBudget(0, 0)));
        try {
            String b = base(s);
            long t0 = System.nanoTime();
            HttpResponse<String> r = sendAlone(request(b + "/sparql?query=" + encode(CROSS)).header("Accept", JSON));
            long elapsed = System.nanoTime() - t0;
            System.out.println("[hostile] first-result limit 1 s, overall 6 s: COUNT cross product -> "
                    + r.statusCode() + " after " + seconds(elapsed) + " s");
            assertEquals(503, r.statusCode(), abbreviate(r.body()));
            assertTrue(elapsed < Duration.ofSeconds(2).toNanos(),
                    "cut after " + seconds(elapsed) + " s: the first-result limit (1 s) did not apply");

            t0 = System.nanoTime();
            HttpResponse<String> streaming = sendAlone(request(b + "/sparql?query="
                    + encode("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")).header("Accept", JSON));
            elapsed = System.nanoTime() - t0;
            System.out.println("[hostile] first-result limit 1 s: streaming cross product -> "
                    + streaming.statusCode() + " after " + seconds(elapsed) + " s, capped="
                    + header(streaming, Limits.CAPPED_HEADER));
            assertEquals(200, streaming.statusCode(), abbreviate(streaming.body()));
            assertEquals(Limits.defaults().maxRows(), sparqlRows(streaming.body()));

            t0 = System.nanoTime();
            HttpResponse<String> none = sendAlone(request(b + "/sparql?query=" + encode(
                    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f FILTER(CONCAT(STR(?c), STR(?f)) = \"no such thing\") }"))
                    .header("Accept", JSON));
            elapsed = System.nanoTime() - t0;
            System.out.println("[hostile] first-result limit 1 s: filtered cross product with no row -> "
                    + none.statusCode() + " after " + seconds(elapsed) + " s");
            assertEquals(503, none.statusCode(), abbreviate(none.body()));
            assertTrue(elapsed < Duration.ofMillis(2500).toNanos(),
                    "no first row, yet cut only after " + seconds(elapsed) + " s (first-result limit 1 s)");
        } finally {
            stop(s);
        }
    }
}
