package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.stalinkg.graph.DigestLib;
import org.w3id.stalinkg.graph.DumpLib;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * The dumps as a client downloads them from the whole server (compression, the answer cache and every filter in
 * front): the VoID/DCAT description lists each with its media type, byte size and SHA-256, which match the bytes
 * served; and a download can be resumed, with range requests.
 */
class TestDumpDownloads {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SPDX = "http://spdx.org/rdf/terms#";

    private static FusekiServer server;
    private static String base;

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

    /** What the description says of each dump: download URL to {media type, byte size, SHA-256}. */
    static Map<String, String[]> describedDumps(String base) throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + "/.well-known/void"))
                .header("Accept", "text/turtle"));
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.TURTLE).parse(m);
        Map<String, String[]> dumps = new LinkedHashMap<>();
        for (Resource d : m.listSubjectsWithProperty(RDF.type, DCAT.Distribution).toList()) {
            Statement size = d.getProperty(DCAT.byteSize);
            Resource checksum = d.getPropertyResourceValue(m.createProperty(SPDX + "checksum"));
            assertNotNull(size, d.toString());
            assertNotNull(checksum, d.toString());
            assertEquals(XSD.nonNegativeInteger.getURI(), size.getLiteral().getDatatypeURI());
            assertEquals(SPDX + "Checksum", checksum.getPropertyResourceValue(RDF.type).getURI());
            assertEquals(SPDX + "checksumAlgorithm_sha256",
                    checksum.getPropertyResourceValue(m.createProperty(SPDX + "algorithm")).getURI());
            Statement value = checksum.getProperty(m.createProperty(SPDX + "checksumValue"));
            assertEquals(XSD.hexBinary.getURI(), value.getLiteral().getDatatypeURI());
            dumps.put(d.getPropertyResourceValue(DCAT.downloadURL).getURI(), new String[] {
                d.getPropertyResourceValue(DCAT.mediaType).getURI(), size.getLiteral().getLexicalForm(),
                value.getLiteral().getLexicalForm()});
        }
        return dumps;
    }

    @Test
    void voidListsEveryDumpWithTheSizeAndChecksumOfTheBytesServed() throws Exception {
        Map<String, String[]> described = describedDumps(base);
        assertEquals(DumpLib.FORMATS.size(), described.size(), described.keySet().toString());
        for (DumpLib.Format f : DumpLib.FORMATS) {
            // The description names the canonical IRIs (the data's base); the file is fetched from this server.
            String[] d = described.get("https://w3id.org/stalin-kg/dumps/" + f.fileName());
            assertNotNull(d, f.fileName() + " in " + described.keySet());
            assertEquals("https://www.iana.org/assignments/media-types/" + f.mediaType(), d[0]);
            HttpResponse<byte[]> r = get("/dumps/" + f.fileName(), null);
            assertEquals(200, r.statusCode());
            assertEquals(Long.parseLong(d[1]), r.body().length, f.fileName());
            assertEquals(d[1], r.headers().firstValue("Content-Length").orElse(null), f.fileName());
            assertEquals(d[2], DigestLib.sha256Hex(r.body()), f.fileName());
            assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(null), f.fileName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stalin-kg.trig.gz", "stalin-kg.nq.gz", "stalin-kg.ttl.gz"})
    void aDumpIsSentAsItIsEvenToAClientThatAcceptsGzip(String name) throws Exception {
        HttpResponse<byte[]> plain = get("/dumps/" + name, null);
        HttpResponse<byte[]> r = send(request("/dumps/" + name).header("Accept-Encoding", "gzip"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), r.headers().toString());
        assertArrayEquals(plain.body(), r.body());
        HttpResponse<byte[]> part = send(request("/dumps/" + name).header("Accept-Encoding", "gzip")
                .header("Range", "bytes=0-99"));
        assertEquals(206, part.statusCode());
        assertTrue(part.headers().firstValue("Content-Encoding").isEmpty(), part.headers().toString());
        assertArrayEquals(Arrays.copyOf(plain.body(), 100), part.body());
    }

    @Test
    void rangesGiveTheFirstBytesAMiddleSliceAndTheLastBytes() throws Exception {
        byte[] whole = get("/dumps/stalin-kg.nq.gz", null).body();
        int n = whole.length;
        assertPart("bytes=0-99", whole, 0, 99);
        assertPart("bytes=" + (n / 2) + "-" + (n / 2 + 999), whole, n / 2, n / 2 + 999);
        assertPart("bytes=-100", whole, n - 100, n - 1);
        assertPart("bytes=" + (n - 10) + "-", whole, n - 10, n - 1);
        assertPart("bytes=" + (n - 10) + "-" + (n + 5000), whole, n - 10, n - 1);
    }

    @Test
    void aDownloadResumedWhereItStoppedGivesTheWholeFile() throws Exception {
        HttpResponse<byte[]> first = send(request("/dumps/stalin-kg.trig.gz").header("Range", "bytes=0-65535"));
        assertEquals(206, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> rest = send(request("/dumps/stalin-kg.trig.gz").header("Range", "bytes=65536-")
                .header("If-Range", etag));
        assertEquals(206, rest.statusCode());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(first.body());
        joined.write(rest.body());
        assertEquals(etag, "\"" + DigestLib.sha256Hex(joined.toByteArray()) + "\"");
    }

    @Test
    void aRangePastTheEndIs416WithTheLength() throws Exception {
        int n = get("/dumps/stalin-kg.nq.gz", null).body().length;
        HttpResponse<byte[]> r = send(request("/dumps/stalin-kg.nq.gz").header("Range", "bytes=" + n + "-"));
        assertEquals(416, r.statusCode());
        assertEquals("bytes */" + n, r.headers().firstValue("Content-Range").orElse(null));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("bytes 0 to " + (n - 1)));
        assertTrue(r.headers().firstValue("ETag").isEmpty(), "a problem is not the file");
        assertTrue(r.headers().firstValue("Content-Disposition").isEmpty(), "a problem is not the file");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"0000\"", "W/\"SELF\"", "Sun, 06 Nov 1994 08:49:37 GMT"})
    void anIfRangeThatIsNotTheFilesETagGetsTheWholeFile(String ifRange) throws Exception {
        HttpResponse<byte[]> whole = get("/dumps/stalin-kg.trig.gz", null);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> r = send(request("/dumps/stalin-kg.trig.gz").header("Range", "bytes=0-99")
                .header("If-Range", ifRange.replace("\"SELF\"", etag)));
        assertEquals(200, r.statusCode());
        assertArrayEquals(whole.body(), r.body());
        assertTrue(r.headers().firstValue("Content-Range").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=0-9,20-29", "bytes=a-b", "bytes=9-5", "items=0-9"})
    void severalOrMalformedRangesGetTheWholeFile(String range) throws Exception {
        HttpResponse<byte[]> whole = get("/dumps/stalin-kg.ttl.gz", null);
        HttpResponse<byte[]> r = send(request("/dumps/stalin-kg.ttl.gz").header("Range", range));
        assertEquals(200, r.statusCode(), range);
        assertArrayEquals(whole.body(), r.body(), range);
    }

    @Test
    void headGivesTheLengthAndIgnoresARange() throws Exception {
        int n = get("/dumps/stalin-kg.nq.gz", null).body().length;
        HttpResponse<byte[]> r = send(request("/dumps/stalin-kg.nq.gz").header("Range", "bytes=0-9")
                .method("HEAD", BodyPublishers.noBody()));
        assertEquals(200, r.statusCode());
        assertEquals(String.valueOf(n), r.headers().firstValue("Content-Length").orElse(null));
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(null));
        assertEquals(0, r.body().length);
    }

    @Test
    void anIfNoneMatchOfTheFileIs304EvenWithARange() throws Exception {
        String etag = get("/dumps/stalin-kg.nq.gz", null).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> r = send(request("/dumps/stalin-kg.nq.gz").header("Range", "bytes=0-9")
                .header("If-None-Match", etag));
        assertEquals(304, r.statusCode());
    }

    private static void assertPart(String range, byte[] whole, int first, int last) throws Exception {
        HttpResponse<byte[]> r = send(request("/dumps/stalin-kg.nq.gz").header("Range", range));
        assertEquals(206, r.statusCode(), range);
        assertEquals("bytes " + first + "-" + last + "/" + whole.length,
                r.headers().firstValue("Content-Range").orElse(null), range);
        assertEquals(String.valueOf(last - first + 1), r.headers().firstValue("Content-Length").orElse(null), range);
        assertArrayEquals(Arrays.copyOfRange(whole, first, last + 1), r.body(), range);
        assertEquals("application/gzip", r.headers().firstValue("Content-Type").orElse(null), range);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = request(path);
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(java.time.Duration.ofSeconds(60)).build(), BodyHandlers.ofByteArray());
    }
}
