package org.w3id.stalinkg.server;

import static org.w3id.stalinkg.server.ComparedServers.HTTP;
import static org.w3id.stalinkg.server.ComparedServers.encode;
import static org.w3id.stalinkg.server.ComparedServers.exampleUrl;
import static org.w3id.stalinkg.server.ComparedServers.get;
import static org.w3id.stalinkg.server.ComparedServers.parse;
import static org.w3id.stalinkg.server.ComparedServers.send;
import static org.w3id.stalinkg.server.ComparedServers.title;
import static org.w3id.stalinkg.server.ComparedServers.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.stalinkg.api.CannedQuery;
import org.w3id.stalinkg.api.ConcatOrder;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.graph.DumpLib;
import org.w3id.stalinkg.store.RemoteStore;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@code serve --sparql-endpoint}: our server answering from stock Apache Jena Fuseki run as a second process on the
 * served dataset (exported with {@link DumpLib#writeDataset}), compared request by request with the server that
 * loads the files itself. Our server is started before the store is up (it must start, and answer 502); the store
 * is stopped at the end (502 again, never 500).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestServeFromRemoteStore {

    /** Both servers publish under the canonical base, the one the store's data (our dump) is under. */
    private static final String BASE = org.w3id.stalinkg.vocab.SKG.BASE;
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final int MAX_ROWS = 500;
    private static final Path EXPECTED = ProjectFiles.ROOT.resolve("src/test/resources/expected-results");
    private static Path dir;
    private static Path dataset;
    private static int storePort;
    private static Process store;
    private static FusekiServer local;
    private static FusekiServer remote;
    /** A second replica over the same store. */
    private static FusekiServer replica;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("stalin-kg-remote-");
        dataset = DumpLib.writeDataset(ProjectFiles.bundledGraph(), dir);
        storePort = freePort();
        ServerSettings settings = ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withClientBudget(0, 0).withMaxRows(MAX_ROWS));
        local = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(), settings).start();
        remote = KgServer.build(new DataHolder(remoteData()), settings, new SimpleMeterRegistry()).start();
        replica = KgServer.build(new DataHolder(remoteData()), settings, new SimpleMeterRegistry()).start();
    }

    /** What {@code serve --sparql-endpoint} serves: the store, the ontology's and the queries' files. */
    private static ServedData remoteData() {
        RemoteStore remoteStore = new RemoteStore("http://127.0.0.1:" + storePort + "/ds/sparql",
                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(60));
        return new ServedData(remoteStore, KnowledgeGraphLoader.forProject(ProjectFiles.ROOT).loadOntology(),
                ProjectFiles.cannedQueries());
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            for (FusekiServer s : new FusekiServer[] {local, remote, replica}) {
                if (s != null) {
                    s.stop();
                }
            }
        } finally {
            stopStore();
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    // --- before the store is up ---

    @Test
    @Order(1)
    void serverStartsWhileTheStoreIsDownAndAnswers502() throws Exception {
        if (store != null) {
            return;
        }
        HttpResponse<String> api = get(remote, "/api/goals", "application/json");
        assertEquals(502, api.statusCode(), api.body());
        JsonObject error = JsonParser.parseString(api.body()).getAsJsonObject();
        assertEquals(502, error.get("status").getAsInt());
        assertEquals("Bad Gateway", error.get("title").getAsString());
        assertTrue(error.get("detail").getAsString().contains("could not be reached"), api.body());
        assertBadGateway(get(remote, "/doc/outcome/holodomor.ttl", "text/turtle"));
        assertBadGateway(get(remote, "/sparql?query=" + encode("ASK { ?s ?p ?o }"), "application/sparql-results+json"));
        assertBadGateway(get(remote, "/", BROWSER));
        assertBadGateway(get(remote, "/.well-known/void", "text/turtle"));
        // What needs no store still answers: the health check, the ontology, the context, the API's listing.
        for (String path : new String[] {"/$/ping", "/ontology.ttl", "/context.jsonld", "/api", "/api/openapi.json",
            "/query"}) {
            assertEquals(200, get(remote, path, "*/*").statusCode(), path);
        }
    }

    // --- the canned queries ---

    static Stream<String> queryNames() {
        return ProjectFiles.cannedQueries().all().stream().map(CannedQuery::name);
    }

    @ParameterizedTest
    @MethodSource("queryNames")
    void everyCannedQueryAnswersItsStoredExpectedResult(String name) throws Exception {
        storeUp();
        CannedQuery query = ProjectFiles.cannedQueries().get(name);
        boolean graph = !query.query().isSelectType() && !query.query().isAskType();
        String url = exampleUrl(query) + (exampleUrl(query).contains("?") ? "&" : "?") + "format="
                + (graph ? "ntriples" : "tsv");
        HttpResponse<String> r = get(remote, url, "*/*");
        assertEquals(200, r.statusCode(), r.body());
        // The order of a GROUP_CONCAT's values is undefined in SPARQL and differs between our storage and the
        // store's: it is left out of the comparison, as TestExpectedResults leaves it out (ConcatOrder).
        ConcatOrder concat = ConcatOrder.of(query.query());
        String actual = graph ? canonicalNTriples(r.body()) : concat.tsv(r.body());
        assertEquals(concat.tsv(Files.readString(EXPECTED.resolve(name + ".tsv"))), actual, name);
        if (!graph) {
            for (String format : new String[] {"json", "sparql-json", "csv", "sparql-xml"}) {
                String u = exampleUrl(query) + (exampleUrl(query).contains("?") ? "&" : "?") + "format=" + format;
                String mine = get(local, u, "*/*").body();
                String theirs = get(remote, u, "*/*").body();
                if (concat.isEmpty()) {
                    assertEquals(mine, theirs, name + " as " + format);
                } else {
                    assertEquals(concat.rows(mine, format), concat.rows(theirs, format), name + " as " + format);
                }
            }
        }
    }

    @Test
    void cannedAnswersHaveAnETagThatRevalidates() throws Exception {
        storeUp();
        HttpResponse<String> first = get(remote, "/api/policies-for-goal?goal=industrialization", "text/csv");
        assertEquals(200, first.statusCode(), first.body());
        String etag = first.headers().firstValue("ETag").orElse(null);
        assertNotNull(etag);
        assertEquals("public, max-age=60", first.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> again = get(remote, "/api/policies-for-goal?goal=industrialization", "text/csv");
        assertEquals(etag, again.headers().firstValue("ETag").orElse(null), "the same answer, the same ETag");
        HttpResponse<String> revalidated = send(HttpRequest.newBuilder(uri(remote,
                "/api/policies-for-goal?goal=industrialization")).header("Accept", "text/csv")
                .header("If-None-Match", etag));
        assertEquals(304, revalidated.statusCode());
        HttpResponse<String> json = get(remote, "/api/policies-for-goal?goal=industrialization", "application/json");
        assertFalse(etag.equals(json.headers().firstValue("ETag").orElse(null)), "another format, another ETag");
    }

    @Test
    void aBadParameterIsStill400() throws Exception {
        storeUp();
        HttpResponse<String> r = get(remote, "/api/in-effect-in-year?year=nineteen", "application/json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("'year'"), r.body());
    }

    // --- linked data ---

    static Stream<Arguments> documents() {
        String[] things = {"outcome/holodomor", "policy/great-purge", "policy/first-five-year-plan",
            "person/joseph-stalin", "region/ukrainian-ssr", "correction/famine-not-only-redistribution",
            "claim/collectivization-policy-01", "estimate/holodomor-deaths", "source/applebaum-2017-red-famine"};
        return Stream.of(things).flatMap(t -> Stream.of("ttl", "nt", "rdf", "jsonld").map(ext -> Arguments.of(t, ext)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("documents")
    void documentIsIsomorphicToTheLocalServers(String thing, String ext) throws Exception {
        storeUp();
        HttpResponse<String> mine = get(local, "/doc/" + thing + "." + ext, "*/*");
        HttpResponse<String> theirs = get(remote, "/doc/" + thing + "." + ext, "*/*");
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(200, theirs.statusCode(), theirs.body());
        assertEquals(mine.headers().firstValue("Content-Type"), theirs.headers().firstValue("Content-Type"));
        Graph expected = parse(mine.body(), ext, local);
        Graph actual = parse(theirs.body(), ext, local);
        assertTrue(expected.size() > 0, thing);
        assertTrue(expected.isIsomorphicWith(actual), thing + "." + ext + " differs:\n--- local\n" + mine.body()
                + "\n--- from the store\n" + theirs.body());
        assertNotNull(theirs.headers().firstValue("ETag").orElse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/doc/outcome/holodomor.ttl", "/doc/outcome/holodomor.nt", "/doc/outcome/holodomor.jsonld",
        "/doc/outcome/holodomor.rdf", "/doc/outcome/holodomor.html", "/doc/policy/great-purge.nt",
        "/api/describe?thing=policy/great-purge&format=ntriples", "/api/describe?thing=outcome/holodomor",
        "/api/timeline", "/.well-known/void", "/ontology.html", "/"})
    void replicasOverOneStoreAnswerWithTheSameBytesAndETag(String path) throws Exception {
        storeUp();
        HttpResponse<String> a = get(remote, path, "*/*");
        HttpResponse<String> b = get(replica, path, "*/*");
        assertEquals(200, a.statusCode(), a.body());
        assertEquals(a.body(), b.body(), path);
        assertEquals(a.headers().firstValue("ETag"), b.headers().firstValue("ETag"), path);
        assertTrue(a.body().contains("_:") || !path.endsWith(".nt"), "blank nodes are part of the test: " + a.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"outcome/holodomor", "person/joseph-stalin", "correction/famine-not-only-redistribution"})
    void pagesRenderFromTheStore(String thing) throws Exception {
        storeUp();
        for (String language : new String[] {"en", "ru"}) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri(remote, "/doc/" + thing))
                    .header("Accept", BROWSER).header("Accept-Language", language));
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            HttpResponse<String> mine = send(HttpRequest.newBuilder(uri(local, "/doc/" + thing))
                    .header("Accept", BROWSER).header("Accept-Language", language));
            assertEquals(title(mine.body()), title(page.body()), thing + " in " + language);
            assertTrue(page.body().contains("application/ld+json"), "the page embeds its data");
        }
    }

    @Test
    void thingsRedirectAndUnknownThingsAre404() throws Exception {
        storeUp();
        HttpResponse<String> r = get(remote, "/id/policy/great-purge", "text/turtle");
        assertEquals(303, r.statusCode());
        assertEquals("../../doc/policy/great-purge", r.headers().firstValue("Location").orElse(""));
        assertEquals(404, get(remote, "/id/policy/no-such-policy", "text/turtle").statusCode());
        assertEquals(404, get(remote, "/doc/policy/no-such-policy.ttl", "*/*").statusCode());
    }

    @Test
    void theSearchBoxScansTheNamesAtTheStore() throws Exception {
        storeUp();
        HttpResponse<String> answer = get(remote, "/search?text=famine&lang=en", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(get(local, "/search?text=famine&lang=en", "application/json").body(), answer.body(),
                "for a whole word the scan and the index agree");
    }

    @Test
    void ontologyPageCountsTheSameUsesAsTheLocalOne() throws Exception {
        storeUp();
        for (String path : new String[] {"/ontology.html", "/ontology.ttl", "/context.jsonld"}) {
            HttpResponse<String> mine = get(local, path, "*/*");
            HttpResponse<String> theirs = get(remote, path, "*/*");
            assertEquals(200, theirs.statusCode(), theirs.body());
            assertEquals(mine.body(), theirs.body(), path);
        }
    }

    @Test
    void homePageAndVoidCountTheStore() throws Exception {
        storeUp();
        HttpResponse<String> home = get(remote, "/", BROWSER);
        assertEquals(200, home.statusCode(), home.body());
        assertEquals(get(local, "/", BROWSER).body(), home.body(), "the same counts and goals");
        Graph mine = parse(get(local, "/.well-known/void", "text/turtle").body(), "ttl", local);
        HttpResponse<String> theirs = get(remote, "/.well-known/void", "text/turtle");
        assertEquals(200, theirs.statusCode(), theirs.body());
        Graph description = parse(theirs.body(), "ttl", local);
        var dataset = NodeFactory.createURI(BASE + ".well-known/void#dataset");
        assertEquals(mine.find(dataset, VOID.triples.asNode(), null).next().getObject(),
                description.find(dataset, VOID.triples.asNode(), null).next().getObject());
        assertFalse(description.contains(dataset, VOID.dataDump.asNode(), null), "no dumps are served here");
        HttpResponse<String> dumps = get(remote, "/dumps/", BROWSER);
        assertEquals(404, dumps.statusCode());
        assertTrue(dumps.body().contains("--sparql-endpoint"), dumps.body());
    }

    // --- /sparql ---

    @ParameterizedTest
    @ValueSource(strings = {"application/sparql-results+json", "text/csv", "application/sparql-results+xml"})
    void sparqlForwardsASelectAndAnswersInTheNegotiatedFormat(String accept) throws Exception {
        storeUp();
        String query = """
                PREFIX skg: <https://w3id.org/stalin-kg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?policy ?label WHERE { ?policy a skg:Policy ; rdfs:label ?label FILTER(LANG(?label) = "en") }
                ORDER BY ?policy""";
        HttpResponse<String> mine = get(local, "/sparql?query=" + encode(query), accept);
        HttpResponse<String> theirs = get(remote, "/sparql?query=" + encode(query), accept);
        assertEquals(200, theirs.statusCode(), theirs.body());
        assertTrue(theirs.headers().firstValue("Content-Type").orElse("").startsWith(accept));
        assertEquals(mine.body(), theirs.body());
        assertTrue(theirs.body().contains("first-five-year-plan"));
    }

    @Test
    void sparqlForwardsAsksConstructsGraphsAndPosts() throws Exception {
        storeUp();
        String ask = "ASK { <https://w3id.org/stalin-kg/id/outcome/holodomor> ?p ?o }";
        assertTrue(get(remote, "/sparql?query=" + encode(ask), "application/sparql-results+json").body()
                .contains("true"));
        String construct = "CONSTRUCT WHERE { <https://w3id.org/stalin-kg/id/policy/great-purge> ?p ?o }";
        Graph mine = parse(get(local, "/sparql?query=" + encode(construct), "text/turtle").body(), "ttl", local);
        HttpResponse<String> theirs = get(remote, "/sparql?query=" + encode(construct), "text/turtle");
        assertEquals(200, theirs.statusCode(), theirs.body());
        assertTrue(mine.size() > 0 && mine.isIsomorphicWith(parse(theirs.body(), "ttl", local)), theirs.body());
        // The named graphs of stated and derived triples are in the store too.
        String named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/stalin-kg/graph/asserted> "
                + "{ ?s ?p ?o } }";
        assertEquals(get(local, "/sparql?query=" + encode(named), "text/csv").body(),
                get(remote, "/sparql?query=" + encode(named), "text/csv").body());
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri(remote, "/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(BodyPublishers.ofString("query=" + encode(named))));
        HttpResponse<String> body = send(HttpRequest.newBuilder(uri(remote, "/sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .POST(BodyPublishers.ofString(named)));
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(form.body(), body.body());
    }

    @Test
    void sparqlKeepsItsChecksInFrontOfTheStore() throws Exception {
        storeUp();
        HttpResponse<String> service = get(remote, "/sparql?query=" + encode(
                "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"), "*/*");
        assertEquals(422, service.statusCode(), service.body());
        String tooLong = "SELECT * WHERE { ?s ?p ?o } #" + "x".repeat(70_000);
        assertEquals(400, send(HttpRequest.newBuilder(uri(remote, "/sparql"))
                .header("Content-Type", "application/sparql-query").POST(BodyPublishers.ofString(tooLong)))
                .statusCode());
        HttpResponse<String> capped = get(remote, "/sparql?query=" + encode("SELECT * WHERE { ?s ?p ?o }"),
                "text/csv");
        assertEquals(200, capped.statusCode(), capped.body());
        assertEquals("at most " + MAX_ROWS + " rows", capped.headers().firstValue(Limits.CAPPED_HEADER).orElse(""));
        assertEquals(MAX_ROWS + 1, capped.body().lines().count(), "the header line and the rows");
        HttpResponse<String> arq = get(remote, "/sparql?query=" + encode("SELECT ?x WHERE { LET (?x := 1) }"), "*/*");
        assertEquals(400, arq.statusCode(), arq.body());
        assertTrue(arq.body().contains("SPARQL 1.1"), arq.body());
        assertEquals(400, get(remote, "/sparql?query=" + encode("SELEC * WHERE {}"), "*/*").statusCode());
        HttpResponse<String> description = get(remote, "/sparql", "text/turtle");
        assertEquals(200, description.statusCode(), description.body());
        assertTrue(description.body().contains("sparql-service-description"), description.body());
    }

    @Test
    void queryPastItsTimeLimitIs503WithRetryAfter() throws Exception {
        storeUp();
        String cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        long started = System.nanoTime();
        HttpResponse<String> r = get(remote, "/sparql?timeout=1&query=" + encode(cross), "text/csv");
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4), "cut off at the client's 1 s");
    }

    // --- after the store stops ---

    @Test
    @Order(Integer.MAX_VALUE)
    void storeStoppingGives502Not500() throws Exception {
        storeUp();
        stopStore();
        // Requests that no cache answers.
        HttpResponse<String> api = get(remote, "/api/search?text=" + encode("never asked before"), "application/json");
        assertEquals(502, api.statusCode(), api.body());
        assertEquals(502, JsonParser.parseString(api.body()).getAsJsonObject().get("status").getAsInt());
        assertBadGateway(get(remote, "/doc/event/moscow-trials.ttl", "text/turtle"));
        assertBadGateway(get(remote, "/id/event/cold-war", "text/turtle"));
        assertBadGateway(get(remote, "/sparql?query=" + encode("SELECT * WHERE { ?s ?p 17 }"), "text/csv"));
        assertEquals(200, get(remote, "/$/ping", "*/*").statusCode());
    }

    // --- helpers ---

    private static void assertBadGateway(HttpResponse<String> r) {
        assertEquals(502, r.statusCode(), r.body());
        assertTrue(r.body().contains("SPARQL store"), r.body());
        assertFalse(r.body().contains("\tat ") || r.body().contains("at org."), "no stack trace: " + r.body());
    }

    /** Starts stock Fuseki on the exported dataset, once, and waits until it answers its health check. */
    private static synchronized void storeUp() throws Exception {
        if (store != null) {
            if (!store.isAlive()) {
                fail("the store has stopped");
            }
            return;
        }
        Path log = dir.resolve("fuseki.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Fuseki sets up log4j2 unless told that it is set up elsewhere; our class path logs through slf4j-simple.
        store = new ProcessBuilder(java, "-Xmx256m", "-Dlog4j2.configurationFile=slf4j-simple",
                "-cp", System.getProperty("java.class.path"), "org.apache.jena.fuseki.main.cmds.FusekiMainCmd", "--localhost", "--port=" + storePort, "--ping",
                // Its own time limit, so that a query we stop waiting for does not run on.
                "--timeout=5000", "--file=" + dataset, "/ds")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process started = store;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!store.isAlive()) {
                fail("stock Fuseki did not start:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ping = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + storePort + "/$/ping")).timeout(Duration.ofSeconds(2)).build(),
                        BodyHandlers.ofString());
                if (ping.statusCode() == 200) {
                    return;
                }
            } catch (IOException ex) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        fail("stock Fuseki did not answer its health check within 120 s:\n" + Files.readString(log));
    }

    private static void stopStore() {
        Process p = store;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** As TestExpectedResults stores a graph: blank nodes renamed, lines sorted. */
    private static String canonicalNTriples(String nt) {
        List<String> lines = nt.lines().map(l -> l.replaceAll("_:[A-Za-z0-9]+", "_:b")).sorted().toList();
        return String.join("\n", lines) + "\n";
    }
}
