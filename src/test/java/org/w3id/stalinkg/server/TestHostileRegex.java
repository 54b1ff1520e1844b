package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A catastrophic regular expression over HTTP ({@link RunawayExpressions}): answered with 503 at the time limit, the
 * thread that matched it free again, and the health check quick while four of them run.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TestHostileRegex extends TestHostileSupport {

    /** The time limit of the server under test. */
    private static final Duration LIMIT = Duration.ofSeconds(2);

    /** The query: a 41-character string that {@code (.*a){25}$} takes minutes to give up on. */
    static final String EVIL = "SELECT * WHERE { VALUES ?x { \"" + TestRunawayExpressions.EVIL_TEXT + "\" } "
            + "FILTER(regex(?x, \"" + TestRunawayExpressions.EVIL_PATTERN + "\")) }";

    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void startServer() {
        server = start(local().withTimeout(LIMIT)
                .withLimits(Limits.defaults().withClientBudget(0, 0).withMaxConcurrentQueries(8)));
        base = base(server);
    }

    @AfterAll
    static void stopServer() {
        stop(server);
    }

    /** Threads of this JVM that are inside {@code java.util.regex} now. */
    private static List<String> threadsInRegex() {
        List<String> found = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("java.util.regex.Pattern"))) {
                found.add(thread.getName());
            }
        });
        return found;
    }

    /** Waits up to a second for every regular expression to have stopped; the threads still in one. */
    private static List<String> regexThreadsAfterASecond() throws InterruptedException {
        List<String> busy = threadsInRegex();
        for (int i = 0; i < 20 && !busy.isEmpty(); i++) {
            Thread.sleep(50);
            busy = threadsInRegex();
        }
        return busy;
    }

    private static HttpResponse<String> evil(HttpClient client, String agent) throws Exception {
        return send(client, request(base + "/sparql?query=" + encode(EVIL)).header("Accept", JSON)
                .header("User-Agent", agent).GET());
    }

    private static long ping(HttpClient client) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(client, request(base + KgServer.PING_PATH).GET());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), "the health check: " + abbreviate(r.body()));
        return ms;
    }

    @Test
    void catastrophicRegexIs503AtTheTimeLimitAndFreesItsThread() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = evil(newClient(), "regex-alone");
        long elapsed = System.nanoTime() - t0;
        assertEquals(503, r.statusCode(), abbreviate(r.body()));
        assertTrue(r.body().toLowerCase(java.util.Locale.ROOT).contains("timed out"), abbreviate(r.body()));
        assertTrue(elapsed < LIMIT.plusSeconds(1).toNanos(),
                "503 after " + seconds(elapsed) + " s; the limit is " + LIMIT.toSeconds() + " s");
        assertEquals(List.of(), regexThreadsAfterASecond(), "threads still matching after the 503");
        // A pattern of the same shape that matches at once is answered as ever.
        HttpResponse<String> quick = send(newClient(), request(base + "/sparql?query=" + encode(
                "SELECT * WHERE { VALUES ?x { \"aaab\" \"aaa\" } FILTER(regex(?x, \"(.*a){2}$\")) }"))
                .header("Accept", JSON).GET());
        assertEquals(200, quick.statusCode(), abbreviate(quick.body()));
        assertEquals(1, sparqlRows(quick.body()));
    }

    @Test
    void fourAtOnceLeaveTheHealthCheckQuick() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        HttpClient pinger = newClient();
        ping(pinger);
        List<Long> during = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                String agent = "regex-" + i;
                answers.add(pool.submit(() -> evil(newClient(), agent)));
            }
            Thread.sleep(300);
            while (answers.stream().anyMatch(f -> !f.isDone()) && during.size() < 100) {
                during.add(ping(pinger));
                Thread.sleep(100);
            }
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
                assertEquals(503, r.statusCode(), abbreviate(r.body()));
            }
            long elapsed = System.nanoTime() - t0;
            // Four on a machine of fewer cores: a second more than one alone, for the scheduler.
            assertTrue(elapsed < LIMIT.plusSeconds(2).toNanos(), "the four answered after " + seconds(elapsed) + " s");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(!during.isEmpty(), "no health check was sent while the four ran");
        // While they ran, the health check answered (Jetty's threads are not the query slots); on a shared machine
        // one slow answer is the scheduler's, so the middle one is what must be quick.
        List<Long> sorted = during.stream().sorted().toList();
        assertTrue(sorted.get(sorted.size() / 2) < 200, "health check during the four, ms: " + during);
        assertEquals(List.of(), regexThreadsAfterASecond(), "threads still matching after the 503s");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, ping(pinger));
        }
        assertTrue(best < 200, "health check after the four: " + best + " ms");
    }
}
