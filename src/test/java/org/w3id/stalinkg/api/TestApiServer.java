package org.w3id.stalinkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.server.KgServer;
import org.w3id.stalinkg.server.Limits;
import org.w3id.stalinkg.server.ServerSettings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The canned-query API as a client sees it: a real server on a free port, real HTTP. */
class TestApiServer {

    @TempDir
    static Path queries;

    private static FusekiServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        // The bundled queries plus one that echoes a parameter of every type.
        try (Stream<Path> files = Files.list(ProjectFiles.ROOT.resolve("queries"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).toList()) {
                Files.copy(f, queries.resolve(f.getFileName()));
            }
        }
        Files.copy(ProjectFiles.ROOT.resolve("src/test/resources/api-types/every-type.rq"),
                queries.resolve("every-type.rq"));
        ServerSettings settings = ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withClientBudget(0, 0));
        server = KgServer.build(ProjectFiles.bundledGraph(), CannedQueries.load(queries), settings).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    // --- the example of the issue ---

    @Test
    void policiesForAGoalByShortNameAsCsv() throws Exception {
        HttpResponse<String> r = get("/api/policies-for-goal?goal=industrialization", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(type(r).startsWith("text/csv"), type(r));
        List<String> lines = r.body().lines().toList();
        assertEquals("policy,label,start,end,source", lines.get(0));
        assertTrue(r.body().contains("https://w3id.org/stalin-kg/id/policy/first-five-year-plan"), r.body());
        HttpResponse<String> full = get("/api/policies-for-goal?goal="
                + enc("https://w3id.org/stalin-kg/id/goal/industrialization"), "text/csv");
        assertEquals(r.body(), full.body(), "a short name stands for the IRI");
    }

    @Test
    void postWithAFormAnswersLikeGet() throws Exception {
        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(base + "/api/policies-for-goal"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(BodyPublishers.ofString("goal=industrialization")));
        assertEquals(200, post.statusCode(), post.body());
        assertEquals(get("/api/policies-for-goal?goal=industrialization", "text/csv").body(), post.body());
    }

    // --- formats, each read back by a parser ---

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "application/sparql-results+json, , json",
        "application/sparql-results+xml, , xml",
        "text/csv, , csv",
        "text/tab-separated-values, , tsv",
        "*/*, csv, csv",
        "text/html, tsv, tsv",
    })
    void selectResultsInEverySparqlFormatParse(String accept, String format, String lang) throws Exception {
        HttpResponse<String> r = get("/api/goals" + (format == null ? "" : "?format=" + format), accept);
        assertEquals(200, r.statusCode(), r.body());
        Lang l = switch (lang) {
            case "json" -> ResultSetLang.RS_JSON;
            case "xml" -> ResultSetLang.RS_XML;
            case "csv" -> ResultSetLang.RS_CSV;
            default -> ResultSetLang.RS_TSV;
        };
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), l);
        int rows = 0;
        while (rs.hasNext()) {
            rs.next();
            rows++;
        }
        assertEquals(13, rows);
    }

    @Test
    void aBrowserGetsATableLinkingToThePages() throws Exception {
        HttpResponse<String> r = get("/api/search?text=" + enc("Сталин"),
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(type(r).startsWith("text/html"), type(r));
        assertTrue(r.body().contains("<a href=\"../doc/person/joseph-stalin\">"), r.body());
        assertTrue(r.body().contains("\"../api/search?format"), "links to the same answer as data");
    }

    @Test
    void plainJsonIsAnArrayOfObjectsWithNumbersAsNumbers() throws Exception {
        HttpResponse<String> r = get("/api/counts-per-class", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(type(r).startsWith("application/json"), type(r));
        JsonArray rows = JsonParser.parseString(r.body()).getAsJsonArray();
        assertFalse(rows.isEmpty());
        JsonObject first = rows.get(0).getAsJsonObject();
        assertTrue(first.get("count").getAsJsonPrimitive().isNumber(), first.toString());
        assertTrue(first.get("class").getAsString().startsWith("https://w3id.org/stalin-kg/ontology#"));
        assertEquals(r.body(), get("/api/counts-per-class?format=json", "*/*").body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text/turtle, TURTLE", "application/ld+json, JSONLD", "application/n-triples, NTRIPLES",
        "application/rdf+xml, RDFXML", "*/*, TURTLE"})
    void describeAnswersInRdfFormatsThatParse(String accept, String lang) throws Exception {
        HttpResponse<String> r = get("/api/describe?thing=outcome/holodomor", accept);
        assertEquals(200, r.statusCode(), r.body());
        Graph g = GraphFactory.createDefaultGraph();
        Lang l = switch (lang) {
            case "JSONLD" -> Lang.JSONLD;
            case "NTRIPLES" -> Lang.NTRIPLES;
            case "RDFXML" -> Lang.RDFXML;
            default -> Lang.TURTLE;
        };
        RDFParser.fromString(r.body(), l).parse(g);
        assertTrue(g.size() > 10, "triples: " + g.size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "/api/goals, text/turtle, 406",
        "/api/goals?format=turtle, */*, 406",
        "/api/describe?thing=outcome/holodomor, text/csv, 406",
        "/api/goals?format=excel, */*, 400",
        "/api/goals, image/png, 406",
    })
    void whatCannotBeProducedIsRefused(String path, String accept, int status) throws Exception {
        HttpResponse<String> r = get(path, accept);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(error(r).contains("format") || error(r).contains("answers in"), r.body());
        assertTrue(type(r).startsWith("application/problem+json"), type(r));
        assertEquals(status, problem(r).get("status").getAsInt());
    }

    @Test
    void anAcceptWeCannotProduceIs406NamingTheOfferedTypes() throws Exception {
        HttpResponse<String> r = get("/api/goals", "image/png");
        assertEquals(406, r.statusCode(), r.body());
        for (ResultFormat f : ResultFormat.offered(false)) {
            assertTrue(error(r).contains(f.mediaType()), f + " not named: " + r.body());
        }
        assertEquals("Not Acceptable", problem(r).get("title").getAsString());
        for (String path : new String[] {"/api", "/api/openapi.json", "/api/docs"}) {
            HttpResponse<String> page = get(path, "image/png");
            assertEquals(406, page.statusCode(), path + ": " + page.body());
            assertTrue(type(page).startsWith("application/problem+json"), path + ": " + type(page));
        }
    }

    @Test
    void aUnknownFormatIs400NamingTheFormatParameter() throws Exception {
        HttpResponse<String> r = get("/api/goals?format=excel", "*/*");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("format", problem(r).get("parameter").getAsString());
    }

    // --- parameters ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing required       | /api/policies-for-goal                                   | goal",
        "unknown parameter      | /api/goals?goal=industrialization                          | goal",
        "unknown short name     | /api/policies-for-goal?gaol=industrialization              | gaol",
        "wrong type             | /api/in-effect-in-year?year=nineteen                      | year",
        "repeated               | /api/in-effect-in-year?year=1937&year=1938                | year",
        "bad language tag       | /api/search?text=Stalin&lang=en%22)%20%7C%7C%20true      | lang",
        "year not a number      | /api/timeline?from=1930&to=x                              | to",
    })
    void badParametersAre400NamingTheParameter(String why, String path, String param) throws Exception {
        HttpResponse<String> r = get(path, "*/*");
        assertEquals(400, r.statusCode(), why + ": " + r.body());
        assertTrue(error(r).contains("'" + param + "'"), why + ": " + r.body());
        assertTrue(type(r).startsWith("application/problem+json"), type(r));
        assertEquals(param, problem(r).get("parameter").getAsString(), why + ": " + r.body());
        assertEquals("Bad Request", problem(r).get("title").getAsString());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), "a refusal is not kept");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = ';', value = {
        "thing ; x> } UNION { ?s ?p ?o } #",
        "thing ; http://a> } SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } #",
        "lang  ; en\") || true || (\"",
        "n     ; 1 || true",
        "n     ; 1 } UNION { ?s ?p ?o",
        "year  ; 1937) || (true",
        "day   ; 1932-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>) || true #",
    })
    void injectionInATypedParameterIs400(String param, String value) throws Exception {
        HttpResponse<String> r = get("/api/every-type?thing=industrialization&text=Stalin&" + param + "=" + enc(value),
                "application/json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(error(r).contains("'" + param + "'"), r.body());
        assertEquals(param, problem(r).get("parameter").getAsString(), r.body());
    }

    @Test
    void injectionInAStringParameterIsBoundAsOneLiteral() throws Exception {
        String evil = "\" } UNION { ?labelled ?p ?o } #";
        HttpResponse<String> r = get("/api/every-type?thing=industrialization&text=" + enc(evil), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray rows = JsonParser.parseString(r.body()).getAsJsonArray();
        assertEquals(1, rows.size(), "the text matched nothing, so one row: " + r.body());
        assertEquals(evil, rows.get(0).getAsJsonObject().get("text").getAsString());
        HttpResponse<String> search = get("/api/search?text=" + enc("') || true || ('"), "application/json");
        assertEquals(200, search.statusCode(), search.body());
        assertEquals("[]", search.body());
    }

    @Test
    void everyTypeIsBoundAsItsRdfTerm() throws Exception {
        HttpResponse<String> r = get("/api/every-type?thing=industrialization&text=Stalin&lang=RU&year=1937"
                + "&day=1932-11-07", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject row = JsonParser.parseString(r.body()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("https://w3id.org/stalin-kg/id/goal/industrialization", row.get("thing").getAsString());
        assertEquals("ru", row.get("lang").getAsString());
        assertEquals(7, row.get("n").getAsInt(), "the default of an optional parameter");
        assertEquals(1937, row.get("year").getAsInt());
        assertEquals("1932-11-07", row.get("day").getAsString());
    }

    @Test
    void optionalParametersNarrowTheTimeline() throws Exception {
        int all = JsonParser.parseString(get("/api/timeline?format=json", "*/*").body()).getAsJsonArray().size();
        JsonArray thirties = JsonParser.parseString(get("/api/timeline?from=1933&to=1937&format=json", "*/*").body())
                .getAsJsonArray();
        assertTrue(thirties.size() < all && !thirties.isEmpty(), thirties.size() + " of " + all);
        for (JsonElement e : thirties) {
            JsonObject o = e.getAsJsonObject();
            assertTrue(o.get("startYear").getAsInt() <= 1937, o.toString());
            assertTrue(!o.has("endYear") || o.get("endYear").getAsInt() >= 1933, o.toString());
        }
    }

    // --- errors of method and path ---

    @Test
    void unknownQueryIs404AndOtherMethodsAre405() throws Exception {
        HttpResponse<String> unknown = get("/api/no-such-query", "*/*");
        assertEquals(404, unknown.statusCode());
        assertTrue(type(unknown).startsWith("application/problem+json"), type(unknown));
        assertTrue(error(unknown).contains("no-such-query"), unknown.body());
        HttpResponse<String> page = get("/api/no-such-query", "text/html,*/*;q=0.8");
        assertEquals(404, page.statusCode());
        assertTrue(type(page).startsWith("text/html"), "a browser gets a page: " + type(page));
        int traversal = get("/api/..%2F..%2Fetc%2Fpasswd", "*/*").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "traversal -> " + traversal);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "/api/goals"))
                .PUT(BodyPublishers.ofString("x")));
        assertEquals(405, put.statusCode());
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base + "/api/goals"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));
        assertEquals(415, json.statusCode(), json.body());
        assertTrue(type(json).startsWith("application/problem+json"), type(json));
    }

    @Test
    void postToTheListingIs405WithAllow() throws Exception {
        // A client of its own: the refusals above leave their bodies unread, and the server may close a
        // connection the shared client would reuse.
        HttpResponse<String> postListing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/api")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString("a=b"))
                .build(), BodyHandlers.ofString());
        assertEquals(405, postListing.statusCode(), postListing.body());
        assertTrue(postListing.headers().firstValue("Allow").orElse("").contains("GET"));
        assertTrue(type(postListing).startsWith("application/problem+json"), type(postListing));
    }

    // --- caching ---

    @Test
    void sameRequestHasTheSameEtagAndIfNoneMatchGets304() throws Exception {
        HttpResponse<String> first = get("/api/in-effect-in-year?year=1937", "text/csv");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        // Accept (the answer depends on it) and Accept-Encoding (gzip, added in front by the compression handler).
        assertEquals(java.util.Set.of("Accept", "Accept-Encoding"),
                java.util.Set.of(first.headers().firstValue("Vary").orElse("").split(",\\s*")));
        assertEquals(etag, get("/api/in-effect-in-year?year=1937", "text/csv").headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> notModified = send(HttpRequest.newBuilder(
                URI.create(base + "/api/in-effect-in-year?year=1937")).header("Accept", "text/csv")
                .header("If-None-Match", etag).GET());
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());
        assertNotEquals(etag, get("/api/in-effect-in-year?year=1938", "text/csv").headers().firstValue("ETag").orElseThrow());
        assertNotEquals(etag, get("/api/in-effect-in-year?year=1937", "text/tab-separated-values")
                .headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() throws Exception {
        for (String path : new String[] {"/api/goals", "/api", "/api/openapi.json"}) {
            HttpResponse<String> get = get(path, "application/json");
            HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json").method("HEAD", BodyPublishers.noBody()));
            assertEquals(200, head.statusCode(), path);
            assertEquals("", head.body(), path);
            for (String h : new String[] {"ETag", "Content-Type", "Content-Length", "Cache-Control", "Vary"}) {
                assertNotNull(get.headers().firstValue(h).orElse(null), path + " GET " + h);
                assertEquals(get.headers().firstValue(h), head.headers().firstValue(h), path + " " + h);
            }
            assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
                    head.headers().firstValue("Content-Length").orElseThrow(), path);
        }
    }

    @Test
    void theListingAndItsPagesRevalidate() throws Exception {
        for (String path : new String[] {"/api", "/api/openapi.json", "/api/docs"}) {
            HttpResponse<String> first = get(path, "*/*");
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "*/*")
                    .header("If-None-Match", etag).GET());
            assertEquals(304, again.statusCode(), path);
            assertEquals(etag, again.headers().firstValue("ETag").orElse(""), path);
        }
        assertNotEquals(get("/api", "application/json").headers().firstValue("ETag"),
                get("/api", "text/html").headers().firstValue("ETag"), "each variant its own ETag");
    }

    // --- discovery ---

    @Test
    void listingNamesEveryQueryAsJsonAndAsHtml() throws Exception {
        HttpResponse<String> json = get("/api", "application/json");
        assertEquals(200, json.statusCode());
        JsonArray list = JsonParser.parseString(json.body()).getAsJsonObject().getAsJsonArray("queries");
        assertEquals(ProjectFiles.cannedQueries().all().size() + 1, list.size(), "bundled + every-type");
        HttpResponse<String> html = get("/api", "text/html,application/xhtml+xml;q=0.9");
        assertTrue(type(html).startsWith("text/html"), type(html));
        for (CannedQuery q : ProjectFiles.cannedQueries().all()) {
            assertTrue(html.body().contains("id=\"" + q.name() + "\""), q.name());
        }
    }

    @Test
    void openApiDocumentIsValidAndDescribesEveryQuery() throws Exception {
        HttpResponse<String> r = get("/api/openapi.json", "application/json");
        assertEquals(200, r.statusCode());
        SwaggerParseResult parsed = new OpenAPIParser().readContents(r.body(), null, null);
        assertNotNull(parsed.getOpenAPI(), String.valueOf(parsed.getMessages()));
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), String.valueOf(parsed.getMessages()));
        for (CannedQuery q : ProjectFiles.cannedQueries().all()) {
            assertNotNull(parsed.getOpenAPI().getPaths().get("/api/" + q.name()), q.name());
        }
        var op = parsed.getOpenAPI().getPaths().get("/api/policies-for-goal").getGet();
        assertTrue(op.getParameters().stream().anyMatch(p -> p.getName().equals("goal") && p.getRequired()));
    }

    @Test
    void swaggerUiIsServedFromTheJarWithNoOutsideRequest() throws Exception {
        HttpResponse<String> page = get("/api/docs", "text/html");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().matches("(?s).*(src|href)=\"https?://.*"), "the page loads something from outside");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(src|href)=\"\\.\\.(/webjars/[^\"]+)\"").matcher(page.body());
        int assets = 0;
        while (m.find()) {
            HttpResponse<String> asset = get(m.group(2), "*/*");
            assertEquals(200, asset.statusCode(), m.group(2));
            assets++;
        }
        assertEquals(2, assets);
        for (String path : new String[] {"/webjars/swagger-ui/../../../stalin-kg.properties",
            "/webjars/%2e%2e/stalin-kg.properties", "/webjars/swagger-ui/5.0/..%2F..%2Fstalin-kg.properties",
            "/webjars/../templates/api-docs.mustache"}) {
            int status = get(path, "*/*").statusCode();
            assertTrue(status == 400 || status == 404, path + " -> " + status);
        }
    }

    @Test
    void corsLetsAnyOriginReadWithoutCredentials() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/goals"))
                .header("Origin", "https://example.org").GET());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
                .header("Origin", "https://example.org").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"));
    }

    /** The detail of a problem document (RFC 9457). */
    private static String error(HttpResponse<String> r) {
        return problem(r).get("detail").getAsString();
    }

    private static JsonObject problem(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
