package org.w3id.stalinkg.linkeddata;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;

/**
 * JSON-LD that programs can read with plain keys: graphs are compacted (Titanium, the JSON-LD processor Jena ships)
 * against our published context, {@code /context.jsonld}, generated from the ontology: each of our properties is a
 * key of its local name ({@code servesGoal}), object properties take IRIs, labels and comments are maps by language
 * ({@code "label": {"en": "...", "ru": "..."}}). No remote document is ever fetched.
 */
public final class JsonLdLib {

    private static final String SKG = org.w3id.stalinkg.vocab.SKG.NS;

    private JsonLdLib() {}

    /** The context object (the value of "@context") for a deployment whose public base is {@code base}. */
    public static JsonObject context(Graph ontology, String base) {
        Map<String, Object> terms = new TreeMap<>();
        terms.put("skg", SKG);
        terms.put("id", base + org.w3id.stalinkg.vocab.SKG.ID_PATH);
        terms.put("rdf", RDF.getURI());
        terms.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        terms.put("owl", OWL2.NS);
        terms.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        terms.put("skos", "http://www.w3.org/2004/02/skos/core#");
        terms.put("dcterms", "http://purl.org/dc/terms/");
        terms.put("wd", "http://www.wikidata.org/entity/");
        terms.put("type", "@type");
        terms.put("label", languageMap("rdfs:label"));
        terms.put("comment", languageMap("rdfs:comment"));
        terms.put("altLabel", languageMap("skos:altLabel"));
        terms.put("definition", languageMap("skos:definition"));
        terms.put("exactMatch", iriValued("skos:exactMatch"));
        terms.put("source", iriValued("dcterms:source"));
        terms.put("title", "dcterms:title");
        terms.put("creator", "dcterms:creator");
        terms.put("date", "dcterms:date");
        terms.put("publisher", "dcterms:publisher");
        terms.put("annotatedSource", iriValued("owl:annotatedSource"));
        terms.put("annotatedProperty", iriValued("owl:annotatedProperty"));
        terms.put("annotatedTarget", "owl:annotatedTarget");
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node p = t.getSubject();
            if (!p.isURI() || !p.getURI().startsWith(SKG)) {
                return;
            }
            String local = p.getURI().substring(SKG.length());
            if (t.getObject().equals(OWL2.ObjectProperty.asNode())) {
                terms.put(local, iriValued("skg:" + local));
            } else if (t.getObject().equals(OWL2.DatatypeProperty.asNode())
                    || t.getObject().equals(OWL2.AnnotationProperty.asNode())) {
                terms.putIfAbsent(local, "skg:" + local);
            }
        });
        JsonObjectBuilder b = Json.createObjectBuilder();
        terms.forEach((k, v) -> {
            if (v instanceof String s) {
                b.add(k, s);
            } else {
                b.add(k, (JsonObject) v);
            }
        });
        return b.build();
    }

    /** The whole context document, {@code {"@context": ...}}, as served at /context.jsonld. */
    public static String contextDocument(Graph ontology, String base) {
        return write(Json.createObjectBuilder().add("@context", context(ontology, base)).build());
    }

    /**
     * {@code graph} as compacted JSON-LD with the context ({@link #context}, the same as the published
     * {@code /context.jsonld}) inline. The graph's IRIs are under {@code base}.
     */
    public static String compact(Graph graph, Graph ontology, String base) {
        // Jena writes JSON-LD 1.1 (any form will do: compaction expands its input first).
        StringWriter jena = new StringWriter();
        RDFDataMgr.write(jena, graph, RDFFormat.JSONLD11);
        try {
            JsonObject context = Json.createObjectBuilder().add("@context", context(ontology, base)).build();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(new StringReader(jena.toString())),
                            JsonDocument.of(context))
                    .ordered(true)
                    .loader((url, options) -> {
                        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no remote documents: " + url);
                    })
                    .get();
            // The context inline, not by reference: a reader needs no second request (nor a network: the context's
            // canonical URL may not resolve from where the document is read), and JSON-LD processors that refuse
            // remote contexts (RDF4J's secure mode) read it as it is.
            JsonObjectBuilder out = Json.createObjectBuilder().add("@context", context.get("@context"));
            compacted.forEach((k, v) -> {
                if (!k.equals("@context")) {
                    out.add(k, v);
                }
            });
            return write(out.build());
        } catch (JsonLdError ex) {
            throw new IllegalStateException("JSON-LD conversion failed: " + ex.getMessage(), ex);
        }
    }

    private static JsonObject languageMap(String id) {
        return Json.createObjectBuilder().add("@id", id).add("@container", "@language").build();
    }

    private static JsonObject iriValued(String id) {
        return Json.createObjectBuilder().add("@id", id).add("@type", "@id").build();
    }

    private static String write(JsonObject json) {
        StringWriter out = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(json);
        return out.toString().strip() + "\n";
    }
}
