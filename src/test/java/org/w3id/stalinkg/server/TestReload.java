package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.ProjectFiles;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Reloads through the loopback admin port while clients query: 50 reloads, every other one with a broken file.
 * A good reload swaps in the new data; a broken one is refused naming the file and line, and the old data stays;
 * no client sees an error, and every answer comes wholly from one version of the data.
 */
class TestReload {

    private static final String MARKER = "<urn:stalin-kg:test:marker> <urn:stalin-kg:test:version> \"%s\" .\n";
    private static final String QUERY = "SELECT ?v (COUNT(*) AS ?n) WHERE { <urn:stalin-kg:test:marker> "
            + "<urn:stalin-kg:test:version> ?v . ?s ?p ?o } GROUP BY ?v";

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Version A holds one marker triple, version B two, so the triple count tells them apart too. */
    private void writeVersion(Path root, String v) throws Exception {
        String extra = v.equals("B") ? "<urn:stalin-kg:test:marker> <urn:stalin-kg:test:extra> \"B\" .\n" : "";
        Files.writeString(root.resolve("data/zz-marker.ttl"), String.format(MARKER, v) + extra);
    }

    @Test
    void fiftyReloadsUnderLoadHalfBrokenWithNoClientError() throws Exception {
        Path root = ProjectFiles.copyProjectTo(tmp);
        Supplier<ServedData> loader = () -> new ServedData(KnowledgeGraphLoader.forProject(root).load(),
                CannedQueries.load(root.resolve("queries")));
        writeVersion(root, "B");
        long countB = loader.get().graph().size();
        writeVersion(root, "A");
        DataHolder holder = new DataHolder(loader.get());
        long countA = holder.current().graph().size();
        Map<String, Long> versions = Map.of("A", countA, "B", countB);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FusekiServer server = KgServer.build(holder, ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withClientBudget(0, 0)), metrics).start();
        AdminServer admin = new AdminServer(0, holder, loader, metrics).start();
        String base = "http://127.0.0.1:" + server.getHttpPort();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answers = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/sparql?query="
                                + URLEncoder.encode(QUERY, StandardCharsets.UTF_8)))
                                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30))
                                .build(), BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            problems.add(r.statusCode() + " " + r.body());
                            continue;
                        }
                        JsonArray rows = JsonParser.parseString(r.body()).getAsJsonObject()
                                .getAsJsonObject("results").getAsJsonArray("bindings");
                        JsonObject row = rows.get(0).getAsJsonObject();
                        String v = row.getAsJsonObject("v").get("value").getAsString();
                        long n = row.getAsJsonObject("n").get("value").getAsLong();
                        if (rows.size() != 1 || versions.get(v) != n) {
                            problems.add("mixed answer: version " + v + " with " + n + " triples");
                        }
                        answers.incrementAndGet();
                        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/goals?format=json")).timeout(Duration.ofSeconds(30)).build(),
                                BodyHandlers.ofString());
                        if (api.statusCode() != 200) {
                            problems.add("api " + api.statusCode());
                        }
                    } catch (Exception ex) {
                        problems.add(ex.toString());
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        try {
            for (int i = 0; i < 50; i++) {
                boolean broken = i % 2 == 1;
                if (broken) {
                    Files.writeString(root.resolve("data/zz-broken.ttl"), "@prefix : <http://example.org/> .\n:a :b :c\n");
                } else {
                    Files.deleteIfExists(root.resolve("data/zz-broken.ttl"));
                    writeVersion(root, i % 4 == 0 ? "B" : "A");
                }
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + admin.port() + "/reload")).POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
                if (broken) {
                    assertEquals(400, r.statusCode(), r.body());
                    assertTrue(r.body().contains("zz-broken.ttl:3:"), r.body());
                } else {
                    assertEquals(200, r.statusCode(), r.body());
                }
            }
        } finally {
            running.set(false);
            for (Thread t : clients) {
                t.join(60_000);
            }
            admin.stop();
            server.stop();
        }
        assertTrue(problems.isEmpty(), problems.size() + " client problem(s): " + problems.stream().limit(5).toList());
        assertTrue(answers.get() > 50, "answers during the reloads: " + answers.get());
        // The last good reload (i = 48) wrote version B; the broken one after it was refused.
        assertEquals(countB, holder.current().graph().size());
    }

    @Test
    void metricsArePublishedOnTheAdminPortOnly() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DataHolder holder = new DataHolder(new ServedData(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries()));
        FusekiServer server = KgServer.build(holder, ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                metrics).start();
        AdminServer admin = new AdminServer(0, holder, holder::current, metrics).start();
        try {
            String base = "http://127.0.0.1:" + server.getHttpPort();
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/goals")).build(), BodyHandlers.ofString());
            // The access log records a request after its answer has gone: poll briefly.
            HttpResponse<String> m = null;
            for (int i = 0; i < 40 && (m == null || !m.body().contains("stalinkg_http_requests")); i++) {
                if (m != null) {
                    Thread.sleep(50);
                }
                m = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/metrics"))
                        .build(), BodyHandlers.ofString());
            }
            assertEquals(200, m.statusCode());
            assertTrue(m.body().contains("stalinkg_http_requests") && m.body().contains("stalinkg_queries"), m.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    BodyHandlers.ofString()).statusCode());
            // The public port is read-only: a POST to /reload is refused as a write, not routed anywhere.
            HttpResponse<String> reload = http.send(HttpRequest.newBuilder(URI.create(base + "/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
            assertEquals(405, reload.statusCode());
            assertTrue(reload.body().contains("read-only"), reload.body());
        } finally {
            admin.stop();
            server.stop();
        }
    }
}
