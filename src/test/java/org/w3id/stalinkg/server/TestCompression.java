package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.http.Versions;

/**
 * Gzip over real HTTP ({@link Compression}): java.net.http does not decompress, so each answer's bytes are the
 * wire's. Large text, scripts and JSON come gzipped with {@code Vary: Accept-Encoding} and an ETag of their own that
 * gets 304, and decompress to the identity answer; dumps and small answers are not compressed; a hostile or
 * refusing {@code Accept-Encoding} gets a sane identity answer.
 */
class TestCompression {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static FusekiServer server;
    private static String base;

    /** A large script from a WebJar (Swagger UI's bundle, about 1.7 MB). */
    private static String script() {
        return "/webjars/swagger-ui/" + Versions.BUILD.swaggerUiVersion() + "/swagger-ui-bundle.js";
    }

    /** A SPARQL query whose JSON results are well over the threshold. */
    private static String sparql() {
        return "/sparql?query=" + URLEncoder.encode("SELECT * WHERE { ?s ?p ?o } LIMIT 200", StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void start() {
        server = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0)).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRIPT", "/api/openapi.json", "/static/site.css", "/", "SPARQL",
        "/doc/policy/collectivization"})
    void largeTextComesGzippedWithVaryAndItsOwnETagAndDecompressesToTheIdentityBytes(String which) throws Exception {
        String path = path(which);
        HttpResponse<byte[]> plain = get(path, null);
        HttpResponse<byte[]> gzipped = get(path, "gzip, deflate, br");
        assertEquals(200, plain.statusCode(), path);
        assertEquals(200, gzipped.statusCode(), path);
        assertTrue(plain.body().length >= Compression.MIN_BYTES, path + ": " + plain.body().length);
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path);
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null), path);
        assertArrayEquals(plain.body(), gunzip(gzipped.body()), path);
        assertTrue(gzipped.body().length < plain.body().length, path);
        assertTrue(vary(gzipped).contains("accept-encoding"), path + ": " + vary(gzipped));
        assertTrue(vary(plain).contains("accept-encoding"), path + ": " + vary(plain));
        String identityTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(identityTag, gzipTag, path);
        assertEquals(identityTag.substring(0, identityTag.length() - 1) + "--gzip\"", gzipTag, path);
        assertEquals(plain.headers().firstValue("Content-Type"), gzipped.headers().firstValue("Content-Type"), path);
    }

    @Test
    void theAnswersOwnVaryIsKeptBesideAcceptEncoding() throws Exception {
        HttpResponse<byte[]> r = get(path("SPARQL"), "gzip");
        assertTrue(vary(r).contains("accept"), vary(r).toString());
        assertTrue(vary(r).contains("accept-encoding"), vary(r).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRIPT", "/api/openapi.json", "SPARQL"})
    void eitherETagGets304(String which) throws Exception {
        String path = path(which);
        String identityTag = get(path, null).headers().firstValue("ETag").orElseThrow();
        String gzipTag = get(path, "gzip").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> gzipRevalidated = send(request(path, "gzip").header("If-None-Match", gzipTag));
        assertEquals(304, gzipRevalidated.statusCode(), path);
        assertEquals(gzipTag, gzipRevalidated.headers().firstValue("ETag").orElse(null), path);
        assertEquals(0, gzipRevalidated.body().length, path);

        HttpResponse<byte[]> identityRevalidated = send(request(path, null).header("If-None-Match", identityTag));
        assertEquals(304, identityRevalidated.statusCode(), path);
        assertEquals(identityTag, identityRevalidated.headers().firstValue("ETag").orElse(null), path);

        // A client that kept the identity answer and now accepts gzip: its validator still names the same content.
        HttpResponse<byte[]> crossed = send(request(path, "gzip").header("If-None-Match", identityTag));
        assertEquals(304, crossed.statusCode(), path);

        HttpResponse<byte[]> other = send(request(path, "gzip").header("If-None-Match", "\"other--gzip\""));
        assertEquals(200, other.statusCode(), path);
        assertEquals("gzip", other.headers().firstValue("Content-Encoding").orElse(null), path);
    }

    @Test
    void aDumpIsNotCompressedAgain() throws Exception {
        HttpResponse<byte[]> plain = get("/dumps/stalin-kg.ttl.gz", null);
        HttpResponse<byte[]> r = get("/dumps/stalin-kg.ttl.gz", "gzip");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), r.headers().toString());
        assertArrayEquals(plain.body(), r.body());
        assertEquals(plain.headers().firstValue("ETag"), r.headers().firstValue("ETag"));
        // The file itself is gzip, sent as it is.
        assertTrue(gunzip(r.body()).length > r.body().length);
    }

    @Test
    void imagesArchivesAndBinariesAreNotCompressedButTextAndRdfAre() {
        org.eclipse.jetty.server.handler.gzip.GzipHandler gzip =
                Compression.install(new org.eclipse.jetty.server.Server());
        for (String type : List.of("image/png", "image/jpeg", "application/gzip", "application/octet-stream",
                "application/zip", "font/woff2")) {
            assertFalse(gzip.isMimeTypeDeflatable(type), type);
        }
        for (String type : List.of("text/html", "text/javascript", "text/css", "application/json",
                "application/sparql-results+json", "text/turtle", "application/ld+json", "application/rdf+xml",
                "application/n-triples", "image/svg+xml")) {
            assertTrue(gzip.isMimeTypeDeflatable(type), type);
        }
    }

    /**
     * Jetty compresses only what is written, so HEAD describes the identity answer whatever the Accept-Encoding:
     * its headers are those of the identity GET (a representation the client may also get), with the Vary.
     */
    @Test
    void headDescribesTheIdentityAnswer() throws Exception {
        HttpResponse<byte[]> get = get(script(), null);
        for (String encoding : new String[] {"gzip", null}) {
            HttpResponse<byte[]> head = send(request(script(), encoding)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
            assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"), encoding);
            assertEquals(get.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"),
                    encoding);
            assertTrue(head.headers().firstValue("Content-Encoding").isEmpty(), encoding);
            assertTrue(vary(head).contains("accept-encoding"), encoding);
        }
    }

    @Test
    void aTinyAnswerIsNotCompressed() throws Exception {
        HttpResponse<byte[]> r = get("/search?text=zzqqxx", "gzip");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().length < Compression.MIN_BYTES, r.body().length + " bytes");
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), r.headers().toString());
        HttpResponse<byte[]> ping = get("/$/ping", "gzip");
        assertTrue(ping.headers().firstValue("Content-Encoding").isEmpty(), ping.headers().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip;q=0", "gzip; q=0.000", "identity", "*;q=0, identity", "br", "compress, x-gzipx",
        ""})
    void anEncodingNotAcceptedGetsTheIdentityAnswer(String acceptEncoding) throws Exception {
        HttpResponse<byte[]> plain = get(script(), null);
        HttpResponse<byte[]> r = get(script(), acceptEncoding.isEmpty() ? null : acceptEncoding);
        assertEquals(200, r.statusCode(), acceptEncoding);
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), acceptEncoding);
        assertArrayEquals(plain.body(), r.body(), acceptEncoding);
        assertEquals(plain.headers().firstValue("ETag"), r.headers().firstValue("ETag"), acceptEncoding);
    }

    @Test
    void aHundredCodingsAreReadSanely() throws Exception {
        String many = IntStream.range(0, 100).mapToObj(i -> "x-coding-" + i + ";q=0." + (i % 10))
                .collect(Collectors.joining(", "));
        HttpResponse<byte[]> plain = get(script(), null);
        HttpResponse<byte[]> none = get(script(), many);
        assertEquals(200, none.statusCode());
        assertTrue(none.headers().firstValue("Content-Encoding").isEmpty());
        assertArrayEquals(plain.body(), none.body());

        HttpResponse<byte[]> withGzip = get(script(), many + ", gzip;q=0.5");
        assertEquals(200, withGzip.statusCode());
        assertEquals("gzip", withGzip.headers().firstValue("Content-Encoding").orElse(null));
        assertArrayEquals(plain.body(), gunzip(withGzip.body()));

        // Garbage in the header is not an error either.
        HttpResponse<byte[]> garbage = get(script(), ";;;,,,q=,=,gzip;q=abc;;, \"\"\"");
        assertEquals(200, garbage.statusCode());
        byte[] body = "gzip".equals(garbage.headers().firstValue("Content-Encoding").orElse(null))
                ? gunzip(garbage.body()) : garbage.body();
        assertArrayEquals(plain.body(), body);
    }

    private static String path(String which) {
        return switch (which) {
            case "SCRIPT" -> script();
            case "SPARQL" -> sparql();
            default -> which;
        };
    }

    private static List<String> vary(HttpResponse<?> r) {
        return r.headers().allValues("Vary").stream().flatMap(v -> List.of(v.split(",")).stream())
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder request(String path, String acceptEncoding) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        return b;
    }

    private static HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        return send(request(path, acceptEncoding));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), BodyHandlers.ofByteArray());
    }
}
