package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.FastPathExecutor;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.ProjectFiles;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The served endpoint uses the fast paths ({@link FastPathExecutor}), and they answer from the data being served: after
 * a reload, the new data's count, range and label matches (the first COUNT fast path answered from the data as it was
 * before a reload).
 */
class TestFastPathsServed {

    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    private static final String RANGE = "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?s WHERE { ?s ?p ?y "
            + "FILTER(?y >= 777777 && ?y <= 777778) } } }";
    private static final String RANGE_ROWS = "SELECT ?s WHERE { ?s ?p ?y FILTER(?y >= 777777 && ?y <= 777778) }";
    private static final String TEXT_ROWS = "SELECT ?s WHERE { ?s ?p ?l FILTER(CONTAINS(LCASE(STR(?l)), \"zqxmarker\")) }";

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fastPathsAnswerFromTheDataServedAfterAReload() throws Exception {
        Path root = ProjectFiles.copyProjectTo(tmp);
        Supplier<ServedData> loader = () -> new ServedData(KnowledgeGraphLoader.forProject(root).load(),
                CannedQueries.load(root.resolve("queries")));
        DataHolder holder = new DataHolder(loader.get());
        long before = holder.current().graph().size();
        FusekiServer server = KgServer.build(holder, ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
        AdminServer admin = new AdminServer(0, holder, loader, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .start();
        try {
            String base = "http://127.0.0.1:" + server.getHttpPort();
            long uses = FastPathExecutor.uses();
            assertTrue(ask(base, COUNT).contains("\n" + before + "\r"), ask(base, COUNT));
            assertTrue(FastPathExecutor.uses() > uses, "the served endpoint did not use the fast path");
            assertEquals("s\r\n", ask(base, RANGE_ROWS));
            assertEquals("s\r\n", ask(base, TEXT_ROWS));

            Files.writeString(root.resolve("data/zz-marker.ttl"), "<urn:stalin-kg:test:m> "
                    + "<urn:stalin-kg:test:n> 777777 .\n<urn:stalin-kg:test:m> <urn:stalin-kg:test:l> \"ZqxMarker\" .\n");
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port()
                    + "/reload")).POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString())
                    .statusCode());
            long after = holder.current().graph().size();
            assertTrue(after > before);
            assertTrue(ask(base, COUNT).contains("\n" + after + "\r"), ask(base, COUNT));
            assertEquals("s\r\nurn:stalin-kg:test:m\r\n", ask(base, RANGE_ROWS));
            assertEquals("s\r\nurn:stalin-kg:test:m\r\n", ask(base, TEXT_ROWS));
            assertTrue(ask(base, RANGE).contains("\n1\r"), ask(base, RANGE));
        } finally {
            admin.stop();
            server.stop();
        }
    }

    private String ask(String base, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/sparql?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv")
                .header("Cache-Control", "no-cache").build(), BodyHandlers.ofString()).body();
    }
}
