package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad requests of the W3C SPARQL 1.1 Protocol test suite (sparql11/protocol/manifest.ttl, the "bad_*" tests),
 * and parser-crushing nesting: a client error is a 4xx, never a 500.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestHostileProtocol extends TestHostileSupport {

    private static final String ASK = "ASK { ?s ?p ?o }";
    private static FusekiServer server;
    private static String base;
    private static final HttpClient HTTP = newClient();

    @BeforeAll
    static void startServer() {
        server = start(local().withTimeout(Duration.ofSeconds(5))
                .withLimits(Limits.defaults().withClientBudget(0, 0)));
        base = base(server);
    }

    @AfterAll
    static void stopServer() {
        stop(server);
    }

    private static void assertClientError(HttpResponse<String> r, String what) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500,
                what + " -> " + r.statusCode() + ": " + abbreviate(r.body()));
    }

    @ParameterizedTest(name = "{0} /sparql")
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "TRACE"})
    void wrongMethodIsAClientError(String m) throws Exception {
        HttpResponse<String> r = sendAlone(request(base + "/sparql?query=" + encode(ASK))
                .header("Content-Type", SPARQL_QUERY).method(m, BodyPublishers.ofString(ASK)));
        assertClientError(r, m + " /sparql");
    }

    @Test
    void deleteWithoutBodyIsAClientError() throws Exception {
        assertClientError(sendAlone(request(base + "/sparql").DELETE()), "DELETE /sparql");
    }

    @Test
    void twoQueryParametersAre400() throws Exception {
        HttpResponse<String> r = sendAlone(request(base + "/sparql?query=" + encode(ASK) + "&query="
                + encode("SELECT * WHERE { ?s ?p ?o } LIMIT 1")).header("Accept", JSON).GET());
        assertEquals(400, r.statusCode(), abbreviate(r.body()));
    }

    @Test
    void twoQueryParametersInAFormAre400() throws Exception {
        HttpResponse<String> r = sendAlone(request(base + "/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("query=" + encode(ASK) + "&query=" + encode(ASK))));
        assertEquals(400, r.statusCode(), abbreviate(r.body()));
    }

    @Test
    void queryAndUpdateTogetherNeverUpdate() throws Exception {
        String count = "SELECT (COUNT(*) AS ?n) WHERE { <http://e/s> ?p ?o }";
        HttpResponse<String> r = sendAlone(request(base + "/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("query=" + encode(ASK) + "&update="
                        + encode("INSERT DATA { <http://e/s> <http://e/p> 1 }"))));
        assertTrue(r.statusCode() == 200 || (r.statusCode() >= 400 && r.statusCode() < 500),
                "query and update in one form -> " + r.statusCode());
        HttpResponse<String> c = getQuery(HTTP, base, count);
        assertTrue(c.body().contains("\"0\""), "the update ran: " + abbreviate(c.body()));
    }

    @Test
    void postWithTextPlainIs415() throws Exception {
        HttpResponse<String> r = sendAlone(request(base + "/sparql").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(ASK)));
        assertEquals(415, r.statusCode(), abbreviate(r.body()));
    }

    @Test
    void postFormWithoutContentTypeIsAClientError() throws Exception {
        HttpResponse<String> r = sendAlone(request(base + "/sparql")
                .POST(BodyPublishers.ofString("query=" + encode(ASK))));
        assertClientError(r, "POST form without Content-Type");
    }

    @Test
    void postQueryWithoutContentTypeIsAClientError() throws Exception {
        HttpResponse<String> r = sendAlone(request(base + "/sparql").POST(BodyPublishers.ofString(ASK)));
        assertClientError(r, "POST query without Content-Type");
    }

    @Test
    void postQueryInUtf16IsAClientError() throws Exception {
        byte[] utf16 = ASK.getBytes(StandardCharsets.UTF_16);
        HttpResponse<String> r = sendAlone(request(base + "/sparql")
                .header("Content-Type", SPARQL_QUERY + "; charset=UTF-16").POST(BodyPublishers.ofByteArray(utf16)));
        assertClientError(r, "application/sparql-query; charset=UTF-16");
    }

    @Test
    void postQueryWithInvalidUtf8BytesIsAClientError() throws Exception {
        byte[] bytes = "ASK { ?s ?p \"\u00ff\u00fe\" }".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = sendAlone(request(base + "/sparql")
                .header("Content-Type", SPARQL_QUERY).POST(BodyPublishers.ofByteArray(bytes)));
        assertTrue(r.statusCode() == 200 || (r.statusCode() >= 400 && r.statusCode() < 500),
                "invalid UTF-8 -> " + r.statusCode() + ": " + abbreviate(r.body()));
    }

    @Test
    void syntaxErrorIs400NamingLineAndColumn() throws Exception {
        HttpResponse<String> r = sendAlone(request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                .POST(BodyPublishers.ofString("SELECT * WHERE {\n  ?s ?p ?o \n  FILTER(\n}")));
        assertEquals(400, r.statusCode(), abbreviate(r.body()));
        assertTrue(Pattern.compile("line \\d+, column \\d+").matcher(r.body()).find(), abbreviate(r.body()));
        HttpResponse<String> g = sendAlone(request(base + "/sparql?query=" + encode("SELECT ?x WHERE { ?x }")).GET());
        assertEquals(400, g.statusCode(), abbreviate(g.body()));
        assertTrue(Pattern.compile("line \\d+, column \\d+").matcher(g.body()).find(), abbreviate(g.body()));
    }

    /** Found by the fuzz: the parser's message for an unknown prefix repeats it, here with a non-ASCII letter. */
    @Test
    void syntaxErrorWhoseMessageHoldsNonAsciiIs400Not500() throws Exception {
        for (String q : new String[] {"SELECT * WHERE { ?s a skg\u00e9:Outcome }",
            "SELECT * WHERE { ?s a \u0433\u043e\u043b\u043e\u0434:x }"}) {
            HttpResponse<String> r = sendAlone(request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                    .POST(BodyPublishers.ofString(q)));
            assertEquals(400, r.statusCode(), q + " -> " + r.statusCode() + ": " + abbreviate(r.body()));
            HttpResponse<String> g = sendAlone(request(base + "/sparql?query=" + encode(q)).GET());
            assertEquals(400, g.statusCode(), "GET " + q + " -> " + g.statusCode() + ": " + abbreviate(g.body()));
        }
    }

    @Test
    void getWithoutAQueryIsAServiceDescription() throws Exception {
        HttpResponse<String> r = send(HTTP, request(base + "/sparql").GET());
        assertEquals(200, r.statusCode(), abbreviate(r.body()));
        assertTrue(r.body().contains("sparql-service-description") || r.body().contains("sd:"), abbreviate(r.body()));
    }

    @Test
    void getWithAnEmptyQueryIsAClientErrorNot500() throws Exception {
        HttpResponse<String> r = send(HTTP, request(base + "/sparql?query=").GET());
        assertClientError(r, "GET /sparql?query=");
    }

    @Test
    void getWithOnlyUnknownParametersIsNot500() throws Exception {
        for (String q : new String[] {"?foo=bar", "?default-graph-uri=x", "?timeout=1", "?query", "?&&&"}) {
            HttpResponse<String> r = send(HTTP, request(base + "/sparql" + q).GET());
            assertTrue(r.statusCode() < 500, "GET /sparql" + q + " -> " + r.statusCode() + ": " + abbreviate(r.body()));
        }
    }

    @Test
    void postEmptyBodyIsAClientError() throws Exception {
        assertClientError(sendAlone(request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                .POST(BodyPublishers.noBody())), "empty application/sparql-query body");
        assertClientError(sendAlone(request(base + "/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.noBody())), "empty form");
    }

    @Test
    void updateOnTheQueryEndpointIsAClientError() throws Exception {
        assertClientError(sendAlone(request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                .POST(BodyPublishers.ofString("INSERT DATA { <http://e/s> <http://e/p> 1 }"))),
                "update as application/sparql-query");
    }

    @Test
    void absurdTimeoutParameterIsNot500() throws Exception {
        for (String t : new String[] {"-1", "0", "abc", "99999999999999999999", "1e309", "NaN"}) {
            HttpResponse<String> r = send(HTTP, request(base + "/sparql?query=" + encode(ASK) + "&timeout="
                    + encode(t)).header("Accept", JSON).GET());
            assertTrue(r.statusCode() < 500 || r.statusCode() == 503,
                    "timeout=" + t + " -> " + r.statusCode() + ": " + abbreviate(r.body()));
        }
    }

    private static String nestedBraces(int depth) {
        return "SELECT * WHERE " + "{ ".repeat(depth) + "?s ?p ?o " + "} ".repeat(depth);
    }

    private static String nestedParens(int depth) {
        return "SELECT (" + "(".repeat(depth) + "1" + ")".repeat(depth) + " AS ?x) WHERE {}";
    }

    private HttpResponse<String> timedPost(String query, String what, long maxMillis) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = sendAlone(request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                .header("Accept", JSON).POST(BodyPublishers.ofString(query)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("[hostile] " + what + " -> " + r.statusCode() + " in " + ms + " ms");
        assertTrue(ms < maxMillis, what + " took " + ms + " ms");
        return r;
    }

    @Test
    void fiveThousandNestedBracesAre400Quickly() throws Exception {
        HttpResponse<String> r = timedPost(nestedBraces(5000), "5,000 nested { }", 2000);
        assertEquals(400, r.statusCode(), abbreviate(r.body()));
        HttpResponse<String> after = postQuery(HTTP, base, SMALL);
        assertEquals(200, after.statusCode());
        assertEquals(3, sparqlRows(after.body()));
    }

    @Test
    void twentyThousandNestedParenthesesAre400Quickly() throws Exception {
        HttpResponse<String> r = timedPost(nestedParens(20000), "20,000 nested (", 2000);
        assertEquals(400, r.statusCode(), abbreviate(r.body()));
        HttpResponse<String> after = postQuery(HTTP, base, SMALL);
        assertEquals(200, after.statusCode());
        assertEquals(3, sparqlRows(after.body()));
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {100, 500, 1000, 2000, 3000, 10000})
    void noNestingDepthIsA500(int depth) throws Exception {
        HttpResponse<String> braces = timedPost(nestedBraces(depth), depth + " nested { }", 3000);
        assertTrue(braces.statusCode() == 200 || braces.statusCode() == 400,
                depth + " nested { } -> " + braces.statusCode() + ": " + abbreviate(braces.body()));
        HttpResponse<String> parens = timedPost(nestedParens(depth), depth + " nested (", 3000);
        assertTrue(parens.statusCode() == 200 || parens.statusCode() == 400,
                depth + " nested ( -> " + parens.statusCode() + ": " + abbreviate(parens.body()));
        String optionals = "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o ".repeat(depth) + "}".repeat(depth)
                + " } LIMIT 1";
        if (optionals.length() < 64 * 1024) {
            HttpResponse<String> o = timedPost(optionals, depth + " nested OPTIONAL", 7000);
            assertTrue(o.statusCode() == 200 || o.statusCode() == 400 || o.statusCode() == 503,
                    depth + " nested OPTIONAL -> " + o.statusCode() + ": " + abbreviate(o.body()));
        }
        assertEquals(200, postQuery(HTTP, base, SMALL).statusCode());
    }
}
