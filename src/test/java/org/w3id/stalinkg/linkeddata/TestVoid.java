package org.w3id.stalinkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.stalinkg.vocab.SKG;
import org.w3id.stalinkg.graph.DumpLib;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.store.LocalStore;

/** The VoID and DCAT description at /.well-known/void and the SPARQL service description, as a client reads them. */
class TestVoid {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static KnowledgeGraph kg;
    private static FusekiServer server;
    /** The server's own URL. */
    private static String url;
    /** The deployment's base: the canonical one, whatever the URL the description was fetched from. */
    private static final String base = SKG.BASE;

    @BeforeAll
    static void start() {
        kg = ProjectFiles.bundledGraph();
        server = FusekiServer.create().port(0).loopback(true).fusekiModules(FusekiModules.empty())
                .addServlet(VoidServlet.PATH, new VoidServlet(new LocalStore(kg), PublicBase.canonical())).build()
                .start();
        url = "http://localhost:" + server.getHttpPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text/turtle, TURTLE", "application/ld+json, JSONLD", "application/n-triples, NTRIPLES",
        "application/rdf+xml, RDFXML", "*/*, TURTLE",
        "'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', TURTLE"})
    void descriptionParsesInEveryOfferedFormat(String accept, String lang) throws Exception {
        HttpResponse<String> r = get(accept);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
        Lang l = switch (lang) {
            case "JSONLD" -> Lang.JSONLD;
            case "NTRIPLES" -> Lang.NTRIPLES;
            case "RDFXML" -> Lang.RDFXML;
            default -> Lang.TURTLE;
        };
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith(l.getContentType().getContentTypeStr()), type);
        Model m = parse(r.body(), l);
        assertTrue(m.contains(dataset(m), RDF.type, VOID.Dataset), "void:Dataset");
        assertTrue(m.contains(dataset(m), RDF.type, DCAT.Dataset), "dcat:Dataset");
    }

    @Test
    void triplesAreTheSizeOfTheServedGraph() throws Exception {
        Model m = turtle();
        assertEquals(kg.size(), dataset(m).getProperty(VOID.triples).getLong());
        assertTrue(dataset(m).getProperty(VOID.entities).getLong() > 100);
    }

    @Test
    void iriesOfTheDescriptionAreOnThisDeployment() throws Exception {
        Model m = turtle();
        Resource ds = dataset(m);
        String endpoint = ds.getPropertyResourceValue(VOID.sparqlEndpoint).getURI();
        assertEquals(base + "sparql", endpoint);
        assertTrue(endpoint.endsWith("/sparql"));
        assertEquals(base + "id/", ds.getProperty(VOID.uriSpace).getString());
        assertTrue(m.contains(ds, VOID.dataDump, m.createResource(base + "dumps/stalin-kg.nt.gz")));
        assertTrue(m.contains(ds, VOID.vocabulary, m.createResource(base + "ontology")));
        assertTrue(m.contains(ds, VOID.exampleResource, m.createResource(base + "id/outcome/holodomor")));
        assertFalse(m.listObjects().filterKeep(RDFNode::isURIResource)
                .filterKeep(n -> n.asResource().getURI().startsWith(url)).hasNext(),
                "no IRI names the host the description was fetched from");
    }

    @Test
    void classPartitionsCountOurClassesAndPropertyPartitionsSumToTheTriples() throws Exception {
        Model m = turtle();
        Resource ds = dataset(m);
        Resource policy = m.createResource(base + "ontology#Policy");
        Statement partition = ds.listProperties(VOID.classPartition).filterKeep(
                s -> s.getResource().hasProperty(VOID._class, policy)).nextOptional().orElseThrow();
        assertEquals(kg.instanceCounts().get("Policy"), partition.getResource().getProperty(VOID.entities).getLong());
        long sum = ds.listProperties(VOID.propertyPartition).toList().stream()
                .mapToLong(s -> s.getResource().getProperty(VOID.triples).getLong()).sum();
        assertEquals(kg.size(), sum);
    }

    @Test
    void wikidataLinksetCountsTheExactMatches() throws Exception {
        Model m = turtle();
        List<Resource> linksets = m.listSubjectsWithProperty(RDF.type, VOID.Linkset).toList();
        assertEquals(1, linksets.size());
        Resource links = linksets.get(0);
        assertEquals(dataset(m), links.getPropertyResourceValue(VOID.subjectsTarget));
        assertEquals("http://www.wikidata.org/", links.getPropertyResourceValue(VOID.objectsTarget).getURI());
        assertEquals(SKOS.exactMatch.getURI(), links.getPropertyResourceValue(VOID.linkPredicate).getURI());
        long n = links.getProperty(VOID.triples).getLong();
        assertTrue(n > 20, "links: " + n);
        assertEquals(ProjectFiles.select("""
                SELECT ?s ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#exactMatch> ?o
                  FILTER(STRSTARTS(STR(?o), "http://www.wikidata.org/entity/")) }
                """).size(), n);
    }

    @Test
    void dcatHasADistributionPerDumpAndTheSparqlService() throws Exception {
        Model m = turtle();
        Resource ds = dataset(m);
        List<Resource> downloads = ds.listProperties(DCAT.distribution).toList().stream()
                .map(s -> s.getResource().getPropertyResourceValue(DCAT.downloadURL)).toList();
        for (DumpLib.Format f : DumpLib.FORMATS) {
            assertTrue(downloads.contains(m.createResource(base + "dumps/" + f.fileName())), f.fileName());
        }
        Resource service = m.listSubjectsWithProperty(RDF.type, DCAT.DataService).next();
        assertEquals(base + "sparql", service.getPropertyResourceValue(DCAT.endpointURL).getURI());
        assertEquals(ds, service.getPropertyResourceValue(DCAT.servesDataset));
        assertEquals(base, ds.getPropertyResourceValue(DCAT.landingPage).getURI());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"image/png", "text/html", "application/json"})
    void whatIsNotOfferedIs406ListingTheFormats(String accept) throws Exception {
        HttpResponse<String> r = get(accept);
        assertEquals(406, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                || r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("text/turtle") && r.body().contains("application/ld+json"), r.body());
    }

    @Test
    void sameDescriptionGets304() throws Exception {
        HttpResponse<String> r = get("text/turtle");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(url + ".well-known/void"))
                .header("Accept", "text/turtle").header("If-None-Match", etag).build(), BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertFalse(etag.equals(get("application/ld+json").headers().firstValue("ETag").orElse(etag)),
                "each format has its own ETag");
    }

    @Test
    void negotiationIgnoresHtmlAndOffersRdfOnly() {
        assertEquals(LinkedDataFormat.TURTLE, VoidServlet.negotiate(null));
        assertEquals(LinkedDataFormat.JSON_LD, VoidServlet.negotiate("text/html, application/ld+json;q=0.5"));
        assertNull(VoidServlet.negotiate("text/html"));
    }

    @Test
    void serviceDescriptionNamesTheEndpointAndTheVoidDataset() {
        Graph sd = ServiceDescriptionLib.describe(base + "sparql", base, kg.size());
        Model m = ModelFactory.createModelForGraph(sd);
        String ns = ServiceDescriptionLib.SD;
        List<Resource> services = m.listSubjectsWithProperty(RDF.type, m.createResource(ns + "Service")).toList();
        assertEquals(1, services.size());
        Resource service = services.get(0);
        assertEquals(base + "sparql", service.getPropertyResourceValue(m.createProperty(ns, "endpoint")).getURI());
        assertTrue(service.hasProperty(m.createProperty(ns, "supportedLanguage"),
                m.createResource(ns + "SPARQL11Query")));
        assertTrue(service.hasProperty(m.createProperty(ns, "resultFormat"),
                m.createResource("http://www.w3.org/ns/formats/SPARQL_Results_JSON")));
        Resource dataset = service.getPropertyResourceValue(m.createProperty(ns, "defaultDataset"));
        assertNotNull(dataset);
        assertEquals(base + VoidServlet.DATASET, dataset.getURI());
        Resource graph = dataset.getPropertyResourceValue(m.createProperty(ns, "defaultGraph"));
        assertEquals(kg.size(), graph.getProperty(VOID.triples).getLong());
    }

    private static Resource dataset(Model m) {
        return m.createResource(base + VoidServlet.DATASET);
    }

    private static Model turtle() throws Exception {
        HttpResponse<String> r = get("text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body(), Lang.TURTLE);
    }

    private static Model parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return ModelFactory.createModelForGraph(g);
    }

    private static HttpResponse<String> get(String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + ".well-known/void")).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }
}
