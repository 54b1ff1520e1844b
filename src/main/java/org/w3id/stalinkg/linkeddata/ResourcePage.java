package org.w3id.stalinkg.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;


/**
 * The model of a thing's HTML page, built from its description: the name in the reader's language, types,
 * description, every property with labelled links and the sources (with quoted sentences) of each statement, the
 * statements that point at it, corrections flagged, the Wikidata link. Links use the public base, so a reader who
 * follows one stays on this deployment. Rendered by {@code templates/resource.mustache}.
 */
final class ResourcePage {

    private static final String SKG = org.w3id.stalinkg.vocab.SKG.NS;
    private static final Node QUOTATION = NodeFactory.createURI(SKG + "quotation");
    private static final Node CORRECTION = NodeFactory.createURI(SKG + "Correction");
    private static final Node CLAIM_TEXT = NodeFactory.createURI(SKG + "claimText");
    private static final Node CORRECT_FACT = NodeFactory.createURI(SKG + "correctFact");
    private static final Node HAS_STATUS = NodeFactory.createURI(SKG + "hasStatus");
    private static final Node CONCERNS = NodeFactory.createURI(SKG + "concerns");
    private static final String WIKIDATA = "http://www.wikidata.org/entity/";

    /** Names of the common properties not defined in our ontology, in English. */
    private static final Map<String, String> KNOWN = Map.of(
            RDF.type.getURI(), "type",
            RDFS.label.getURI(), "name",
            RDFS.comment.getURI(), "description",
            SKOS.altLabel.getURI(), "also called",
            SKOS.exactMatch.getURI(), "same as (Wikidata)",
            DCTerms.source.getURI(), "source",
            DCTerms.title.getURI(), "title",
            DCTerms.creator.getURI(), "author",
            DCTerms.date.getURI(), "date",
            DCTerms.publisher.getURI(), "publisher");

    private ResourcePage() {}

