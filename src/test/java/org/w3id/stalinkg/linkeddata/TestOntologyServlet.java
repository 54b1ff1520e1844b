package org.w3id.stalinkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.stalinkg.vocab.SKG;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.OntologyReleasesLib;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.store.LocalStore;

/** The ontology at its own IRI as a client sees it: real servers on free ports, real HTTP. */
class TestOntologyServlet {

    private static final String PROTEGE = "application/rdf+xml, application/xml; q=0.5, text/xml; q=0.3, */*; q=0.2";
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String[] PATHS = {
        "/ontology", "/ontology.ttl", "/ontology.rdf", "/ontology.jsonld", "/ontology.nt", "/ontology.html"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Takes its base from each request. */
    private static FusekiServer local;
    /** Configured with the canonical base, as the production deployment behind w3id.org. */
    private static FusekiServer canonical;
    private static String localUrl;
    private static String canonicalUrl;

    @BeforeAll
    static void start() {
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        local = server(kg);
        canonical = server(kg);
        localUrl = "http://localhost:" + local.getHttpPort();
        canonicalUrl = "http://localhost:" + canonical.getHttpPort();
    }

    private static FusekiServer server(KnowledgeGraph kg) {
        FusekiServer.Builder builder = FusekiServer.create().port(0).loopback(true)
                .fusekiModules(FusekiModules.empty());
        String version = OntologyReleasesLib.versionOf(kg.ontology());
        OntologyServlet servlet = new OntologyServlet(new LocalStore(kg), Map.of(version, kg.ontology()), version);
        for (String path : PATHS) {
            builder.addServlet(path, servlet);
        }
        return builder.build().start();
    }

    @AfterAll
    static void stop() {
        for (FusekiServer s : new FusekiServer[] {local, canonical}) {
            if (s != null) {
                s.stop();
            }
        }
    }

    // --- RDF by content negotiation, read back by a parser ---

    @Test
    void anyTypeGetsTurtle() throws Exception {
        HttpResponse<String> r = get(localUrl + "/ontology", "*/*");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/turtle", mediaType(r));
        assertOntologyUnder(SKG.BASE, parse(r.body(), Lang.TURTLE));
        assertTrue(r.body().contains("skg:Policy"), "Turtle keeps the prefixes");
    }

    @Test
    void noAcceptGetsTurtle() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(localUrl + "/ontology")).GET());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/turtle", mediaType(r));
        assertOntologyUnder(SKG.BASE, parse(r.body(), Lang.TURTLE));
    }

    @Test
    void protegesAcceptGetsRdfXml() throws Exception {
        HttpResponse<String> r = get(localUrl + "/ontology", PROTEGE);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/rdf+xml", mediaType(r));
        assertOntologyUnder(SKG.BASE, parse(r.body(), Lang.RDFXML));
    }

    @Test
    void jsonLdByAccept() throws Exception {
        HttpResponse<String> r = get(localUrl + "/ontology", "application/ld+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/ld+json", mediaType(r));
        assertOntologyUnder(SKG.BASE, parse(r.body(), Lang.JSONLD));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ttl, text/turtle",
        "rdf, application/rdf+xml",
        "jsonld, application/ld+json",
        "nt, application/n-triples",
    })
    void extensionChoosesTheFormatWhateverTheAccept(String ext, String mediaType) throws Exception {
        HttpResponse<String> r = get(localUrl + "/ontology." + ext, "text/html");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(mediaType, mediaType(r));
        assertOntologyUnder(SKG.BASE, parse(r.body(), LinkedDataFormat.byExtension(ext).lang()));
    }

    @Test
    void canonicalBaseKeepsCanonicalIris() throws Exception {
        HttpResponse<String> r = get(canonicalUrl + "/ontology", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertOntologyUnder(SKG.BASE, parse(r.body(), Lang.TURTLE));
        assertFalse(r.body().contains("localhost"), r.body());
    }

    // --- HTML documentation ---

    @Test
    void browserGetsHtmlDocumentation() throws Exception {
        HttpResponse<String> r = get(localUrl + "/ontology", BROWSER);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/html", mediaType(r));
        String html = r.body();
        assertTrue(html.contains("<html lang=\"en\">"), "language of the page");
        assertTrue(html.contains("<title>stalin-kg ontology</title>"), "title");
        assertTrue(html.contains("id=\"Policy\""), "a section per class");
        assertTrue(html.contains("id=\"servesGoal\""), "a section per property");
        assertTrue(html.contains("id=\"confirmed\""), "a section per named individual");
        assertTrue(html.contains("Political goal"), "English label");
        assertTrue(html.contains("Политическая цель"), "Russian label, not escaped");
        assertTrue(html.contains("Relates a policy to a political goal it was meant to serve."), "definition");
        assertTrue(html.contains("<p>Dates. The values of skg:startDate"), "description, one paragraph each");
        assertTrue(html.contains("<link rel=\"alternate\" type=\"application/rdf+xml\" href=\"ontology.rdf\">"),
                "alternates in the head");
        assertTrue(html.contains("https://creativecommons.org/licenses/by/4.0/"), "licence");
        // Readable without JavaScript: the only script is the site's search box, which enhances a plain form.
        assertFalse(html.replace("<script src=\"./static/search.js\" defer></script>", "")
                .replace("<script src=\"./static/dom.js\" defer></script>", "").contains("<script"),
                "readable without JavaScript");
    }

    @Test
    void htmlGivesDomainRangeAndUsageOfAProperty() throws Exception {
        String section = section(get(localUrl + "/ontology.html", "*/*").body(), "servesGoal");
        assertTrue(section.contains("<a href=\"#Policy\">skg:Policy</a>"), section);
        assertTrue(section.contains("<a href=\"#PoliticalGoal\">skg:PoliticalGoal</a>"), section);
        assertTrue(section.contains("<a href=\"#goalServedBy\">skg:goalServedBy</a>"), "inverse: " + section);
        assertTrue(section.contains("Requires source"), section);
        long uses = count("SELECT (COUNT(*) AS ?n) WHERE { ?s skg:servesGoal ?o }");
        assertTrue(uses > 0);
        assertTrue(section.contains(">" + uses + " triples<"), "usage count " + uses + ": " + section);
    }

    @Test
    void htmlGivesHierarchyAndInstancesOfAClass() throws Exception {
        String section = section(get(localUrl + "/ontology.html", "*/*").body(), "Policy");
        assertTrue(section.contains("<a href=\"http://www.w3.org/ns/prov#Activity\">prov:Activity</a>"), section);
        assertTrue(section.contains("<a href=\"#EconomicPolicy\">skg:EconomicPolicy</a>"), "subclass: " + section);
        long instances = count("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x rdf:type/rdfs:subClassOf* skg:Policy }");
        assertTrue(section.contains(">" + instances + " instances"), "usage count " + instances + ": " + section);
    }

    @Test
    void htmlRendersAUnionAsOr() throws Exception {
        String section = section(get(localUrl + "/ontology.html", "*/*").body(), "carriedOutBy");
        assertTrue(section.contains(
                "<a href=\"#Institution\">skg:Institution</a> or <a href=\"#Person\">skg:Person</a>"), section);
    }

    // --- HTTP behaviour ---

    @Test
    void unacceptableTypeIs406WithTheChoices() throws Exception {
        HttpResponse<String> r = get(localUrl + "/ontology", "image/png");
        assertEquals(406, r.statusCode(), r.body());
        assertEquals("application/problem+json", mediaType(r));
        assertTrue(r.body().contains("text/turtle"), r.body());
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
    }

    @Test
    void negotiatedAnswerVariesOnAccept() throws Exception {
        HttpResponse<String> r = get(localUrl + "/ontology", "text/turtle");
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
        assertEquals("ontology.ttl", r.headers().firstValue("Content-Location").orElse(""));
        assertTrue(r.headers().firstValue("Link").orElse("").contains("<ontology.rdf>; rel=\"alternate\""),
                r.headers().toString());
    }

    @Test
    void unchangedAnswerIs304() throws Exception {
        HttpResponse<String> first = get(localUrl + "/ontology", "text/turtle");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("public, max-age=3600", first.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(localUrl + "/ontology"))
                .header("Accept", "text/turtle").header("If-None-Match", etag).GET());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(localUrl + "/ontology"))
                .header("Accept", "application/rdf+xml").header("If-None-Match", etag).GET());
        assertEquals(200, other.statusCode(), "another format has another ETag");
    }

    @Test
    void headHasHeadersAndNoBody() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(localUrl + "/ontology.ttl"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode());
        assertEquals("text/turtle", mediaType(r));
        assertEquals("", r.body());
    }

    @Test
    void postIs405() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(localUrl + "/ontology"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, r.statusCode());
    }

    // --- helpers ---

    private static void assertOntologyUnder(String base, Graph g) {
        Node ontology = NodeFactory.createURI(base + "ontology");
        Node policy = NodeFactory.createURI(base + "ontology#Policy");
        assertTrue(g.contains(ontology, RDF.type.asNode(), OWL2.Ontology.asNode()), "owl:Ontology <" + ontology + ">");
        assertTrue(g.contains(policy, RDF.type.asNode(), OWL2.Class.asNode()), "owl:Class <" + policy + ">");
        g.find().forEachRemaining(t -> assertFalse(t.toString().contains("localhost"), "the Host leaked: " + t));
    }

    private static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    /** The HTML of one term's section. */
    private static String section(String html, String id) {
        int start = html.indexOf("<section class=\"term\" id=\"" + id + "\">");
        assertTrue(start >= 0, "no section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static long count(String select) {
        String prefixes = """
                PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skg:  <https://w3id.org/stalin-kg/ontology#>
                """;
        return ProjectFiles.select(prefixes + select).get(0).getLiteral("n").getLong();
    }

    private static HttpResponse<String> get(String url, String accept) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }

    private static String mediaType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    }
}
