package org.w3id.stalinkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.stalinkg.vocab.SKG;
import org.w3id.stalinkg.graph.DumpLib;
import org.w3id.stalinkg.cli.DumpCmd;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.ProjectFiles;

import picocli.CommandLine;

/** The dumps: each file read back to the served graph, its checksum file, and both served over real HTTP. */
class TestDumps {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static KnowledgeGraph kg;
    private static Map<String, byte[]> dumps;
    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        kg = ProjectFiles.bundledGraph();
        dumps = DumpLib.dumps(kg);
        server = FusekiServer.create().port(0).loopback(true).fusekiModules(FusekiModules.empty())
                .addServlet("/dumps/*", new DumpServlet(new org.w3id.stalinkg.store.LocalStore(kg))).build().start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void fiveDumpsEachWithItsChecksumFileInAStableOrder() {
        assertEquals(List.of("stalin-kg.ttl.gz", "stalin-kg.ttl.gz.sha256", "stalin-kg.nt.gz",
                "stalin-kg.nt.gz.sha256", "stalin-kg.trig.gz", "stalin-kg.trig.gz.sha256", "stalin-kg.nq.gz",
                "stalin-kg.nq.gz.sha256", "stalin-kg.jsonld.gz", "stalin-kg.jsonld.gz.sha256"),
                List.copyOf(dumps.keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stalin-kg.ttl.gz", "stalin-kg.nt.gz", "stalin-kg.jsonld.gz"})
    void everyGraphDumpMatchesItsChecksumAndReloadsToTheServedDefaultGraph(String name) {
        DatasetGraph reloaded = reloaded(name);
        assertTrue(reloaded.getDefaultGraph().contains(
                NodeFactory.createURI(SKG.BASE + "id/person/joseph-stalin"), Node.ANY, Node.ANY),
                "canonical IRIs");
        assertFalse(reloaded.listGraphNodes().hasNext(), name + " holds the default graph only");
        Graph served = kg.dataset().getDefaultGraph();
        Txn.executeRead(kg.dataset(), () -> {
            assertEquals(served.size(), reloaded.getDefaultGraph().size());
            assertTrue(served.isIsomorphicWith(reloaded.getDefaultGraph()), name + " is not the served graph");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stalin-kg.trig.gz", "stalin-kg.nq.gz"})
    void everyDatasetDumpMatchesItsChecksumAndReloadsToTheServedDatasetWithItsNamedGraphs(String name) {
        DatasetGraph reloaded = reloaded(name);
        assertEquals(Set.of(SKG.GRAPH_ASSERTED.asNode(), SKG.GRAPH_INFERRED.asNode()),
                Set.copyOf(Iter.toList(reloaded.listGraphNodes())), name);
        Txn.executeRead(kg.dataset(), () -> {
            DatasetGraph served = kg.dataset();
            for (Node g : List.of(SKG.GRAPH_ASSERTED.asNode(), SKG.GRAPH_INFERRED.asNode())) {
                assertEquals(served.getGraph(g).size(), reloaded.getGraph(g).size(), name + " " + g);
                assertTrue(served.getGraph(g).isIsomorphicWith(reloaded.getGraph(g)), name + " " + g);
            }
            assertTrue(served.getDefaultGraph().isIsomorphicWith(reloaded.getDefaultGraph()), name + " default");
        });
        // As served, the default graph is the union of the named graphs, which share no statement, with the same
        // blank nodes (an axiom node of the asserted graph is that node in the default graph): with the graphs
        // isomorphic one by one, the dump is the served dataset.
        Graph asserted = reloaded.getGraph(SKG.GRAPH_ASSERTED.asNode());
        Graph inferred = reloaded.getGraph(SKG.GRAPH_INFERRED.asNode());
        assertEquals(reloaded.getDefaultGraph().size(), asserted.size() + inferred.size(), name);
        asserted.find().forEachRemaining(t -> assertTrue(reloaded.getDefaultGraph().contains(t), name + " " + t));
        inferred.find().forEachRemaining(t -> assertTrue(reloaded.getDefaultGraph().contains(t), name + " " + t));
        assertTrue(asserted.contains(NodeFactory.createURI(SKG.BASE + "id/person/joseph-stalin"), Node.ANY,
                Node.ANY), "canonical IRIs");
    }

    /** The dump {@code name}, checked against its checksum file, parsed into a dataset. */
    private static DatasetGraph reloaded(String name) {
        byte[] gz = dumps.get(name);
        assertEquals(DumpLib.sha256(gz) + "  " + name + "\n",
                new String(dumps.get(name + ".sha256"), StandardCharsets.US_ASCII));
        DatasetGraph reloaded = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(gunzip(gz))).lang(DumpLib.FORMATS.stream()
                .filter(f -> f.fileName().equals(name)).findFirst().orElseThrow().lang()).parse(reloaded);
        return reloaded;
    }

    @Test
    void anotherLoadOfTheSameFilesWritesTheSameBytes() {
        // A fresh load has fresh blank nodes, in another order: the bytes must not show it.
        Map<String, byte[]> again = DumpLib.dumps(KnowledgeGraphLoader.forProject(ProjectFiles.ROOT).load());
        for (String name : dumps.keySet()) {
            assertArrayEquals(dumps.get(name), again.get(name), name);
        }
    }

    @Test
    void servletServesEachFileWithItsChecksumAsETagAnd304WhenUnchanged() throws Exception {
        for (Map.Entry<String, byte[]> e : dumps.entrySet()) {
            HttpResponse<byte[]> r = get("/dumps/" + e.getKey(), null);
            assertEquals(200, r.statusCode(), e.getKey());
            assertArrayEquals(e.getValue(), r.body(), e.getKey());
            String etag = r.headers().firstValue("ETag").orElseThrow();
            assertEquals("\"" + DumpLib.sha256(e.getValue()) + "\"", etag);
            assertEquals("public, max-age=3600", r.headers().firstValue("Cache-Control").orElse(""));
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (e.getKey().endsWith(".gz")) {
                assertEquals("application/gzip", type);
                assertEquals("\"" + DumpLib.checksumOf(dumps, e.getKey()) + "\"", etag);
                assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
            } else {
                assertTrue(type.startsWith("text/plain"), type);
            }
            HttpResponse<byte[]> again = get("/dumps/" + e.getKey(), etag);
            assertEquals(304, again.statusCode(), e.getKey());
            assertEquals(0, again.body().length);
        }
    }

    @Test
    void listingNamesEveryDumpWithItsChecksum() throws Exception {
        HttpResponse<byte[]> r = get("/dumps/", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = new String(r.body(), StandardCharsets.UTF_8);
        for (DumpLib.Format f : DumpLib.FORMATS) {
            assertTrue(html.contains("href=\"../dumps/" + f.fileName() + "\""), f.fileName());
            assertTrue(html.contains(DumpLib.checksumOf(dumps, f.fileName())), f.fileName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/dumps/x", "/dumps/../pom.xml", "/dumps/stalin-kg.ttl", "/dumps/stalin-kg.ttl.gz/",
        "/dumps/STALIN-KG.TTL.GZ", "/dumps/stalin-kg.ttl.gz.sha256.gz"})
    void anyOtherNameIs404(String path) throws Exception {
        HttpResponse<byte[]> r = get(path, null);
        assertEquals(404, r.statusCode(), path);
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("<artifactId>"), path);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/dumps/%2E%2E/pom.xml", "/dumps/..%2Fpom.xml", "/dumps//stalin-kg.ttl.gz",
        "/dumps/stalin-kg.ttl.gz%00"})
    void ambiguousPathsAreRefusedBeforeOrByTheServlet(String path) throws Exception {
        HttpResponse<byte[]> r = get(path, null);
        assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + ": " + r.statusCode());
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("<artifactId>"), path);
    }

    @Test
    void dumpCommandWritesEveryFile(@TempDir Path out) throws IOException {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cmd = new CommandLine(new DumpCmd());
        cmd.setOut(new PrintWriter(stdout));
        cmd.setErr(new PrintWriter(stderr));
        Path folder = out.resolve("dumps");
        assertEquals(0, cmd.execute("--out", folder.toString(), "--dataset"), stderr.toString());
        for (Map.Entry<String, byte[]> e : dumps.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(folder.resolve(e.getKey())), e.getKey());
        }
        // --dataset writes the N-Quads dump under the name earlier versions gave it too.
        assertArrayEquals(dumps.get("stalin-kg.nq.gz"), Files.readAllBytes(folder.resolve(DumpLib.DATASET_FILE)));
        assertArrayEquals(dumps.get("stalin-kg.nq.gz"),
                Files.readAllBytes(DumpLib.writeDataset(kg, out.resolve("dataset"))), "writeDataset");
        for (DumpLib.Format f : DumpLib.FORMATS) {
            assertTrue(stdout.toString().contains(f.fileName()), stdout.toString());
            assertTrue(stdout.toString().contains(DumpLib.checksumOf(dumps, f.fileName())), stdout.toString());
        }
    }

    @Test
    void dumpCommandOfABrokenGraphExitsOne(@TempDir Path tmp) {
        Path root = ProjectFiles.copyProjectTo(tmp.resolve("project"));
        ProjectFiles.write(root, "data/zz-broken.ttl", "@prefix : <http://example.org/> .\n:a :b :c\n");
        StringWriter stderr = new StringWriter();
        CommandLine cmd = new CommandLine(new DumpCmd());
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(stderr));
        Path folder = tmp.resolve("dumps");
        assertEquals(1, cmd.execute("--root", root.toString(), "--out", folder.toString()));
        assertTrue(stderr.toString().contains("zz-broken.ttl:"), stderr.toString());
        assertTrue(Files.notExists(folder), "nothing written");
    }

    private static HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(b.GET().build(), BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