    /**
     * @param description the thing's description, canonical IRIs
     * @param ontology    the ontology, for the names of properties and classes
     * @param language    the reader's language (en, ru, uk, kk); English is the fallback
     */
    static Map<String, Object> model(String iri, Graph description, Graph ontology, PublicBase base, String language,
                                     String jsonLd) {
        Node thing = NodeFactory.createURI(iri);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", language);
        m.put("iri", iri);
        m.put("title", label(description, thing, language));
        List<Map<String, Object>> names = new ArrayList<>();
        for (Triple t : sorted(description.find(thing, RDFS.label.asNode(), Node.ANY).toList())) {
            names.add(Map.of("text", t.getObject().getLiteralLexicalForm(), "lang", t.getObject().getLiteralLanguage()));
        }
        m.put("names", names);
        m.put("description", literal(description, thing, RDFS.comment.asNode(), language));
        List<Map<String, Object>> types = new ArrayList<>();
        for (Triple t : sorted(description.find(thing, RDF.type.asNode(), Node.ANY).toList())) {
            // Our classes only: the superclasses inferred in other vocabularies (PROV, CIDOC CRM) are in the data.
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(SKG)) {
                types.add(link(t.getObject(), label(ontology, t.getObject(), language), base));
            }
        }
        m.put("types", types);
        boolean isCorrection = description.contains(thing, RDF.type.asNode(), CORRECTION);
        m.put("isCorrection", isCorrection);
        m.put("claimText", literal(description, thing, CLAIM_TEXT, "en"));
        m.put("correctFact", literal(description, thing, CORRECT_FACT, "en"));
        Node status = objectOf(description, thing, HAS_STATUS);
        m.put("status", status == null ? "" : status.getLocalName());
        // Corrections of the source article that concern this thing, flagged at the top of its page.
        List<Map<String, Object>> corrections = new ArrayList<>();
        for (Triple t : description.find(Node.ANY, CONCERNS, thing).toList()) {
            if (description.contains(t.getSubject(), RDF.type.asNode(), CORRECTION)) {
                Map<String, Object> c = link(t.getSubject(), label(description, t.getSubject(), language), base);
                corrections.add(c);
            }
        }
        m.put("corrections", corrections);
        m.put("hasCorrections", !corrections.isEmpty());
        List<Map<String, Object>> wikidata = new ArrayList<>();
        for (Triple t : description.find(thing, SKOS.exactMatch.asNode(), Node.ANY).toList()) {
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(WIKIDATA)) {
                wikidata.add(Map.of("href", t.getObject().getURI(),
                        "id", t.getObject().getURI().substring(WIKIDATA.length())));
            }
        }
        m.put("wikidata", wikidata);
        m.put("properties", properties(description, ontology, thing, base, language, false));
        m.put("inverse", properties(description, ontology, thing, base, language, true));
        m.put("jsonld", jsonLd.replace("</", "<\\/"));
        m.put("graphJson", NeighbourhoodGraph.json(description, ontology, thing, base, language).replace("</", "<\\/"));
        return m;
    }

    private static List<Map<String, Object>> properties(Graph d, Graph ontology, Node thing, PublicBase base,
                                                        String language, boolean inverse) {
        Map<String, List<Map<String, Object>>> byProperty = new TreeMap<>();
        Map<String, Node> propertyNodes = new LinkedHashMap<>();
        List<Triple> triples = inverse ? d.find(Node.ANY, Node.ANY, thing).toList()
                : d.find(thing, Node.ANY, Node.ANY).toList();
        for (Triple t : sorted(triples)) {
            Node p = t.getPredicate();
            if (!inverse && (p.equals(RDFS.label.asNode()) || p.equals(RDFS.comment.asNode())
                    || p.equals(RDF.type.asNode()) || p.equals(SKOS.exactMatch.asNode()))) {
                continue;
            }
            if (!p.getURI().startsWith(SKG) && !KNOWN.containsKey(p.getURI())) {
                // A superproperty in another vocabulary (prov:wasAssociatedWith, crm:P14_carried_out_by) repeats
                // one of ours: it stays in the data, not on the page.
                continue;
            }
            Node value = inverse ? t.getSubject() : t.getObject();
            if (value.isBlank()) {
                continue;
            }
            String name = propertyName(ontology, p, language);
            propertyNodes.putIfAbsent(name, p);
            Map<String, Object> v;
            if (value.isURI()) {
                v = link(value, label(d, value, language), base);
            } else {
                v = new LinkedHashMap<>();
                v.put("text", value.getLiteralLexicalForm());
                v.put("valueLang", value.getLiteralLanguage());
            }
            v.put("sources", sources(d, t, base, language));
            byProperty.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byProperty.forEach((name, values) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("href", base.localPath(propertyNodes.get(name).getURI()));
            p.put("values", values);
            out.add(p);
        });
        return out;
    }

    /** The sources of one statement: each source's link and, for the seed, the quoted sentence. */
    private static List<Map<String, Object>> sources(Graph d, Triple t, PublicBase base, String language) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Triple a : d.find(Node.ANY, OWL2.annotatedSource.asNode(), t.getSubject()).toList()) {
            Node axiom = a.getSubject();
            if (!d.contains(axiom, OWL2.annotatedProperty.asNode(), t.getPredicate())
                    || !d.contains(axiom, OWL2.annotatedTarget.asNode(), t.getObject())) {
                continue;
            }
            Node quote = objectOf(d, axiom, QUOTATION);
            for (Triple s : d.find(axiom, DCTerms.source.asNode(), Node.ANY).toList()) {
                Map<String, Object> src = link(s.getObject(), label(d, s.getObject(), language), base);
                src.put("quote", quote == null ? "" : quote.getLiteralLexicalForm());
                out.add(src);
            }
        }
        return out;
    }

    private static Map<String, Object> link(Node n, String text, PublicBase base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("href", base.localPath(n.getURI()));
        m.put("text", text);
        m.put("isLink", true);
        return m;
    }

    static String propertyName(Graph ontology, Node p, String language) {
        String known = KNOWN.get(p.getURI());
        if (known != null) {
            return known;
        }
        return label(ontology, p, language);
    }

    /** The label in {@code language}, else English, else any, else the IRI's last segment. */
    static String label(Graph g, Node n, String language) {
        String en = null;
        String any = null;
        for (Triple t : g.find(n, RDFS.label.asNode(), Node.ANY).toList()) {
            Node o = t.getObject();
            String lang = o.getLiteralLanguage().toLowerCase(Locale.ROOT);
            if (lang.equals(language)) {
                return o.getLiteralLexicalForm();
            }
            if (lang.equals("en")) {
                en = o.getLiteralLexicalForm();
            } else if (any == null) {
                any = o.getLiteralLexicalForm();
            }
        }
        if (en != null) {
            return en;
        }
        if (any != null) {
            return any;
        }
        String iri = n.isURI() ? n.getURI() : n.toString();
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }

    private static String literal(Graph g, Node s, Node p, String language) {
        String fallback = "";
        for (Triple t : g.find(s, p, Node.ANY).toList()) {
            Node o = t.getObject();
            if (!o.isLiteral()) {
                continue;
            }
            if (o.getLiteralLanguage().equalsIgnoreCase(language)) {
                return o.getLiteralLexicalForm();
            }
            if (fallback.isEmpty() || o.getLiteralLanguage().equals("en")) {
                fallback = o.getLiteralLexicalForm();
            }
        }
        return fallback;
    }

    private static Node objectOf(Graph g, Node s, Node p) {
        List<Triple> found = g.find(s, p, Node.ANY).toList();
        return found.isEmpty() ? null : found.get(0).getObject();
    }

    static List<Triple> sorted(List<Triple> triples) {
        List<Triple> copy = new ArrayList<>(triples);
        copy.sort(Comparator.comparing((Triple t) -> t.getPredicate().toString())
                .thenComparing(t -> t.getObject().toString()).thenComparing(t -> t.getSubject().toString()));
        return copy;
    }
}
