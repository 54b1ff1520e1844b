package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
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

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.ProjectFiles;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The answer caches: a repeated SPARQL request is answered from memory with the same bytes, per format, for GET and
 * both kinds of POST; errors, over-large answers and {@code Cache-Control: no-cache} requests are evaluated every
 * time; a reload with other data is never answered from the old data's answers. Linked-data documents likewise,
 * per format, language and host.
 */
class TestAnswerCache {

    private static final String JSON = "application/sparql-results+json";
    private static final String FACTS = "SELECT ?p ?o WHERE { <https://w3id.org/stalin-kg/id/policy/great-purge> ?p ?o } "
            + "ORDER BY ?p ?o";

    private static FusekiServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(), settings()).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static ServerSettings settings() {
        return ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withClientBudget(0, 0));
    }

    @Test
    void aRepeatedGetIsAnsweredFromMemoryWithTheSameBytesAndETag() throws Exception {
        String query = FACTS + " # get " + System.nanoTime();
        HttpResponse<byte[]> first = get(query, JSON);
        HttpResponse<byte[]> second = get(query, JSON);
        assertEquals(200, first.statusCode());
        assertEquals("miss", header(first, "X-Cache"));
        assertEquals("hit", header(second, "X-Cache"));
        assertArrayEquals(first.body(), second.body());
        assertEquals(header(first, "ETag"), header(second, "ETag"));
        assertEquals(header(first, "Content-Type"), header(second, "Content-Type"));
        assertEquals(String.valueOf(first.body().length), header(second, "Content-Length"));
        assertEquals(header(first, "Cache-Control"), header(second, "Cache-Control"));
        assertTrue(rows(second.body()) > 10, "the answer is a real result set");
    }

    @Test
    void ifNoneMatchGets304() throws Exception {
        String query = FACTS + " # etag " + System.nanoTime();
        String etag = header(get(query, JSON), "ETag");
        HttpResponse<byte[]> again = send(HttpRequest.newBuilder(uri(query)).header("Accept", JSON)
                .header("If-None-Match", etag).GET());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> other = send(HttpRequest.newBuilder(uri(query)).header("Accept", JSON)
                .header("If-None-Match", "\"not-it\"").GET());
        assertEquals(200, other.statusCode());
    }

    @Test
    void eachFormatIsKeptApart() throws Exception {
        String query = FACTS + " # formats " + System.nanoTime();
        HttpResponse<byte[]> json = get(query, JSON);
        HttpResponse<byte[]> csv = get(query, "text/csv");
        assertEquals("miss", header(csv, "X-Cache"));
        assertTrue(header(csv, "Content-Type").startsWith("text/csv"));
        assertEquals("hit", header(get(query, "text/csv"), "X-Cache"));
        assertNotEquals(header(json, "ETag"), header(csv, "ETag"));
    }

    @Test
    void postedQueriesAreKeptByTheirBody() throws Exception {
        String query = FACTS + " # post " + System.nanoTime();
        HttpRequest.Builder direct = HttpRequest.newBuilder(URI.create(base + "/sparql")).header("Accept", JSON)
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(query));
        HttpResponse<byte[]> first = send(direct);
        HttpResponse<byte[]> second = send(HttpRequest.newBuilder(URI.create(base + "/sparql")).header("Accept", JSON)
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(query)));
        assertEquals(200, second.statusCode());
        assertEquals("miss", header(first, "X-Cache"));
        assertEquals("hit", header(second, "X-Cache"));
        assertArrayEquals(first.body(), second.body());
        String form = "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<byte[]> byForm = send(HttpRequest.newBuilder(URI.create(base + "/sparql")).header("Accept", JSON)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, byForm.statusCode());
        assertEquals("miss", header(byForm, "X-Cache"), "a form is another request than a query body");
        assertArrayEquals(first.body(), byForm.body());
        HttpResponse<byte[]> byFormAgain = send(HttpRequest.newBuilder(URI.create(base + "/sparql")).header("Accept", JSON)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals("hit", header(byFormAgain, "X-Cache"));
    }

    @Test
    void errorsAreNeverKept() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> bad = get("SELECT * WHERE { ?s ?p }", JSON);
            assertEquals(400, bad.statusCode());
            assertFalse(bad.headers().firstValue("X-Cache").isPresent());
            assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("Encountered"), "the parser's message");
        }
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> refused = get("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }", JSON);
            assertEquals(422, refused.statusCode());
            assertFalse(refused.headers().firstValue("X-Cache").isPresent());
        }
    }

    @Test
    void noCacheAsksForAFreshEvaluation() throws Exception {
        String query = FACTS + " # fresh " + System.nanoTime();
        get(query, JSON);
        HttpResponse<byte[]> fresh = send(HttpRequest.newBuilder(uri(query)).header("Accept", JSON)
                .header("Cache-Control", "no-cache").GET());
        assertEquals(200, fresh.statusCode());
        assertEquals("miss", header(fresh, "X-Cache"));
    }

    @Test
    void anAnswerLargerThanAQuarterOfTheCachePassesThroughWhole() throws Exception {
        // A 4 MiB cache keeps answers up to 1 MiB.
        FusekiServer own = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(),
                settings().withAnswerCacheBytes(4L * 1024 * 1024)).start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + own.getHttpPort() + "/sparql?query=" + URLEncoder.encode(
                    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 7000", StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", JSON).build();
            HttpResponse<byte[]> first = HTTP.send(request, BodyHandlers.ofByteArray());
            HttpResponse<byte[]> second = HTTP.send(request, BodyHandlers.ofByteArray());
            assertTrue(first.body().length > 1024 * 1024, "the test needs an answer over 1 MiB");
            assertFalse(second.headers().firstValue("X-Cache").isPresent(), "not kept");
            assertEquals(7000, rows(first.body()));
            assertArrayEquals(first.body(), second.body());
            // The default cache (16 MiB) keeps it.
            URI big = URI.create(base + "/sparql?query=" + URLEncoder.encode(
                    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 7001", StandardCharsets.UTF_8));
            get(big);
            assertEquals("hit", header(get(big), "X-Cache"));
        } finally {
            own.stop();
        }
    }

    @Test
    void filesFromTheJarAndThePingAreNotKept() throws Exception {
        for (String path : new String[] {"/static/site.css", "/$/ping"}) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            assertEquals(200, r.statusCode(), path);
            assertFalse(r.headers().firstValue("X-Cache").isPresent(), path);
        }
        // The service description names no host any more, so it is kept like any answer.
        send(HttpRequest.newBuilder(URI.create(base + "/sparql")).header("Accept", "text/turtle").GET());
        HttpResponse<byte[]> description = send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
                .header("Accept", "text/turtle").GET());
        assertEquals("hit", description.headers().firstValue("X-Cache").orElse(""));
    }

    @Test
    void aReloadWithOtherDataIsNotAnsweredFromTheOldAnswers(@TempDir Path tmp) throws Exception {
        Path root = ProjectFiles.copyProjectTo(tmp);
        DataHolder holder = new DataHolder(load(root));
        FusekiServer own = KgServer.build(holder, settings(), new SimpleMeterRegistry()).start();
        try {
            String url = "http://127.0.0.1:" + own.getHttpPort() + "/sparql?query="
                    + URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", JSON).build();
            long before = count(HTTP.send(request, BodyHandlers.ofByteArray()).body());
            assertEquals("hit", HTTP.send(request, BodyHandlers.ofByteArray()).headers().firstValue("X-Cache").get());
            Files.writeString(root.resolve("data/zz-extra.ttl"), "<urn:stalin-kg:test:s> <urn:stalin-kg:test:p> \"one more\" .\n");
            holder.reload(() -> load(root));
            HttpResponse<byte[]> after = HTTP.send(request, BodyHandlers.ofByteArray());
            assertEquals("miss", after.headers().firstValue("X-Cache").get());
            assertEquals(before + 1, count(after.body()));
        } finally {
            own.stop();
        }
    }

    @Test
    void aSizeOfZeroKeepsNothing() throws Exception {
        FusekiServer own = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(),
                settings().withAnswerCacheBytes(0)).start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + own.getHttpPort() + "/sparql?query="
                    + URLEncoder.encode(FACTS, StandardCharsets.UTF_8));
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", JSON).build(),
                        BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode());
                assertFalse(r.headers().firstValue("X-Cache").isPresent());
            }
        } finally {
            own.stop();
        }
    }

    @Test
    void aRepeatedDocumentIsSentAgainWithTheSameHeaders() throws Exception {
        URI page = URI.create(base + "/doc/policy/great-purge");
        HttpRequest request = HttpRequest.newBuilder(page).header("Accept", "text/html")
                .header("Accept-Language", "en").build();
        HttpResponse<byte[]> first = HTTP.send(request, BodyHandlers.ofByteArray());
        HttpResponse<byte[]> second = HTTP.send(request, BodyHandlers.ofByteArray());
        assertEquals(200, first.statusCode());
        assertEquals("hit", header(second, "X-Cache"));
        assertArrayEquals(first.body(), second.body());
        for (String h : new String[] {"ETag", "Content-Type", "Content-Language", "Vary", "Link", "Cache-Control"}) {
            assertEquals(header(first, h), header(second, h), h);
            assertFalse(header(second, h).isEmpty(), h);
        }
        HttpResponse<byte[]> notModified = HTTP.send(HttpRequest.newBuilder(page).header("Accept", "text/html")
                .header("Accept-Language", "en").header("If-None-Match", header(first, "ETag")).build(),
                BodyHandlers.ofByteArray());
        assertEquals(304, notModified.statusCode());
    }

    @Test
    void documentsAreKeptPerLanguageAndFormatAndAreTheSameOnEveryHost() throws Exception {
        String path = "/doc/outcome/holodomor";
        HttpResponse<byte[]> en = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html").header("Accept-Language", "en").build(), BodyHandlers.ofByteArray());
        HttpResponse<byte[]> ru = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html").header("Accept-Language", "ru").build(), BodyHandlers.ofByteArray());
        assertEquals("ru", header(ru, "Content-Language"));
        assertFalse(java.util.Arrays.equals(en.body(), ru.body()));
        HttpResponse<byte[]> turtle = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/turtle").build(), BodyHandlers.ofByteArray());
        assertTrue(header(turtle, "Content-Type").startsWith("text/turtle"));
        // The same document through another host name is the same document: names never follow the Host.
        String other = "http://localhost:" + server.getHttpPort();
        HttpResponse<byte[]> viaLocalhost = HTTP.send(HttpRequest.newBuilder(URI.create(other + path))
                .header("Accept", "text/turtle").build(), BodyHandlers.ofByteArray());
        assertEquals(200, viaLocalhost.statusCode());
        assertArrayEquals(turtle.body(), viaLocalhost.body());
        assertFalse(new String(viaLocalhost.body(), StandardCharsets.UTF_8).contains(other));
    }

    @Test
    void anUnknownThingIsNotKept() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/doc/policy/no-such-thing"))
                    .header("Accept", "text/turtle").build(), BodyHandlers.ofByteArray());
            assertEquals(404, r.statusCode());
            assertFalse(r.headers().firstValue("X-Cache").isPresent());
        }
    }

    private static ServedData load(Path root) {
        return new ServedData(KnowledgeGraphLoader.forProject(root).load(), CannedQueries.load(root.resolve("queries")));
    }

    private static URI uri(String query) {
        return URI.create(base + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Accept", JSON).GET());
    }

    private static HttpResponse<byte[]> get(String query, String accept) throws Exception {
        return send(HttpRequest.newBuilder(uri(query)).header("Accept", accept).GET());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    private static int rows(byte[] json) {
        ResultSet rs = ResultSetFactory.fromJSON(new ByteArrayInputStream(json));
        int n = 0;
        while (rs.hasNext()) {
            rs.next();
            n++;
        }
        return n;
    }

    private static long count(byte[] json) {
        return ResultSetFactory.fromJSON(new ByteArrayInputStream(json)).next().getLiteral("n").getLong();
    }
}
