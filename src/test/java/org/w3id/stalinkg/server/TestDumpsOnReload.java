package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.DigestLib;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.ProjectFiles;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The dumps across reloads through the admin port: a reload of the same files keeps every checksum (the bytes depend
 * on the data only), a reload with a statement more changes every one, and the description and the files served
 * then agree on the new ones; a download resumed with the old ETag gets the new file whole.
 */
class TestDumpsOnReload {

    private static final String DUMPS = "https://w3id.org/stalin-kg/dumps/";

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void checksumsHoldForTheSameDataAndChangeWithIt() throws Exception {
        Path root = ProjectFiles.copyProjectTo(tmp);
        Supplier<ServedData> loader = () -> new ServedData(KnowledgeGraphLoader.forProject(root).load(),
                CannedQueries.load(root.resolve("queries")));
        DataHolder holder = new DataHolder(loader.get());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FusekiServer server = KgServer.build(holder, ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                metrics).start();
        AdminServer admin = new AdminServer(0, holder, loader, metrics).start();
        String base = "http://127.0.0.1:" + server.getHttpPort();
        try {
            Map<String, String[]> before = TestDumpDownloads.describedDumps(base);
            String oldEtag = get(base + "/dumps/stalin-kg.nq.gz", null).headers().firstValue("ETag").orElseThrow();

            reload(admin);
            Map<String, String[]> same = TestDumpDownloads.describedDumps(base);
            for (String dump : before.keySet()) {
                assertEquals(before.get(dump)[2], same.get(dump)[2], "the same files, the same bytes: " + dump);
            }

            Files.writeString(root.resolve("data/zz-marker.ttl"),
                    "<urn:stalin-kg:test:marker> <urn:stalin-kg:test:version> \"B\" .\n");
            reload(admin);
            Map<String, String[]> after = TestDumpDownloads.describedDumps(base);
            assertEquals(before.keySet(), after.keySet());
            for (String dump : after.keySet()) {
                assertNotEquals(before.get(dump)[2], after.get(dump)[2], "a statement more: " + dump);
                HttpResponse<byte[]> file = get(base + "/dumps/" + dump.substring(DUMPS.length()), null);
                assertEquals(200, file.statusCode(), dump);
                assertEquals(after.get(dump)[2], DigestLib.sha256Hex(file.body()), "served as described: " + dump);
                assertEquals(Long.parseLong(after.get(dump)[1]), file.body().length, dump);
            }
            byte[] nquads = get(base + "/dumps/stalin-kg.nq.gz", null).body();
            assertTrue(gunzip(nquads).contains("<urn:stalin-kg:test:marker> <urn:stalin-kg:test:version> \"B\" "
                    + "<https://w3id.org/stalin-kg/graph/asserted> ."), "the new statement, in the asserted graph");
            // A download begun before the reload, resumed with the old ETag, gets the new file whole.
            HttpResponse<byte[]> resumed = get(base + "/dumps/stalin-kg.nq.gz", oldEtag);
            assertEquals(200, resumed.statusCode());
            assertArrayEquals(nquads, resumed.body());
        } finally {
            admin.stop();
            server.stop();
        }
    }

    private void reload(AdminServer admin) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port()
                + "/reload")).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(300)).build(),
                BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    /** GET {@code url}; with {@code ifRange}, the second half of the file on that condition. */
    private HttpResponse<byte[]> get(String url, String ifRange) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (ifRange != null) {
            b.header("Range", "bytes=1000-").header("If-Range", ifRange);
        }
        return http.send(b.build(), BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
