package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.stalinkg.graph.ProjectFiles;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What every path shares through the one answer path: HEAD answers as GET without a body (on {@code /sparql} too),
 * an Accept we cannot produce is 406 with the offered types (on {@code /sparql} too), writes are refused as
 * read-only with an Allow header, and every error of ours (unknown paths included) is an RFC 9457 problem, or a page
 * for a browser.
 */
class TestOneAnswerPath {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

    @ParameterizedTest
    @CsvSource({"/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D, application/sparql-results+json",
        "/doc/policy/collectivization, text/turtle", "/ontology, application/rdf+xml", "/api/goals, text/csv",
        "/.well-known/void, text/turtle", "/, text/html", "/search?text=famine, application/json"})
    void headHasTheHeadersOfGetAndNoBody(String path, String accept) throws Exception {
        HttpResponse<byte[]> get = send(request(path).header("Accept", accept).GET());
        HttpResponse<byte[]> head = send(request(path).header("Accept", accept)
                .method("HEAD", BodyPublishers.noBody()));
        assertEquals(200, get.statusCode(), path);
        assertEquals(200, head.statusCode(), path);
        assertEquals(0, head.body().length, path);
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
        assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"), path);
    }

    @Test
    void anAcceptTheEndpointCannotProduceIs406WithTheOfferedTypes() throws Exception {
        HttpResponse<String> r = sendText(request("/sparql?query=" + encode("SELECT * WHERE { ?s ?p ?o } LIMIT 1"))
                .header("Accept", "image/png").GET());
        assertEquals(406, r.statusCode(), r.body());
        JsonObject problem = problem(r);
        assertEquals(406, problem.get("status").getAsInt());
        assertTrue(problem.get("detail").getAsString().contains("application/sparql-results+json"), r.body());
    }

    @ParameterizedTest
    @CsvSource({"GET, /sparql?update=DROP%20ALL, , ", "POST, /sparql, application/x-www-form-urlencoded, update=DROP+ALL",
        "POST, /sparql, application/sparql-update, DROP ALL", "PUT, /doc/policy/collectivization, text/turtle, <a> <b> <c> .",
        "DELETE, /sparql, , ", "DELETE, /ontology, , ", "POST, /doc/policy/collectivization, text/turtle, <a> <b> <c> ."})
    void writesAreRefusedAsReadOnlyWithAnAllowHeader(String method, String path, String type, String body)
            throws Exception {
        HttpRequest.Builder b = request(path).method(method,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        HttpResponse<String> r = sendText(b);
        assertEquals(405, r.statusCode(), method + " " + path + ": " + r.body());
        assertTrue(r.body().contains("read-only"), r.body());
        assertTrue(r.headers().firstValue("Allow").orElse("").contains("GET"), method + " " + path);
        assertEquals("/problems/read-only", problem(r).get("type").getAsString());
    }

    @Test
    void anUnknownPathIsOurProblemNotJettysPage() throws Exception {
        HttpResponse<String> json = sendText(request("/no/such/path").GET());
        assertEquals(404, json.statusCode());
        assertEquals(404, problem(json).get("status").getAsInt());
        assertFalse(json.body().contains("Jetty"), json.body());
        HttpResponse<String> html = sendText(request("/no/such/path").header("Accept", "text/html").GET());
        assertEquals(404, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("<h1>404 Not Found</h1>") && !html.body().contains("Jetty"), html.body());
    }

    @Test
    void aSyntaxErrorIsAProblemNamingTheQueryWithLineAndColumn() throws Exception {
        HttpResponse<String> r = sendText(request("/sparql?query=" + encode("SELEC * WHERE { ?s ?p ?o }")).GET());
        assertEquals(400, r.statusCode());
        JsonObject problem = problem(r);
        assertEquals("query", problem.get("parameter").getAsString());
        assertTrue(problem.get("detail").getAsString().contains("line 1, column"), r.body());
    }

    @Test
    void aBadParameterOfACannedQueryIsAProblemNamingIt() throws Exception {
        HttpResponse<String> r = sendText(request("/api/policies-for-goal?goal=" + encode("not an iri")).GET());
        assertEquals(400, r.statusCode());
        assertEquals("goal", problem(r).get("parameter").getAsString());
    }

    private static JsonObject problem(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                r.headers().firstValue("Content-Type").orElse("") + ": " + r.body());
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        for (String member : new String[] {"type", "title", "status", "detail"}) {
            assertTrue(o.has(member), member + " in " + r.body());
        }
        return o;
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> sendText(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
