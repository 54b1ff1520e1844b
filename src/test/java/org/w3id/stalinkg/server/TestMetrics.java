package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.stalinkg.graph.ProjectFiles;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The admin port's {@code /metrics}, scraped over real HTTP after real requests: every family has HELP text, the
 * JVM's and the process's figures are there, each endpoint has its latency histogram (by endpoint name, never by
 * path), and the answer cache's hit counters move when an answer is sent again.
 */
class TestMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final String QUERY = "/sparql?query=" + URLEncoder.encode(
            "SELECT ?s WHERE { ?s a <https://w3id.org/stalin-kg/ontology#Policy> } LIMIT 3", StandardCharsets.UTF_8);

    private static FusekiServer server;
    private static AdminServer admin;
    private static String base;

    @BeforeAll
    static void start() {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DataHolder holder = new DataHolder(new ServedData(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries()));
        server = KgServer.build(holder, ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withClientBudget(0, 0)), metrics).start();
        admin = new AdminServer(0, holder, holder::current, metrics).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.stop();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static int get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), BodyHandlers.discarding())
                .statusCode();
    }

    private static String scrape() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/metrics")).build(),
                BodyHandlers.ofString()).body();
    }

    /** A scrape once it holds {@code wanted}: requests are recorded once their answer has gone (at most 10 s). */
    private static String scrapeHolding(String wanted) throws Exception {
        String text = scrape();
        for (int i = 0; i < 200 && !text.contains(wanted); i++) {
            Thread.sleep(50);
            text = scrape();
        }
        assertTrue(text.contains(wanted), "no " + wanted + " in\n" + text);
        return text;
    }

    /** The value of the one sample whose line starts with {@code series} (name and labels), 0 if there is none. */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(series.length() + 1).trim().split(" ")[0])).findFirst().orElse(0);
    }

    @Test
    void everyFamilyHasHelpTextAndTheJvmAndEveryEndpointAreMeasured() throws Exception {
        for (String path : List.of(QUERY, "/api/goals", "/doc/policy/collectivization", "/", "/static/site.css",
                "/dumps/", "/$/ping", "/no/such/thing-" + System.nanoTime())) {
            assertTrue(get(path) < 500, path);
        }
        String text = scrapeHolding("stalinkg_http_latency_seconds_bucket{endpoint=\"other\"");
        List<String> problems = new ArrayList<>();
        Set<String> families = new TreeSet<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("# TYPE ")) {
                String family = line.split(" ")[2];
                families.add(family);
                Matcher help = Pattern.compile("^# HELP " + Pattern.quote(family) + " (.*)$", Pattern.MULTILINE)
                        .matcher(text);
                if (!help.find() || help.group(1).isBlank()) {
                    problems.add(family + ": no HELP text");
                }
            } else if (line.startsWith("# HELP ") && line.split(" ", 4).length < 4) {
                problems.add("empty: " + line);
            }
        }
        assertTrue(problems.isEmpty(), problems + "\n" + text);
        for (String family : List.of("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "system_cpu_count", "process_uptime_seconds",
                "process_files_open_files", "stalinkg_query_slots_free", "stalinkg_queries_seconds",
                "stalinkg_http_requests_seconds", "stalinkg_http_latency_seconds", "cache_gets",
                "stalinkg_answer_cache_hits")) {
            assertTrue(families.stream().anyMatch(f -> f.equals(family) || f.equals(family + "_total")),
                    family + " missing from " + families);
        }
        Matcher endpoints = Pattern.compile("endpoint=\"([^\"]*)\"").matcher(text);
        Set<String> named = new TreeSet<>();
        while (endpoints.find()) {
            named.add(endpoints.group(1));
        }
        assertEquals(new TreeSet<>(List.of("sparql", "api", "linkeddata", "pages", "static", "dumps", "other")), named,
                "endpoints by name, never by path");
        assertTrue(text.lines().filter(l -> l.startsWith("stalinkg_http_latency_seconds_bucket{endpoint=\"sparql\""))
                .count() > 10, "a histogram of buckets for /sparql");
        assertTrue(value(text, "stalinkg_http_latency_seconds_count{endpoint=\"sparql\"}") >= 1, text);
        assertFalse(text.contains("/doc/policy"), "no path in the metrics");
    }

    @Test
    void theAnswerCachesHitCountersMoveWhenAnAnswerIsSentAgain() throws Exception {
        String hits = "cache_gets_total{cache=\"answers\",result=\"hit\"}";
        String sparqlHits = "stalinkg_answer_cache_hits_total{for=\"sparql\"}";
        String path = QUERY + "&n=" + System.nanoTime();
        assertEquals(200, get(path));
        String before = scrapeHolding("cache_gets_total{cache=\"answers\",result=\"miss\"}");
        assertEquals(200, get(path));
        assertEquals(200, get(path));
        String after = scrape();
        assertEquals(value(before, hits) + 2, value(after, hits), after);
        assertEquals(value(before, sparqlHits) + 2, value(after, sparqlHits), after);
    }
}
