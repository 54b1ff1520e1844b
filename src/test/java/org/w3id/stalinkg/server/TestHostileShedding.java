package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Load shedding (a bounded number of query slots, 503 with Retry-After beyond) and per-client budgets (429 with
 * Retry-After for a client that keeps failing), each on a server of its own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestHostileShedding extends TestHostileSupport {

    private static final String BAD = "SELEC * WHERE { ?s ?p ?o }";

    private static HttpResponse<String> query(HttpClient client, String base, String query, String agent)
            throws Exception {
        return send(client, request(base + "/sparql?query=" + encode(query)).header("Accept", JSON)
                .header("User-Agent", agent).GET());
    }

    @Test
    void whileTheOnlySlotIsTakenQueriesGet503WithRetryAfterAndPingAnswers() throws Exception {
        FusekiServer server = start(local().withTimeout(Duration.ofSeconds(3))
                .withLimits(Limits.defaults().withMaxConcurrentQueries(1).withClientBudget(0, 0)));
        try {
            String base = base(server);
            HttpClient http = newClient();
            long slowStart = System.nanoTime();
            CompletableFuture<HttpResponse<String>> slow = newClient().sendAsync(
                    request(base + "/sparql?query=" + encode(CROSS)).header("Accept", JSON).GET().build(),
                    BodyHandlers.ofString());
            Thread.sleep(500);
            assertTrue(!slow.isDone(), "the slow query ended early: " + (slow.isDone() ? slow.get().statusCode() : ""));

            List<String> report = new ArrayList<>();
            for (String path : new String[] {"/sparql?query=" + encode("ASK { ?s ?p ?o }"),
                "/api/goals?format=json", "/api/in-effect-in-year?year=1937"}) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = send(http, request(base + path).header("Accept", JSON).GET());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                report.add(path + " -> " + r.statusCode() + " in " + ms + " ms");
                assertEquals(503, r.statusCode(), path + ": " + abbreviate(r.body()));
                assertNotNull(header(r, "Retry-After"), path + ": 503 without Retry-After");
                assertTrue(ms < 500, path + ": 503 only after " + ms + " ms");
            }
            long t0 = System.nanoTime();
            HttpResponse<String> ping = send(http, request(base + "/$/ping").timeout(Duration.ofSeconds(1)).GET());
            long pingMs = (System.nanoTime() - t0) / 1_000_000;
            report.add("/$/ping -> " + ping.statusCode() + " in " + pingMs + " ms");
            assertEquals(200, ping.statusCode());
            assertTrue(pingMs < 1000, "ping took " + pingMs + " ms");
            for (String path : new String[] {"/", "/doc/policy/great-purge", "/api", "/sparql"}) {
                HttpResponse<String> r = send(http, request(base + path).timeout(Duration.ofSeconds(2)).GET());
                report.add(path + " -> " + r.statusCode());
                assertEquals(200, r.statusCode(), path + " is not a query, yet: " + abbreviate(r.body()));
            }

            HttpResponse<String> slowAnswer = slow.get(10, TimeUnit.SECONDS);
            long slowMs = (System.nanoTime() - slowStart) / 1_000_000;
            report.add("slow cross product -> " + slowAnswer.statusCode() + " after " + slowMs + " ms");
            System.out.println("[hostile] shedding: " + report);
            assertEquals(503, slowAnswer.statusCode(), "the slow query should have been cut at 3 s");

            HttpResponse<String> after = query(http, base, SMALL, "after");
            assertEquals(200, after.statusCode(), abbreviate(after.body()));
            assertEquals(3, sparqlRows(after.body()));
            assertEquals(200, send(http, request(base + "/api/goals?format=json").GET()).statusCode());
        } finally {
            stop(server);
        }
    }

    @Test
    void aClientThatKeepsFailingGets429WhileOthersAreServed() throws Exception {
        FusekiServer server = start(local().withLimits(Limits.defaults().withClientBudget(60_000, 3)));
        try {
            String base = base(server);
            HttpClient http = newClient();
            for (int i = 1; i <= 3; i++) {
                HttpResponse<String> r = query(http, base, BAD, "hostile-a");
                assertEquals(400, r.statusCode(), "bad query " + i + ": " + abbreviate(r.body()));
            }
            HttpResponse<String> throttled = query(http, base, BAD, "hostile-a");
            assertEquals(429, throttled.statusCode(), "4th bad query: " + abbreviate(throttled.body()));
            String retry = header(throttled, "Retry-After");
            assertNotNull(retry, "429 without Retry-After");
            assertTrue(Long.parseLong(retry) >= 1, "Retry-After: " + retry);
            HttpResponse<String> goodFromA = query(http, base, SMALL, "hostile-a");
            assertEquals(429, goodFromA.statusCode(), "a good query from the throttled client");
            HttpResponse<String> apiFromA = send(http, request(base + "/api/goals").header("User-Agent", "hostile-a")
                    .GET());
            assertEquals(429, apiFromA.statusCode(), "a canned query from the throttled client");

            HttpResponse<String> badFromB = query(http, base, BAD, "hostile-b");
            assertEquals(400, badFromB.statusCode(), "another client's bad query");
            HttpResponse<String> goodFromB = query(http, base, SMALL, "hostile-b");
            assertEquals(200, goodFromB.statusCode(), "another client's good query");
            assertEquals(3, sparqlRows(goodFromB.body()));
            assertEquals(200, send(http, request(base + "/$/ping").header("User-Agent", "hostile-a").GET())
                    .statusCode(), "ping is not a query: the throttled client still reaches it");
        } finally {
            stop(server);
        }
    }

    @Test
    void errorsCountedForCannedQueriesToo() throws Exception {
        FusekiServer server = start(local().withLimits(Limits.defaults().withClientBudget(60_000, 3)));
        try {
            String base = base(server);
            HttpClient http = newClient();
            for (int i = 1; i <= 3; i++) {
                HttpResponse<String> r = send(http, request(base + "/api/in-effect-in-year?year=abc")
                        .header("User-Agent", "hostile-c").GET());
                assertEquals(400, r.statusCode(), "bad parameter " + i);
            }
            HttpResponse<String> r = send(http, request(base + "/api/in-effect-in-year?year=1937")
                    .header("User-Agent", "hostile-c").GET());
            assertEquals(429, r.statusCode(), abbreviate(r.body()));
            assertNotNull(header(r, "Retry-After"));
        } finally {
            stop(server);
        }
    }

    @Test
    void withBudgetsOffNoErrorCountLeadsTo429() throws Exception {
        FusekiServer server = start(local().withLimits(Limits.defaults().withClientBudget(0, 0)));
        try {
            String base = base(server);
            HttpClient http = newClient();
            for (int i = 1; i <= 60; i++) {
                HttpResponse<String> r = query(http, base, BAD, "hostile-d");
                assertEquals(400, r.statusCode(), "bad query " + i + ": " + abbreviate(r.body()));
            }
            HttpResponse<String> good = query(http, base, SMALL, "hostile-d");
            assertEquals(200, good.statusCode(), abbreviate(good.body()));
        } finally {
            stop(server);
        }
    }
}
