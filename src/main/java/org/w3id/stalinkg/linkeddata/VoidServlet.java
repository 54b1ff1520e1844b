package org.w3id.stalinkg.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.AnonId;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.vocabulary.XSD;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;
import org.w3id.stalinkg.store.StoreMemo;
import org.w3id.stalinkg.vocab.SKG;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The VoID description of the dataset, mapped at {@value #PATH}: its size and partitions by class and property,
 * where to query it and download it, its IRI space, its links to Wikidata; the same node is a {@code dcat:Dataset}
 * with a distribution per dump and a data service for the SPARQL endpoint, so it doubles as the DCAT record.
 *
 * <pre>
 * curl http://localhost:3030/.well-known/void                              # Turtle
 * curl http://localhost:3030/.well-known/void -H 'Accept: application/ld+json'
 * </pre>
 *
 * Offered in Turtle, JSON-LD, RDF/XML and N-Triples by {@code Accept} (Turtle for none or {@code *}{@code /*});
 * there is no HTML variant, so a client that accepts only HTML gets 406. The statistics are computed once, in the
 * constructor; the description is built with canonical IRIs and moved to each request's public base, one copy kept
 * per base.
 * <p>
 * With an external store ({@code --sparql-endpoint}) the statistics are the same aggregate queries sent to the
 * store, when the description is first asked for and again after the store's freshness (502 if the store fails);
 * no dumps are listed, as none are served then, and the ETag is the hash of the bytes.
 */
public final class VoidServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Where the description is served (RFC 5785 well-known location registered by the VoID note). */
    public static final String PATH = "/.well-known/void";

    /** The dataset node, relative to the public base. */
    public static final String DATASET = ".well-known/void#dataset";

    /** Bases kept; beyond this (a client sending many Host headers) descriptions are built but not kept. */
    private static final int MAX_BASES = 16;

    private static final String C = PublicBase.CANONICAL;
    private static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";
    private static final String IANA = "https://www.iana.org/assignments/media-types/";

    private static final Query ENTITIES = QueryFactory.create("""
            SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "%s")) }
            """.formatted(C + "id/"));
    private static final Query CLASSES = QueryFactory.create("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }");
    private static final Query PROPERTIES = QueryFactory.create("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }");
    private static final Query SUBJECTS = QueryFactory.create("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }");
    private static final Query OBJECTS = QueryFactory.create("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }");
    private static final Query PROPERTY_PARTITIONS = QueryFactory.create(
            "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p");
    private static final Query WIKIDATA_LINKS = QueryFactory.create("""
            SELECT (COUNT(*) AS ?n) WHERE { ?s <%s> ?o FILTER(STRSTARTS(STR(?o), "%s")) }
            """.formatted(SKOS.exactMatch.getURI(), WIKIDATA_ENTITY));

    /** The RDF variants, in order of preference when several fit equally; HTML is not one of them. */
    private static final LinkedDataFormat[] OFFERED = Arrays.stream(LinkedDataFormat.values())
            .filter(LinkedDataFormat::isRdf).toArray(LinkedDataFormat[]::new);

    private final transient StoreMemo<Graph> canonical;
    private final transient PublicBase publicBase;
    /** The data's hash; null for an external store, whose description is not kept per base either. */
    private final String contentHash;
    private final transient Duration freshness;
    private final transient Map<String, Graph> byBase = new ConcurrentHashMap<>();

    /** Serves under each request's own base. */
    public VoidServlet(KnowledgeGraph kg) {
        this(kg, new PublicBase(null));
    }

    /** Serves under {@code publicBase} (the one configured with {@code --base-url}, if any). */
    public VoidServlet(KnowledgeGraph kg, PublicBase publicBase) {
        this(new LocalStore(kg), publicBase);
    }

    /** Describes the data of {@code store}, under {@code publicBase}. */
    public VoidServlet(SparqlStore store, PublicBase publicBase) {
        this.canonical = new StoreMemo<>(() -> describe(store), store.freshness());
        this.publicBase = publicBase;
        this.contentHash = store.version();
        this.freshness = store.freshness();
        if (contentHash != null) {
            canonical.get();
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        LinkedDataFormat format = negotiate(req.getHeader("Accept"));
        if (format == null) {
            byte[] body = ("Not acceptable. The VoID description is offered as: " + Arrays.stream(OFFERED)
                    .map(LinkedDataFormat::mediaType).collect(Collectors.joining(", ")) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            resp.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
            resp.setContentType("text/plain; charset=utf-8");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
            return;
        }
        String base = publicBase.of(req);
        String etag = contentHash == null ? null : "\"" + DumpLib.sha256((contentHash + " " + base + " " + format)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"";
        resp.setHeader("Cache-Control", HttpLib.cacheControl(freshness));
        if (etag != null) {
            resp.setHeader("ETag", etag);
            if (HttpLib.notModified(req, etag)) {
                resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        Graph description;
        try {
            description = forBase(base);
        } catch (StoreException ex) {
            HttpLib.sendText(resp, StoreException.STATUS, ex.getMessage());
            return;
        } catch (QueryCancelledException ex) {
            resp.setHeader("Retry-After", "5");
            HttpLib.sendText(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The SPARQL store behind this service did not compute the statistics in time.");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, description, format.lang());
        if (etag == null) {
            String bytesTag = HttpLib.etag(out.toByteArray());
            resp.setHeader("ETag", bytesTag);
            if (HttpLib.notModified(req, bytesTag)) {
                resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(format.contentType());
        resp.setContentLength(out.size());
        out.writeTo(resp.getOutputStream());
    }

    /** The description under {@code base}: canonical IRIs moved there, with the IRI space as a literal. */
    Graph forBase(String base) {
        Graph kept = byBase.get(base);
        if (kept != null) {
            return kept;
        }
        Graph graph = PublicBase.toPublic(canonical.get(), base);
        Model m = ModelFactory.createModelForGraph(graph);
        m.getResource(base + DATASET).addProperty(VOID.uriSpace, base + "id/");
        if (contentHash != null && byBase.size() < MAX_BASES) {
            byBase.putIfAbsent(base, graph);
        }
        return graph;
    }

    /**
     * The best RDF variant for {@code accept}; Turtle when there is none or it does not parse; null when no RDF
     * variant is acceptable (a browser's {@code *}{@code /*;q=0.8} still gets Turtle).
     */
    static LinkedDataFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return LinkedDataFormat.TURTLE;
        }
        AcceptList proposal;
        try {
            proposal = new AcceptList(accept);
        } catch (RuntimeException ex) {
            return LinkedDataFormat.TURTLE;
        }
        AcceptList offers = AcceptList.create(Arrays.stream(OFFERED).map(LinkedDataFormat::mediaType)
                .toArray(String[]::new));
        MediaType chosen = AcceptList.match(proposal, offers);
        if (chosen == null) {
            return null;
        }
        return Arrays.stream(OFFERED).filter(f -> f.mediaType().equals(chosen.getContentTypeStr()))
                .findFirst().orElse(null);
    }

    /**
     * The description with canonical IRIs and no {@code void:uriSpace} (a literal, so added per base); the dumps
     * only when the data is loaded here, as only then are they served.
     */
    static Graph describe(SparqlStore store) {
        Model m = ModelFactory.createModelForGraph(GraphFactory.createDefaultGraph());
        m.setNsPrefix("void", VOID.NS).setNsPrefix("dcat", DCAT.NS).setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix("skos", SKOS.uri).setNsPrefix("xsd", XSD.NS).setNsPrefix("rdfs", RDFS.uri)
                .setNsPrefix("owl", OWL.NS).setNsPrefix(SKG.PREFIX, SKG.NS);
        Resource doc = m.createResource(C + ".well-known/void");
        Resource dataset = m.createResource(C + DATASET);
        Resource sparql = m.createResource(C + "sparql");
        doc.addProperty(RDF.type, VOID.DatasetDescription)
                .addProperty(DCTerms.title, m.createLiteral("VoID description of stalin-kg", "en"))
                .addProperty(m.createProperty("http://xmlns.com/foaf/0.1/primaryTopic"), dataset);
        dataset.addProperty(RDF.type, VOID.Dataset).addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, m.createLiteral("stalin-kg", "en"))
                .addProperty(DCTerms.description, m.createLiteral("A knowledge graph of Joseph Stalin's political "
                        + "goals, the policies he pursued them with, their outcomes and the regions they struck, every "
                        + "statement traceable to its source, and the claims of the seed article checked against "
                        + "established history.", "en"))
                .addProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/"))
                .addProperty(DCTerms.source, m.createResource(C + "id/source/seed-article"))
                .addProperty(DCAT.landingPage, m.createResource(C))
                .addProperty(VOID.sparqlEndpoint, sparql)
                .addProperty(VOID.vocabulary, m.createResource(SKG.ONTOLOGY_IRI))
                .addProperty(VOID.exampleResource, m.createResource(C + "id/person/joseph-stalin"))
                .addProperty(VOID.exampleResource, m.createResource(C + "id/outcome/holodomor"));
        dataset.addLiteral(VOID.triples, integer(store.size()))
                .addLiteral(VOID.entities, integer(count(store, ENTITIES)))
                .addLiteral(VOID.classes, integer(count(store, CLASSES)))
                .addLiteral(VOID.properties, integer(count(store, PROPERTIES)))
                .addLiteral(VOID.distinctSubjects, integer(count(store, SUBJECTS)))
                .addLiteral(VOID.distinctObjects, integer(count(store, OBJECTS)));
        store.query(PROPERTY_PARTITIONS, Map.of(), null, exec -> {
            exec.select().forEachRemaining(row ->
                    dataset.addProperty(VOID.propertyPartition, blank(m, "property " + row.get("p").getURI())
                            .addProperty(VOID.property, m.createResource(row.get("p").getURI()))
                            .addLiteral(VOID.triples, integer(number(row.get("n"))))));
            return null;
        });
        dataset.addProperty(VOID.subset, m.createResource(C + ".well-known/void#wikidata-links")
                .addProperty(RDF.type, VOID.Linkset)
                .addProperty(VOID.subjectsTarget, dataset)
                .addProperty(VOID.objectsTarget, m.createResource("http://www.wikidata.org/"))
                .addProperty(VOID.linkPredicate, SKOS.exactMatch)
                .addLiteral(VOID.triples, integer(count(store, WIKIDATA_LINKS))));
        // Instances per class of our ontology, subclasses included, as the validate command counts them.
        store.instanceCounts().forEach((cls, n) -> {
            if (n > 0) {
                dataset.addProperty(VOID.classPartition, blank(m, "class " + cls)
                        .addProperty(VOID._class, m.createResource(SKG.NS + cls))
                        .addLiteral(VOID.entities, integer(n)));
            }
        });
        for (DumpLib.Format format : store.local().isPresent() ? DumpLib.FORMATS : List.<DumpLib.Format>of()) {
            Resource file = m.createResource(C + "dumps/" + format.fileName());
            dataset.addProperty(VOID.dataDump, file);
            dataset.addProperty(DCAT.distribution, m.createResource(C + ".well-known/void#dump-" + format.extension())
                    .addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCTerms.title, m.createLiteral("The whole graph as " + format.lang().getLabel()
                            + ", gzipped", "en"))
                    .addProperty(DCAT.downloadURL, file)
                    .addProperty(DCAT.accessURL, m.createResource(C + "dumps/"))
                    .addProperty(DCAT.mediaType, m.createResource(IANA + format.mediaType()))
                    .addProperty(DCAT.compressFormat, m.createResource(IANA + "application/gzip"))
                    .addProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/")));
        }
        m.createResource(C + ".well-known/void#sparql-service")
                .addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCTerms.title, m.createLiteral("stalin-kg SPARQL 1.1 query endpoint", "en"))
                .addProperty(DCTerms.conformsTo, m.createResource("https://www.w3.org/TR/sparql11-protocol/"))
                .addProperty(DCAT.endpointURL, sparql)
                .addProperty(DCAT.endpointDescription, sparql)
                .addProperty(DCAT.servesDataset, dataset);
        return m.getGraph();
    }

    /**
     * A blank node labelled from {@code key}, the same on every server start: with fresh random labels, replicas
     * would write the description in different orders (N-Triples, JSON-LD) and differ in bytes.
     */
    static Resource blank(Model m, String key) {
        return m.createResource(AnonId.create("void-" + DumpLib.sha256(key.getBytes(StandardCharsets.UTF_8))
                .substring(0, 16)));
    }

    private static long count(SparqlStore store, Query query) {
        return store.query(query, Map.of(), null, exec -> number(exec.select().next().get("n")));
    }

    private static long number(Node n) {
        return ((Number) n.getLiteralValue()).longValue();
    }

    private static Literal integer(long n) {
        return ResourceFactory.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
