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
import org.w3id.stalinkg.http.Site;


/**
 * The model of a thing's HTML page, built from its description: the name in the reader's language, types,
 * description, every property with labelled links and the sources (with quoted sentences) of each statement, the
 * statements that point at it, corrections flagged, the Wikidata link. Links use the public base, so a reader who
 * follows one stays on this deployment. Rendered by {@code templates/resource.mustache}.
 */
final class ResourcePage {

    /** Where the site is seen from a page at {@code /doc/KIND/SLUG}: two folders down. */
    static final Site SITE = Site.at(2);

    private static final String SKG = org.w3id.stalinkg.vocab.SKG.NS;
    private static final Node QUOTATION = NodeFactory.createURI(SKG + "quotation");
    private static final Node CORRECTION = NodeFactory.createURI(SKG + "Correction");
    private static final Node CLAIM_TEXT = NodeFactory.createURI(SKG + "claimText");
    private static final Node CORRECT_FACT = NodeFactory.createURI(SKG + "correctFact");
    private static final Node HAS_STATUS = NodeFactory.createURI(SKG + "hasStatus");
    private static final Node CONCERNS = NodeFactory.createURI(SKG + "concerns");
    private static final String WIKIDATA = "http://www.wikidata.org/entity/";
    private static final String GEO = "http://www.opengis.net/ont/geosparql#";
    private static final Node HAS_GEOMETRY = NodeFactory.createURI(GEO + "hasGeometry");
    private static final Node AS_WKT = NodeFactory.createURI(GEO + "asWKT");

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
    /** The model of {@code resource.mustache}. */
    record Page(String lang, String iri, String title, List<Name> names, String description, List<Link> types,
                boolean isCorrection, String claimText, String correctFact, String status, List<Link> corrections,
                boolean hasCorrections, List<Wikidata> wikidata, List<Property> properties, List<Property> inverse,
                String jsonld, String graphJson, List<Alternate> alternates, String location, String wkt) {}

    /** One of the thing's names, with its language. */
    record Name(String text, String lang) {}

    /** A link to a page of this server (or to another site), by local path. */
    record Link(String href, String text, boolean isLink) {}

    /** The thing's Wikidata entity. */
    record Wikidata(String href, String id) {}

    /** Another format of the same description. */
    record Alternate(String href, String type, String label) {}

    /** A property and its values, forward or inverse. */
    record Property(String name, String href, List<Value> values) {}

    /** One value of a property: a link or a literal (with its language), and the sources of the statement. */
    record Value(String href, String text, boolean isLink, String valueLang, List<Source> sources) {}

    /** A source of a statement, and for the seed article the sentence quoted. */
    record Source(String href, String text, boolean isLink, String quote) {}

    /**
     * @param description the thing's description
     * @param ontology    the ontology, for the names of properties and classes
     * @param language    the reader's language (en, ru, uk, kk); English is the fallback
     */
    static Page model(String iri, Graph description, Graph ontology, PublicBase base, String language,
                      String jsonLd, List<Alternate> alternates) {
        Node thing = NodeFactory.createURI(iri);
        List<Name> names = new ArrayList<>();
        for (Triple t : sorted(description.find(thing, RDFS.label.asNode(), Node.ANY).toList())) {
            names.add(new Name(t.getObject().getLiteralLexicalForm(), t.getObject().getLiteralLanguage()));
        }
        List<Link> types = new ArrayList<>();
        for (Triple t : sorted(description.find(thing, RDF.type.asNode(), Node.ANY).toList())) {
            // Our classes only: the superclasses inferred in other vocabularies (PROV, CIDOC CRM) are in the data.
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(SKG)) {
                types.add(link(t.getObject(), label(ontology, t.getObject(), language), base));
            }
        }
        Node status = objectOf(description, thing, HAS_STATUS);
        Node wkt = objectOf(description, thing, AS_WKT);
        // Corrections of the source article that concern this thing, flagged at the top of its page.
        List<Link> corrections = new ArrayList<>();
        for (Triple t : description.find(Node.ANY, CONCERNS, thing).toList()) {
            if (description.contains(t.getSubject(), RDF.type.asNode(), CORRECTION)) {
                corrections.add(link(t.getSubject(), label(description, t.getSubject(), language), base));
            }
        }
        List<Wikidata> wikidata = new ArrayList<>();
        for (Triple t : description.find(thing, SKOS.exactMatch.asNode(), Node.ANY).toList()) {
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(WIKIDATA)) {
                wikidata.add(new Wikidata(t.getObject().getURI(), t.getObject().getURI().substring(WIKIDATA.length())));
            }
        }
        return new Page(language, iri, label(description, thing, language), names,
                literal(description, thing, RDFS.comment.asNode(), language), types,
                description.contains(thing, RDF.type.asNode(), CORRECTION),
                literal(description, thing, CLAIM_TEXT, "en"), literal(description, thing, CORRECT_FACT, "en"),
                status == null ? "" : status.getLocalName(), corrections, !corrections.isEmpty(), wikidata,
                properties(description, ontology, thing, base, language, false),
                properties(description, ontology, thing, base, language, true), jsonLd.replace("</", "<\\/"),
                NeighbourhoodGraph.json(description, ontology, thing, base, language).replace("</", "<\\/"),
                alternates, location(description, thing, base), wkt == null ? null : wkt.getLiteralLexicalForm());
    }

    /**
     * The local path of the page of a place's geometry (its point on the map), or of the geometry itself; null for a
     * thing that is neither.
     */
    private static String location(Graph d, Node thing, PublicBase base) {
        Node geometry = d.contains(thing, AS_WKT, Node.ANY) ? thing : objectOf(d, thing, HAS_GEOMETRY);
        return geometry != null && geometry.isURI() ? SITE.link(base.localPath(geometry.getURI())) : null;
    }

    private static List<Property> properties(Graph d, Graph ontology, Node thing, PublicBase base,
                                             String language, boolean inverse) {
        Map<String, List<Value>> byProperty = new TreeMap<>();
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
            List<Source> sources = sources(d, t, base, language);
            Value v = value.isURI()
                    ? new Value(SITE.link(base.localPath(value.getURI())), label(d, value, language), true, null,
                            sources)
                    : new Value(null, value.getLiteralLexicalForm(), false, value.getLiteralLanguage(), sources);
            byProperty.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
        }
        List<Property> out = new ArrayList<>();
        byProperty.forEach((name, values) ->
                out.add(new Property(name, SITE.link(base.localPath(propertyNodes.get(name).getURI())),
                        values)));
        return out;
    }

    /** The sources of one statement: each source's link and, for the seed, the quoted sentence. */
    private static List<Source> sources(Graph d, Triple t, PublicBase base, String language) {
        List<Source> out = new ArrayList<>();
        for (Triple a : d.find(Node.ANY, OWL2.annotatedSource.asNode(), t.getSubject()).toList()) {
            Node axiom = a.getSubject();
            if (!d.contains(axiom, OWL2.annotatedProperty.asNode(), t.getPredicate())
                    || !d.contains(axiom, OWL2.annotatedTarget.asNode(), t.getObject())) {
                continue;
            }
            Node quote = objectOf(d, axiom, QUOTATION);
            for (Triple s : d.find(axiom, DCTerms.source.asNode(), Node.ANY).toList()) {
                out.add(new Source(SITE.link(base.localPath(s.getObject().getURI())), label(d, s.getObject(),
                        language), true,
                        quote == null ? "" : quote.getLiteralLexicalForm()));
            }
        }
        return out;
    }

    private static Link link(Node n, String text, PublicBase base) {
        return new Link(SITE.link(base.localPath(n.getURI())), text, true);
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
