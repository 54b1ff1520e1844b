package org.w3id.stalinkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.JSONLDSettings;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.stalinkg.vocab.SKG;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.server.KgServer;
import org.w3id.stalinkg.server.Limits;
import org.w3id.stalinkg.server.ServerSettings;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Dereferencing as a linked-data client sees it: a real server, real HTTP, and every RDF answer read back by
 * Eclipse RDF4J's parsers (not Jena's) and found to describe the IRI that was asked for.
 */
class TestLinkedData {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static FusekiServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        ServerSettings settings = ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withClientBudget(0, 0));
        server = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(), settings).start();
        base = "http://localhost:" + server.getHttpPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void thingIriAnswers303ToItsDescription() throws Exception {
        HttpResponse<String> r = get("id/policy/great-purge", "text/turtle");
        assertEquals(303, r.statusCode());
        assertEquals("../../doc/policy/great-purge", r.headers().firstValue("Location").orElse(""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "text/turtle, text/turtle, TURTLE",
        "*/*, text/turtle, TURTLE",
        "application/ld+json, application/ld+json, JSONLD",
        "application/rdf+xml, application/rdf+xml, RDFXML",
        "application/n-triples, application/n-triples, NTRIPLES",
        "'application/rdf+xml, application/xml;q=0.5, text/xml;q=0.3, */*;q=0.2', application/rdf+xml, RDFXML",
        "'text/turtle;q=0.5, application/ld+json', application/ld+json, JSONLD",
    })
    void descriptionNegotiatesAndParsesWithRdf4j(String accept, String type, String format) throws Exception {
        HttpResponse<String> r = follow("id/outcome/holodomor", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type));
        assertTrue(r.headers().firstValue("Vary").orElse("").contains("Accept"));
        Model model = parse(r.body(), rdf4jFormat(format));
        // Canonical names, whatever host the document was fetched from.
        IRI holodomor = Values.iri(SKG.BASE + "id/outcome/holodomor");
        assertFalse(model.filter(holodomor, null, null).isEmpty(), "the document does not describe " + holodomor);
        IRI affected = Values.iri(SKG.BASE + "ontology#affectedRegion");
        assertTrue(model.contains(holodomor, affected, Values.iri(SKG.BASE + "id/region/ukrainian-ssr")));
    }

    @ParameterizedTest(name = ".{0}")
    @CsvSource({"ttl, text/turtle", "jsonld, application/ld+json", "rdf, application/rdf+xml",
        "nt, application/n-triples", "html, text/html"})
    void extensionChoosesTheFormatWhateverTheAccept(String ext, String type) throws Exception {
        HttpResponse<String> r = get("doc/policy/first-five-year-plan." + ext, "image/png");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type));
    }

    @Test
    void nothingAcceptableIs406WithAReadableBody() throws Exception {
        HttpResponse<String> r = get("doc/policy/great-purge", "image/png");
        assertEquals(406, r.statusCode());
        assertTrue(r.body().contains("text/turtle") && r.body().contains(".ttl"), r.body());
    }

    @Test
    void unknownThingIs404AsAPageOrAsText() throws Exception {
        HttpResponse<String> page = get("id/policy/no-such-policy", BROWSER);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("<h1>404 Not Found</h1>"), page.body());
        HttpResponse<String> rdf = get("doc/policy/no-such-policy", "text/turtle");
        assertEquals(404, rdf.statusCode());
        assertTrue(rdf.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "a problem document: " + rdf.body());
        assertTrue(rdf.body().contains("\"status\": 404"), rdf.body());
        for (String path : new String[] {"id/policy", "id/policy/Great-Purge", "id/policy/x/y", "id/..%2f..%2fetc",
            "doc/policy/great-purge.exe", "id/policy/great-purge.ttl"}) {
            int status = get(path, "text/turtle").statusCode();
            assertTrue(status == 404 || status == 400, path + " -> " + status);
        }
    }

    @Test
    void pageShowsNamesTypesLinksSourcesAndCorrections() throws Exception {
        HttpResponse<String> r = follow("id/institution/warsaw-pact", BROWSER);
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<h1>Warsaw Pact</h1>"), "English by default");
        assertTrue(html.contains("Варшавский договор"), "other names listed");
        assertTrue(html.contains("class=\"correction\""), "the correction is flagged");
        assertTrue(html.contains("href=\"../../doc/correction/warsaw-pact-after-stalin\""), "linked by a relative path");
        assertTrue(html.contains("https://www.wikidata.org/wiki/Q41644") || html.contains("entity/Q41644"));
        assertTrue(html.contains("1955-05-14"), "the date with its precision");
        assertTrue(html.contains("rel=\"alternate\" type=\"text/turtle\""));
        assertTrue(html.contains("<script type=\"application/ld+json\">"));
        HttpResponse<String> ru = send(HttpRequest.newBuilder(URI.create(base + "doc/institution/warsaw-pact"))
                .header("Accept", BROWSER).header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").GET());
        assertTrue(ru.body().contains("<h1>Варшавский договор</h1>"), "the reader's language");
        assertEquals("ru", ru.headers().firstValue("Content-Language").orElse(""));
    }

    @Test
    void pageQuotesTheSentenceAStatementRestsOn() throws Exception {
        String html = follow("id/policy/first-five-year-plan", BROWSER).body();
        assertTrue(html.contains("<blockquote>The first Five-Year Plan (1928–1932) marked the beginning"), html);
        assertTrue(html.contains("href=\"../../doc/goal/industrialization\">Industrialization</a>"), html);
    }

    @Test
    void jsonLdCarriesThePublishedContextInlineWithReadableKeys() throws Exception {
        HttpResponse<String> r = follow("id/goal/industrialization", "application/ld+json");
        JsonObject doc = JsonParser.parseString(r.body()).getAsJsonObject();
        HttpResponse<String> published = get("context.jsonld", "application/ld+json");
        assertEquals(JsonParser.parseString(published.body()).getAsJsonObject().get("@context"), doc.get("@context"),
                "the same context as /context.jsonld, inline");
        assertTrue(r.body().contains("\"label\"") && r.body().contains("\"servesGoal\""), r.body());
        HttpResponse<String> context = get("context.jsonld", "application/ld+json");
        assertEquals(200, context.statusCode());
        assertTrue(JsonParser.parseString(context.body()).getAsJsonObject().getAsJsonObject("@context").has("servesGoal"));
    }

    @Test
    void everyThingInTheGraphDereferences() throws Exception {
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        Set<String> things = new TreeSet<>();
        Txn.executeRead(kg.dataset(), () -> kg.dataset().getDefaultGraph().find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(SKG.BASE + "id/")) {
                things.add(t.getSubject().getURI().substring(SKG.BASE.length() + 3));
            }
        }));
        assertTrue(things.size() > 300, "things: " + things.size());
        List<String> failures = new ArrayList<>();
        for (String path : things) {
            HttpResponse<String> r = follow("id/" + path, "application/n-triples");
            if (r.statusCode() != 200 || !r.body().contains("<" + SKG.BASE + "id/" + path + ">")) {
                failures.add(path + " -> " + r.statusCode());
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void everyIriOfOursInADescriptionDereferencesOnThisDeployment() throws Exception {
        // The canonical IRIs resolve through w3id.org to a deployment like this one: each, its base replaced by
        // this server's URL, is served here.
        Model model = Rio.parse(new StringReader(follow("id/outcome/holodomor", "text/turtle").body()), base,
                RDFFormat.TURTLE);
        Set<String> iris = new TreeSet<>();
        for (Statement st : model) {
            for (Value v : new Value[] {st.getSubject(), st.getPredicate(), st.getObject()}) {
                if (v.isIRI() && v.stringValue().startsWith(SKG.BASE)) {
                    iris.add(v.stringValue());
                }
            }
        }
        assertTrue(iris.size() > 10, iris.toString());
        for (String iri : iris) {
            String here = base + iri.substring(SKG.BASE.length());
            String document = here.contains("#") ? here.substring(0, here.indexOf('#')) : here;
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(document)).header("Accept", "text/turtle").GET());
            int status = r.statusCode() == 303 ? send(HttpRequest.newBuilder(
                    r.uri().resolve(r.headers().firstValue("Location").orElseThrow())).header("Accept", "text/turtle").GET())
                    .statusCode() : r.statusCode();
            assertEquals(200, status, iri);
        }
    }

    @Test
    void configuredBaseUrlIsUsedInEveryDescription() throws Exception {
        FusekiServer canonical = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0).withBaseUrl(SKG.BASE)).start();
        try {
            String local = "http://localhost:" + canonical.getHttpPort() + "/";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(local + "id/outcome/holodomor")).GET());
            assertEquals(303, r.statusCode());
            assertEquals("../../doc/outcome/holodomor", r.headers().firstValue("Location").orElse(""));
            String body = send(HttpRequest.newBuilder(URI.create(local + "doc/outcome/holodomor.nt")).GET()).body();
            assertTrue(body.contains("<https://w3id.org/stalin-kg/id/outcome/holodomor>"), body);
            assertFalse(body.contains("localhost"), body);
        } finally {
            canonical.stop();
        }
    }

    /** RDF4J's parser; for JSON-LD, allowed to fetch our published context (and nothing else). */
    private static Model parse(String text, RDFFormat format) throws Exception {
        RDFParser parser = Rio.createParser(format);
        parser.getParserConfig().set(JSONLDSettings.WHITELIST, Set.of(base + "context.jsonld"));
        StatementCollector statements = new StatementCollector();
        parser.setRDFHandler(statements);
        parser.parse(new StringReader(text), base);
        return new LinkedHashModel(statements.getStatements());
    }

    private static RDFFormat rdf4jFormat(String name) {
        return switch (name) {
            case "JSONLD" -> RDFFormat.JSONLD;
            case "RDFXML" -> RDFFormat.RDFXML;
            case "NTRIPLES" -> RDFFormat.NTRIPLES;
            default -> RDFFormat.TURTLE;
        };
    }

    /** GET that follows one 303, as a linked-data client does. */
    private static HttpResponse<String> follow(String path, String accept) throws Exception {
        HttpResponse<String> r = get(path, accept);
        if (r.statusCode() == 303) {
            return send(HttpRequest.newBuilder(r.uri().resolve(r.headers().firstValue("Location").orElseThrow()))
                    .header("Accept", accept).GET());
        }
        return r;
    }

    @Test
    void theNotFoundPageSearchesTheNamesForTheMissingSlugsWords() throws Exception {
        HttpResponse<String> page = get("doc/policy/great-purg", BROWSER);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("href=\"../../api/search?text=great+purg\""), page.body());
        HttpResponse<String> found = get("api/search?text=great+purg&format=json", "application/json");
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains("/id/policy/great-purge"), found.body());
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }
}
