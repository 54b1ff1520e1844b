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
import org.apache.jena.graph.NodeFactory;
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
import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.http.Problem;
import org.w3id.stalinkg.store.DumpFile;
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
 * with a distribution per dump (its media type, {@code dcat:byteSize} and SHA-256 as an {@code spdx:checksum}, as
 * DCAT 3 has them) and a data service for the SPARQL endpoint, so it doubles as the DCAT record.
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

    private static final String IANA = "https://www.iana.org/assignments/media-types/";

    /** The SPDX terms DCAT 3 takes a distribution's checksum from. */
    static final String SPDX = "http://spdx.org/rdf/terms#";

    /** The RDF variants, in order of preference when several fit equally; HTML is not one of them. */
    private static final LinkedDataFormat[] OFFERED = Arrays.stream(LinkedDataFormat.values())
            .filter(LinkedDataFormat::isRdf).toArray(LinkedDataFormat[]::new);

    private final transient StoreMemo<Graph> description;
    /** The data's hash; null for an external store. */
    private final String contentHash;
    private final transient Duration freshness;

    /**
     * Describes the data of {@code store}, served under {@code base}, with the dumps it offers.
     */
    public VoidServlet(SparqlStore store, PublicBase base) {
        this.description = new StoreMemo<>(() -> describe(store, base), store.freshness());
        this.contentHash = store.version();
        this.freshness = store.freshness();
        if (contentHash != null) {
            description.get();
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AnswerSender.send(req, resp, answer(req));
    }

    private Answer answer(HttpServletRequest req) {
        LinkedDataFormat format = negotiate(req.getHeader("Accept"));
        if (format == null) {
            return Problem.of(406, "Not Acceptable", "The VoID description is offered as: " + Arrays.stream(OFFERED)
                    .map(LinkedDataFormat::mediaType).collect(Collectors.joining(", "))).answer(req);
        }
        Graph graph;
        try {
            graph = description.get();
        } catch (StoreException ex) {
            return Problem.storeFailed(ex).answer(req);
        } catch (QueryCancelledException ex) {
            return Problem.storeTimedOut("did not compute the statistics in time.").answer(req);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, graph, format.lang());
        Answer answer = Answer.ok(format.contentType(), out.toByteArray()).varyingOn("Accept")
                .withCacheControl(HttpLib.cacheControl(freshness));
        return contentHash == null ? answer : answer.withEtag(HttpLib.etag(contentHash, "void", format.name()));
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
     * The description, every IRI of this deployment under {@code base} (the same as the data's), the IRI space as
     * a literal; the dumps only when they are served.
     */
    static Graph describe(SparqlStore store, PublicBase base) {
        String c = base.base();
        Model m = ModelFactory.createModelForGraph(GraphFactory.createDefaultGraph());
        m.setNsPrefix("void", VOID.NS).setNsPrefix("dcat", DCAT.NS).setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix("skos", SKOS.uri).setNsPrefix("xsd", XSD.NS).setNsPrefix("rdfs", RDFS.uri)
                .setNsPrefix("owl", OWL.NS).setNsPrefix(SKG.PREFIX, SKG.NS);
        Resource doc = m.createResource(c + ".well-known/void");
        Resource dataset = m.createResource(c + DATASET);
        Resource sparql = m.createResource(c + "sparql");
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
                .addProperty(DCTerms.source, m.createResource(c + "id/source/seed-article"))
                .addProperty(DCAT.landingPage, m.createResource(c))
                .addProperty(VOID.sparqlEndpoint, sparql)
                .addProperty(VOID.vocabulary, m.createResource(SKG.ONTOLOGY_IRI))
                .addProperty(VOID.exampleResource, m.createResource(c + "id/person/joseph-stalin"))
                .addProperty(VOID.exampleResource, m.createResource(c + "id/outcome/holodomor"))
                .addProperty(VOID.uriSpace, base.things());
        dataset.addLiteral(VOID.triples, integer(store.size()))
                .addLiteral(VOID.entities, integer(count(store, "void-entities", Map.of("things", NodeFactory.createLiteralString(base.things())))))
                .addLiteral(VOID.classes, integer(count(store, "void-classes", Map.of())))
                .addLiteral(VOID.properties, integer(count(store, "void-properties", Map.of())))
                .addLiteral(VOID.distinctSubjects, integer(count(store, "void-subjects", Map.of())))
                .addLiteral(VOID.distinctObjects, integer(count(store, "void-objects", Map.of())));
        store.query("void-property-partitions", Map.of(), null, exec -> {
            exec.select().forEachRemaining(row ->
                    dataset.addProperty(VOID.propertyPartition, blank(m, "property " + row.get("p").getURI())
                            .addProperty(VOID.property, m.createResource(row.get("p").getURI()))
                            .addLiteral(VOID.triples, integer(number(row.get("n"))))));
            return null;
        });
        dataset.addProperty(VOID.subset, m.createResource(c + ".well-known/void#wikidata-links")
                .addProperty(RDF.type, VOID.Linkset)
                .addProperty(VOID.subjectsTarget, dataset)
                .addProperty(VOID.objectsTarget, m.createResource("http://www.wikidata.org/"))
                .addProperty(VOID.linkPredicate, SKOS.exactMatch)
                .addLiteral(VOID.triples, integer(count(store, "void-wikidata-links", Map.of()))));
        addClassPartitions(m, dataset, store);
        addDumps(m, dataset, store, c);
        m.createResource(c + ".well-known/void#sparql-service")
                .addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCTerms.title, m.createLiteral("stalin-kg SPARQL 1.1 query endpoint", "en"))
                .addProperty(DCTerms.conformsTo, m.createResource("https://www.w3.org/TR/sparql11-protocol/"))
                .addProperty(DCAT.endpointURL, sparql)
                .addProperty(DCAT.endpointDescription, sparql)
                .addProperty(DCAT.servesDataset, dataset);
        return m.getGraph();
    }

    /** Instances per class of our ontology, subclasses included, as the validate command counts them. */
    private static void addClassPartitions(Model m, Resource dataset, SparqlStore store) {
        store.instanceCounts().forEach((cls, n) -> {
            if (n > 0) {
                dataset.addProperty(VOID.classPartition, blank(m, "class " + cls)
                        .addProperty(VOID._class, m.createResource(SKG.NS + cls))
                        .addLiteral(VOID.entities, integer(n)));
            }
        });
    }

    /**
     * Each dump the store offers, as a data dump and a DCAT distribution of {@code dataset} with its media type, byte
     * size and SHA-256, as DCAT 3 states them ({@code dcat:byteSize}, {@code spdx:checksum}).
     */
    private static void addDumps(Model m, Resource dataset, SparqlStore store, String c) {
        List<DumpFile> dumps = store.dumpFiles();
        if (dumps.isEmpty()) {
            return;
        }
        m.setNsPrefix("spdx", SPDX);
        Map<String, byte[]> files = store.dumps();
        for (DumpFile dump : dumps) {
            Resource file = m.createResource(c + "dumps/" + dump.name());
            dataset.addProperty(VOID.dataDump, file);
            String holds = dump.namedGraphs() ? "The whole dataset, the default graph and the named graphs of "
                    + "stated and inferred statements, as " : "The whole graph as ";
            dataset.addProperty(DCAT.distribution, m.createResource(c + ".well-known/void#dump-"
                    + dump.name().split("\\.")[1])
                    .addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCTerms.title, m.createLiteral(holds + dump.serialisation() + ", gzipped", "en"))
                    .addProperty(DCAT.downloadURL, file)
                    .addProperty(DCAT.accessURL, m.createResource(c + "dumps/"))
                    .addProperty(DCAT.mediaType, m.createResource(IANA + dump.mediaType()))
                    .addProperty(DCAT.compressFormat, m.createResource(IANA + "application/gzip"))
                    .addLiteral(DCAT.byteSize, ResourceFactory.createTypedLiteral(
                            Long.toString(files.get(dump.name()).length), XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(m.createProperty(SPDX + "checksum"), blank(m, "checksum " + dump.name())
                            .addProperty(RDF.type, m.createResource(SPDX + "Checksum"))
                            .addProperty(m.createProperty(SPDX + "algorithm"),
                                    m.createResource(SPDX + "checksumAlgorithm_sha256"))
                            .addLiteral(m.createProperty(SPDX + "checksumValue"), ResourceFactory.createTypedLiteral(
                                    DumpFile.checksum(files, dump.name()), XSDDatatype.XSDhexBinary)))
                    .addProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/")));
        }
    }

    /**
     * A blank node labelled from {@code key}, the same on every server start: with fresh random labels, replicas
     * would write the description in different orders (N-Triples, JSON-LD) and differ in bytes.
     */
    static Resource blank(Model m, String key) {
        return m.createResource(AnonId.create("void-" + HttpLib.sha256(key.getBytes(StandardCharsets.UTF_8), 64)
                .substring(0, 16)));
    }

    private static long count(SparqlStore store, String query, Map<String, Node> bindings) {
        return store.query(query, bindings, null, exec -> number(exec.select().next().get("n")));
    }

    private static long number(Node n) {
        return ((Number) n.getLiteralValue()).longValue();
    }

    private static Literal integer(long n) {
        return ResourceFactory.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
