package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * The readiness check, {@code /$/ready}, through a real reload on the admin port. The reload is held in progress
 * without any timing and without a hook in the server: one of the project's canned-query files is a named pipe
 * (FIFO), which the loader reads like any file and which gives its text only when the test writes it, as a slow
 * disk or network share would. While the reload waits there, {@code /$/ready} is 503 and the old data is still
 * served; once the test writes the file, the reload finishes (with the new query) and {@code /$/ready} is 200.
 */
class TestReadiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                BodyHandlers.ofString());
    }

    /** Makes {@code fifo} a named pipe, or skips the test where there is no {@code mkfifo} (not a POSIX system). */
    private static void mkfifo(Path fifo) throws InterruptedException {
        int exit;
        try {
            exit = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        } catch (IOException ex) {
            exit = -1;
        }
        assumeTrue(exit == 0, "skipped: no mkfifo here to hold a reload in progress");
    }

    @Test
    void readyIs503WhileAReloadLoadsAnd200BeforeAndAfterWhilePingAndQueriesAnswerThroughout() throws Exception {
        Path root = ProjectFiles.copyProjectTo(tmp);
        Supplier<ServedData> loader = () -> new ServedData(KnowledgeGraphLoader.forProject(root).load(),
                CannedQueries.load(root.resolve("queries")));
        DataHolder holder = new DataHolder(loader.get());
        FusekiServer server = KgServer.build(holder, ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).start();
        AdminServer admin = new AdminServer(0, holder, loader,
                new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT)).start();
        String base = "http://127.0.0.1:" + server.getHttpPort();
        Path held = root.resolve("queries/zz-held.rq");
        String heldQuery = Files.readString(root.resolve("queries/goals.rq"));
        AtomicBoolean written = new AtomicBoolean();
        try {
            HttpResponse<String> ready = get(base + "/$/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals("ready", ready.body().strip());
            assertEquals(404, get(base + "/api/zz-held").statusCode());

            mkfifo(held);
            CompletableFuture<HttpResponse<String>> reload = HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + admin.port() + "/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
            // The reload cannot finish before the pipe is written, so it is seen loading however long it takes to
            // get there (at most 60 s, so that a broken reload fails the test instead of hanging it).
            HttpResponse<String> notReady = get(base + "/$/ready");
            for (int i = 0; i < 600 && notReady.statusCode() == 200 && !reload.isDone(); i++) {
                Thread.sleep(100);
                notReady = get(base + "/$/ready");
            }
            assertEquals(503, notReady.statusCode(), notReady.body());
            assertTrue(notReady.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(notReady.body().contains("reload"), notReady.body());
            assertTrue(notReady.headers().firstValue("Retry-After").isPresent());
            assertEquals("no-store", notReady.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(503, get(base + "/$/ready").statusCode(), "still loading: not ready");
            assertEquals(200, get(base + "/$/ping").statusCode(), "alive while loading");
            assertEquals(200, get(base + "/sparql?query=" + URLEncoder.encode("ASK { ?s ?p ?o }",
                    StandardCharsets.UTF_8)).statusCode(), "the old data is served while loading");
            assertFalse(reload.isDone(), "the reload waits for the held file");

            Files.writeString(held, heldQuery);   // blocks until the loader opens the pipe; then it reads this
            written.set(true);
            HttpResponse<String> done = reload.get(60, TimeUnit.SECONDS);
            assertEquals(200, done.statusCode(), done.body());
            assertEquals(200, get(base + "/$/ready").statusCode(), "ready again once the reload is done");
            assertEquals(200, get(base + "/api/zz-held").statusCode(), "the held file was read by the reload");
        } finally {
            if (!written.get() && Files.exists(held)) {
                // Let a loader still waiting on the pipe go (it then refuses the empty query), so the server stops.
                Thread release = new Thread(() -> {
                    try {
                        Files.writeString(held, "");
                    } catch (IOException ex) {
                        // nobody reading: nothing to release
                    }
                });
                release.setDaemon(true);
                release.start();
            }
            admin.stop();
            server.stop();
        }
    }
}
