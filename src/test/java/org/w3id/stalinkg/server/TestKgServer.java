package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.stalinkg.graph.ProjectFiles;

/** The server as a client sees it: a real server on a free port, real HTTP. */
class TestKgServer {

    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    private static final String INSERT = "INSERT DATA { <http://example.org/s> <http://example.org/p> \"planted\" }";
    private static final String TURTLE = "<http://example.org/s> <http://example.org/p> \"planted\" .";

    private static FusekiServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        ServerSettings settings = ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withClientBudget(0, 0))
                .withTimeout(Duration.ofSeconds(2));
        server = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(), settings).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void selectAnswersAsJson() throws Exception {
        HttpResponse<String> r = get("/sparql?query=" + encode(COUNT), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/sparql-results+json"), contentType(r));
        assertTrue(tripleCount() > 1000, "the bundled graph is served");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "SELECT * WHERE { ?s ?p ?o } LIMIT 3,    application/sparql-results+json, application/sparql-results+json",
        "SELECT * WHERE { ?s ?p ?o } LIMIT 3,    application/sparql-results+xml,  application/sparql-results+xml",
        "SELECT * WHERE { ?s ?p ?o } LIMIT 3,    text/csv,                        text/csv",
        "SELECT * WHERE { ?s ?p ?o } LIMIT 3,    text/tab-separated-values,       text/tab-separated-values",
        "ASK { ?s ?p ?o },                       application/sparql-results+json, application/sparql-results+json",
        "ASK { ?s ?p ?o },                       application/sparql-results+xml,  application/sparql-results+xml",
        "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3,   text/turtle,                     text/turtle",
        "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3,   application/ld+json,             application/ld+json",
        "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3,   application/n-triples,           application/n-triples",
        "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3,   application/rdf+xml,             application/rdf+xml",
        "DESCRIBE <https://w3id.org/stalin-kg/id/person/joseph-stalin>, text/turtle, text/turtle",
    })
    void queryAnswersInEveryStandardFormat(String query, String accept, String expectedType) throws Exception {
        HttpResponse<String> r = get("/sparql?query=" + encode(query), accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith(expectedType), contentType(r));
        assertTrue(!r.body().isBlank());
    }

    @Test
    void queryCanBePostedAsFormAndAsSparqlQuery() throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(BodyPublishers.ofString("query=" + encode(COUNT))));
        assertEquals(200, form.statusCode(), form.body());
        HttpResponse<String> direct = send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(BodyPublishers.ofString(COUNT)));
        assertEquals(200, direct.statusCode(), direct.body());
        assertEquals(count(form.body()), count(direct.body()));
    }

    @Test
    void badQueryGets400WithTheParsersMessage() throws Exception {
        HttpResponse<String> r = get("/sparql?query=" + encode("SELEC * WHERE { ?s ?p ?o }"), "*/*");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("Lexical error at line 1, column 6"), r.body());
    }

    @ParameterizedTest(name = "{0} {1} ({2})")
    @CsvSource({
        "POST,   /sparql,               application/sparql-update",
        "POST,   /sparql/update,        application/sparql-update",
        "POST,   /update,               application/sparql-update",
        "POST,   /,                     application/sparql-update",
        "POST,   /sparql?default,       text/turtle",
        "PUT,    /sparql?default,       text/turtle",
        "DELETE, /sparql?default,       text/turtle",
        "PUT,    /sparql/data?default,  text/turtle",
        "POST,   /sparql/data?default,  text/turtle",
        "POST,   /data?default,         text/turtle",
        "POST,   /sparql/upload,        text/turtle",
        "PATCH,  /sparql,               application/rdf-patch",
    })
    void writesAreRefusedOnEveryPath(String method, String path, String contentType) throws Exception {
        long before = tripleCount();
        String body = contentType.equals("application/sparql-update") ? INSERT : TURTLE;
        HttpResponse<String> r = sendRefused(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .method(method, BodyPublishers.ofString(body)));
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, method + " " + path + " -> " + r.statusCode());
        assertEquals(before, tripleCount(), "the graph changed");
        assertEquals(0, count(get("/sparql?query=" + encode(
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p \"planted\" }"), "application/sparql-results+json").body()));
    }

    @Test
    void updateSentAsFormIsRefused() throws Exception {
        long before = tripleCount();
        HttpResponse<String> r = sendRefused(HttpRequest.newBuilder(URI.create(base + "/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("update=" + encode(INSERT))));
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "update form -> " + r.statusCode());
        assertEquals(before, tripleCount());
    }

    @Test
    void uploadAsMultipartIsRefused() throws Exception {
        long before = tripleCount();
        String boundary = "----stalinkg";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.ttl\"\r\n"
                + "Content-Type: text/turtle\r\n\r\n" + TURTLE + "\r\n--" + boundary + "--\r\n";
        for (String path : new String[] {"/sparql", "/sparql/upload", "/upload"}) {
            HttpResponse<String> r = sendRefused(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(BodyPublishers.ofString(body)));
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "upload " + path + " -> " + r.statusCode());
        }
        assertEquals(before, tripleCount());
    }

    @Test
    void serviceQueryIsRefusedAndNoConnectionIsMade() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            listener.setSoTimeout(200);
            Thread watcher = new Thread(() -> {
                long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (System.nanoTime() < end) {
                    try (Socket connection = listener.accept()) {
                        connections.incrementAndGet();
                        connection.shutdownOutput();
                    } catch (SocketTimeoutException ex) {
                        // keep watching
                    } catch (IOException ex) {
                        return;
                    }
                }
            });
            watcher.start();
            String target = "http://127.0.0.1:" + listener.getLocalPort() + "/sparql";
            for (String q : new String[] {
                "SELECT * WHERE { SERVICE <" + target + "> { ?s ?p ?o } }",
                "SELECT * WHERE { OPTIONAL { SERVICE SILENT <" + target + "> { ?s ?p ?o } } }",
                "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <" + target + "> { ?s ?p ?o } } } }",
                "ASK { FILTER NOT EXISTS { SERVICE SILENT <" + target + "> { ?s ?p ?o } } }"}) {
                HttpResponse<String> r = get("/sparql?query=" + encode(q), "application/sparql-results+json");
                assertEquals(422, r.statusCode(), q + " -> " + r.body());
                assertTrue(r.body().contains("SERVICE is not allowed"), r.body());
            }
            watcher.join();
            assertEquals(0, connections.get(), "the server connected to the SERVICE target");
        }
    }

    @Test
    void expensiveQueryIsCutOffByTheTimeLimit() throws Exception {
        String crossProduct = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        HttpResponse<String> r = get("/sparql?query=" + encode(crossProduct), "application/sparql-results+json");
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().toLowerCase().contains("timed out"), r.body());
        assertEquals(200, get("/$/ping", "*/*").statusCode(), "the server still answers after a timeout");
    }

    @Test
    void getWithoutAQueryAnswersTheServiceDescription() throws Exception {
        HttpResponse<String> r = get("/sparql", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        Node endpoint = NodeFactory.createURI("http://www.w3.org/ns/sparql-service-description#endpoint");
        // The deployment's base, not the Host asked: the canonical one when none is configured.
        assertTrue(g.contains(Node.ANY, endpoint, NodeFactory.createURI(org.w3id.stalinkg.vocab.SKG.BASE + "sparql")),
                r.body());
    }

    @Test
    void homePageAnswersAtTheRoot() throws Exception {
        HttpResponse<String> r = get("/", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("href=\"./api\"") && r.body().contains("href=\"./sparql\""), r.body());
    }

    @Test
    void pingAnswers() throws Exception {
        assertEquals(200, get("/$/ping", "*/*").statusCode());
    }

    @Test
    void adminEndpointsAreNotServed() throws Exception {
        for (String path : new String[] {"/$/server", "/$/stats", "/$/datasets", "/$/metrics", "/$/backup/sparql"}) {
            assertEquals(404, get(path, "*/*").statusCode(), path);
        }
    }

    private static long tripleCount() throws Exception {
        return count(get("/sparql?query=" + encode(COUNT), "application/sparql-results+json").body());
    }

    private static long count(String json) {
        ResultSet rs = ResultSetFactory.fromJSON(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return rs.next().getLiteral("n").getLong();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }

    /**
     * Sends a request the server refuses on a connection of its own: a server that answers before reading a
     * request body may close the connection, and a pooled connection would then fail the next request.
     */
    private static HttpResponse<String> sendRefused(HttpRequest.Builder request) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
