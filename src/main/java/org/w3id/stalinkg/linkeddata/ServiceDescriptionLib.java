package org.w3id.stalinkg.linkeddata;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;

/**
 * The SPARQL 1.1 Service Description of the query endpoint, the answer to a GET of {@code /sparql} without a query:
 * the endpoint, the language (SPARQL 1.1 Query, no update), the result formats it can answer in, and the default
 * dataset, which is the dataset of the VoID description ({@code <base.well-known/void#dataset>}), with the size of
 * its one graph.
 *
 * <pre>
 * Graph sd = ServiceDescriptionLib.describe(base + "sparql", base, kg);
 * </pre>
 */
public final class ServiceDescriptionLib {

    /** The Service Description namespace. */
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    /** The W3C's IRIs for formats. */
    public static final String FORMATS = "http://www.w3.org/ns/formats/";

    /** The result formats the endpoint answers in: SELECT and ASK, then CONSTRUCT and DESCRIBE. */
    private static final String[] RESULT_FORMATS = {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
        "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"};

    private ServiceDescriptionLib() {}

    /**
     * The description of the endpoint at {@code endpointUrl}, with the dataset's IRIs under the public
     * {@code base} (ending in "/"). The default graph's size is stated when {@code kg}, the graph loaded here, is
     * given; null (the data is in an external store) leaves it out rather than ask the store on every GET.
     */
    public static Graph describe(String endpointUrl, String base, Long triples) {
        Model m = ModelFactory.createModelForGraph(GraphFactory.createDefaultGraph());
        m.setNsPrefix("sd", SD).setNsPrefix("void", VOID.NS).setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix("rdfs", RDFS.uri).setNsPrefix("formats", FORMATS);
        Resource service = m.createResource(endpointUrl);
        service.addProperty(RDF.type, m.createResource(SD + "Service"))
                .addProperty(sd(m, "endpoint"), m.createResource(endpointUrl))
                .addProperty(sd(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                .addProperty(DCTerms.title, m.createLiteral("stalin-kg SPARQL 1.1 query endpoint (read-only)", "en"));
        for (String format : RESULT_FORMATS) {
            service.addProperty(sd(m, "resultFormat"), m.createResource(FORMATS + format));
        }
        Resource defaultGraph = VoidServlet.blank(m, "service description default graph")
                .addProperty(RDF.type, m.createResource(SD + "Graph"));
        if (triples != null) {
            defaultGraph.addLiteral(VOID.triples, m.createTypedLiteral(Long.toString(triples), XSDDatatype.XSDinteger));
        }
        Resource dataset = m.createResource(base + VoidServlet.DATASET)
                .addProperty(RDF.type, m.createResource(SD + "Dataset"))
                .addProperty(RDFS.seeAlso, m.createResource(base + VoidServlet.PATH.substring(1)))
                .addProperty(sd(m, "defaultGraph"), defaultGraph);
        service.addProperty(sd(m, "defaultDataset"), dataset);
        return m.getGraph();
    }

    private static Property sd(Model m, String localName) {
        return m.createProperty(SD, localName);
    }
}
