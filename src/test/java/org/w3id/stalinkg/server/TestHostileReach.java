package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.api.CannedQuery;
import org.w3id.stalinkg.api.QueryParam;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * Nothing beyond the graph is reachable: no local file through FROM or the protocol's graph parameters, no script,
 * no admin endpoint on the public port, no file through a crafted path, no query text through a canned query's
 * parameters.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TestHostileReach extends TestHostileSupport {

    /** Strings that would betray a file read: /etc/passwd, pom.xml, a canned query, a resource, Turtle data. */
    private static final String[] LEAKS = {"root:x:", "root:", "<modelVersion>", "#+ summary:",
        "org.slf4j.simpleLogger", "swagger-ui.version", "@prefix skg:"};

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

    private static void assertNoLeak(String what, String body) {
        for (String leak : LEAKS) {
            assertFalse(body.contains(leak), what + " returned file content (" + leak + "): " + abbreviate(body));
        }
    }

    @Test
    void fromALocalFileIsEmpty() throws Exception {
        for (String q : new String[] {
            "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
            "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
            "SELECT * WHERE { GRAPH <file:///etc/passwd> { ?s ?p ?o } }",
            "SELECT * FROM <file:///work/main/pom.xml> WHERE { ?s ?p ?o }",
            "SELECT * FROM <file:queries/search.rq> WHERE { ?s ?p ?o }",
            "SELECT * FROM <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }"}) {
            HttpResponse<String> r = getQuery(HTTP, base, q);
            assertEquals(200, r.statusCode(), q + " -> " + abbreviate(r.body()));
            assertEquals(0, sparqlRows(r.body()), q);
            assertNoLeak(q, r.body());
        }
    }

    @Test
    void defaultGraphUriOfALocalFileIsEmpty() throws Exception {
        for (String param : new String[] {"default-graph-uri", "named-graph-uri"}) {
            String q = param.equals("default-graph-uri") ? "SELECT * WHERE { ?s ?p ?o }"
                    : "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }";
            HttpResponse<String> r = send(HTTP, request(base + "/sparql?query=" + encode(q) + "&" + param + "="
                    + encode("file:///etc/passwd")).header("Accept", JSON).GET());
            assertEquals(200, r.statusCode(), param + " -> " + abbreviate(r.body()));
            assertEquals(0, sparqlRows(r.body()), param);
            assertNoLeak(param, r.body());
        }
    }

    @Test
    void describeOrConstructOfALocalFileLeaksNothing() throws Exception {
        for (String q : new String[] {"DESCRIBE <file:///etc/passwd>",
            "CONSTRUCT { ?s ?p ?o } FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"}) {
            HttpResponse<String> r = send(HTTP, request(base + "/sparql?query=" + encode(q))
                    .header("Accept", "application/n-triples").GET());
            assertEquals(200, r.statusCode(), q + " -> " + abbreviate(r.body()));
            assertTrue(r.body().isBlank(), q + " -> " + abbreviate(r.body()));
        }
    }

    @Test
    void scriptFunctionRunsNothing(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("pwned");
        String js = "java.nio.file.Files.createFile(java.nio.file.Path.of('" + marker.toString().replace("\\", "/")
                + "')); 1";
        for (String q : new String[] {
            "SELECT (<http://jena.apache.org/ARQ/jsFunction#eval>(\"1+1\") AS ?x) {}",
            "SELECT (<http://jena.apache.org/ARQ/jsFunction#eval>(\"" + js + "\") AS ?x) {}",
            "PREFIX js: <http://jena.apache.org/ARQ/jsFunction#> SELECT ?x { BIND(js:eval(\"" + js + "\") AS ?x) }"}) {
            HttpResponse<String> r = getQuery(HTTP, base, q);
            if (r.statusCode() == 200) {
                assertFalse(r.body().contains("\"value\""), q + " yielded a value: " + abbreviate(r.body()));
            } else {
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, q + " -> " + r.statusCode() + ": "
                        + abbreviate(r.body()));
            }
        }
        assertFalse(Files.exists(marker), "the script ran: " + marker + " exists");
    }

    @Test
    void javaExtensionFunctionsRunNothing() throws Exception {
        for (String q : new String[] {
            "SELECT (<java:java.lang.System.exit>(1) AS ?x) {}",
            "SELECT (<java:java.lang.Runtime>(\"id\") AS ?x) {}",
            "SELECT ?x { ?x <java:org.apache.jena.sparql.pfunction.library.concat> (\"a\" \"b\") }"}) {
            HttpResponse<String> r = getQuery(HTTP, base, q);
            assertTrue(r.statusCode() == 200 || (r.statusCode() >= 400 && r.statusCode() < 500),
                    q + " -> " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        assertEquals(200, getQuery(HTTP, base, SMALL).statusCode(), "the server still answers");
    }

    @Test
    void adminEndpointsAre404OnThePublicPort() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : new String[] {"/$/server", "/$/datasets", "/$/datasets/sparql", "/$/stats",
            "/$/stats/sparql", "/$/metrics", "/$/reload", "/$/compact/sparql", "/$/backup/sparql", "/$/backups-list",
            "/$/tasks", "/$/logs", "/$/sleep", "/$/prometheus"}) {
            for (String method : new String[] {"GET", "POST"}) {
                HttpResponse<String> r = sendAlone(request(base + path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, method.equals("GET") ? BodyPublishers.noBody()
                                : BodyPublishers.ofString("dbName=sparql&dbType=mem")));
                // 404 (nothing there) or 405 (a write refused: the public port is read-only): not served either way.
                if (r.statusCode() != 404 && r.statusCode() != 405) {
                    wrong.add(method + " " + path + " -> " + r.statusCode());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "admin endpoints answered on the public port: " + wrong);
    }

    @Test
    void craftedLinkedDataPathsNeverReturnAFile() throws Exception {
        String[] targets = {
            "/doc/../../../../etc/passwd",
            "/doc/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/doc/%2E%2E/%2E%2E/pom.xml",
            "/doc/policy/..%2f..%2f..%2f..%2fetc%2fpasswd",
            "/doc/%252e%252e/%252e%252e/etc/passwd",
            "/doc/..;/..;/etc/passwd",
            "/doc/policy/great-purge%00.ttl",
            "/doc/policy/great-purge%00",
            "/id/policy/great-purge%00",
            "/doc/policy/great-purge%0d%0aX-Injected:%20yes",
            "/doc/policy/great%09purge",
            "/doc/policy/great%7fpurge",
            "/doc/policy/great\u0001purge",
            "/doc/policy/great-purge\u0000",
            "/doc/..\\..\\..\\etc\\passwd",
            "/doc/%5c..%5c..%5cetc%5cpasswd",
            "/id/../pom.xml",
            "/id/%2e%2e/%2e%2e/queries/search.rq",
            "/dumps/../pom.xml",
            "/dumps/%2e%2e/pom.xml",
            "/dumps/..%2fpom.xml",
            "/dumps/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/static/../../../../etc/passwd",
            "/static/%2e%2e/simplelogger.properties",
            "/static/..%2fsimplelogger.properties",
            "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/webjars/%2e%2e/%2e%2e/%2e%2e/stalin-kg.properties",
            "/webjars/..%2f..%2f..%2fstalin-kg.properties",
            "/ontology%00.ttl",
            "/ontology/../../pom.xml",
            "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2f..%2fetc%2fpasswd",
            "/api/..%2f..%2fqueries%2fsearch.rq",
            "/api/%2e%2e/queries/search.rq",
            "/api/search%00.rq",
            "/context.jsonld%00",
            "/.well-known/../pom.xml",
            "/.well-known/%2e%2e/pom.xml",
            "/WEB-INF/web.xml",
            "/data/timeline.ttl",
            "/queries/search.rq",
            "/pom.xml",
            "/etc/passwd",
            "file:///etc/passwd",
        };
        List<String> wrong = new ArrayList<>();
        for (String target : targets) {
            RawResponse r = rawGet(server.getHttpPort(), target);
            String shown = target.replaceAll("[\\x00-\\x1f\\x7f]", "\\\\x");
            if (r.status() != 400 && r.status() != 404) {
                wrong.add(shown + " -> " + r.status());
            }
            for (String leak : LEAKS) {
                if (r.body().contains(leak)) {
                    wrong.add(shown + " leaked " + leak);
                }
            }
            if (r.head().toLowerCase().contains("\nx-injected")) {
                wrong.add(shown + " injected a response header");
            }
        }
        System.out.println("[hostile] crafted paths checked: " + targets.length);
        assertTrue(wrong.isEmpty(), "crafted paths: " + wrong);
        assertEquals(200, send(HTTP, request(base + "/$/ping").GET()).statusCode());
    }

    private static final String[] INJECTIONS = {
        "x> } UNION { ?s ?p ?o } #",
        "\" } UNION { ?s ?p ?o } #",
        "1) || true || (1",
        "http://a> } SERVICE <http://127.0.0.1:9/> {",
        "' } UNION { ?s ?p ?o } #",
        "\"\"\" } UNION { ?s ?p ?o } #",
        "https://w3id.org/stalin-kg/id/goal/industrialization> ?p ?o } UNION { ?s ?p ?o } #",
        "policy/great-purge> } UNION { ?s ?p ?o } #",
        "1937 || true",
        "1937) } UNION { ?s ?p ?o } #",
        "en\" } UNION { ?s ?p ?o } #",
        "?s",
        "*",
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
        "\\u0022 } UNION { ?s ?p ?o } #",
        "x\n} UNION { ?s ?p ?o }\n#",
        "\u0000",
        "%00",
    };

    /** Row count of an answer: a JSON array for SELECT/ASK, N-Triples lines for CONSTRUCT/DESCRIBE. */
    private static int rows(CannedQuery q, String body) {
        if (q.query().isSelectType() || q.query().isAskType()) {
            if (q.query().isAskType()) {
                return body.contains("true") ? 1 : 0;
            }
            return jsonArraySize(body);
        }
        return (int) body.lines().filter(l -> !l.isBlank()).count();
    }

    private static String format(CannedQuery q) {
        return q.query().isSelectType() || q.query().isAskType() ? "json" : "ntriples";
    }

    private static String url(CannedQuery q, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(base + "/api/" + q.name() + "?format=" + format(q));
        params.forEach((k, v) -> sb.append('&').append(encode(k)).append('=').append(encode(v)));
        return sb.toString();
    }

    @Test
    void injectionInEveryParameterOfEveryCannedQueryIsRefusedOrHarmless() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        int refused = 0;
        for (CannedQuery q : ProjectFiles.cannedQueries().all()) {
            for (QueryParam p : q.params()) {
                Map<String, String> others = new LinkedHashMap<>();
                for (QueryParam o : q.params()) {
                    if (o != p && o.required()) {
                        others.put(o.name(), o.example() != null ? o.example() : o.defaultValue());
                    }
                }
                int baseline = -1;
                if (p.example() != null) {
                    Map<String, String> ok = new LinkedHashMap<>(others);
                    ok.put(p.name(), p.example());
                    HttpResponse<String> r = send(HTTP, request(url(q, ok)).GET());
                    if (r.statusCode() != 200) {
                        wrong.add(q.name() + " " + p.name() + "=" + p.example() + " (the example) -> " + r.statusCode()
                                + " " + abbreviate(r.body()));
                        continue;
                    }
                    baseline = rows(q, r.body());
                }
                for (String attack : INJECTIONS) {
                    Map<String, String> params = new LinkedHashMap<>(others);
                    params.put(p.name(), attack);
                    for (String method : new String[] {"GET", "POST"}) {
                        HttpResponse<String> r = method.equals("GET") ? send(HTTP, request(url(q, params)).GET())
                                : sendAlone(request(base + "/api/" + q.name())
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(BodyPublishers.ofString(url(q, params)
                                                .substring((base + "/api/" + q.name() + "?").length()))));
                        checked++;
                        String what = method + " /api/" + q.name() + " " + p.name() + "=" + attack.replace("\n", "\\n");
                        if (r.statusCode() == 400) {
                            refused++;
                            if (!r.body().contains("'" + p.name() + "'")) {
                                wrong.add(what + " -> 400 not naming the parameter: " + abbreviate(r.body()));
                            }
                        } else if (r.statusCode() == 200) {
                            int n = rows(q, r.body());
                            if (baseline < 0 || n > baseline) {
                                wrong.add(what + " -> 200 with " + n + " rows (example gives " + baseline + ")");
                            }
                        } else {
                            wrong.add(what + " -> " + r.statusCode() + " " + abbreviate(r.body()));
                        }
                    }
                }
            }
        }
        System.out.println("[hostile] injection requests: " + checked + ", refused with 400: " + refused);
        assertTrue(checked > 0);
        assertTrue(wrong.isEmpty(), wrong.size() + " bad answers:\n" + String.join("\n", wrong));
    }

    @Test
    void unknownAndRepeatedCannedParametersAre400NotLeaks() throws Exception {
        for (String path : new String[] {
            "/api/policies-for-goal?goal=industrialization&goal=collectivization",
            "/api/policies-for-goal?goal=industrialization&query=" + encode("SELECT * { ?s ?p ?o }"),
            "/api/policies-for-goal?goal=industrialization&format=json&format=csv",
            "/api/in-effect-in-year?year=" + encode("1937\" } UNION { ?s ?p ?o } #"),
            "/api/search?text=" + encode("x".repeat(201)),
            "/api/in-effect-in-year?year=99999999999999999999999"}) {
            HttpResponse<String> r = send(HTTP, request(base + path).GET());
            assertEquals(400, r.statusCode(), path + " -> " + abbreviate(r.body()));
        }
    }
}
