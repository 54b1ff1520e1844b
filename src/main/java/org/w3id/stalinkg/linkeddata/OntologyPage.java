package org.w3id.stalinkg.linkeddata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The model of {@code ontology.mustache}: the HTML documentation of the ontology, as pyLODE or Widoco would write
 * it: the ontology's header, then one section per kind of term (classes, object, datatype and annotation
 * properties, named individuals), each term with its label, definition, axioms and its usage in the data.
 */
final class OntologyPage {

    private static final Property PREFERRED_PREFIX =
            ResourceFactory.createProperty("http://purl.org/vocab/vann/preferredNamespacePrefix");

    /** A section of the documentation: its anchor, its heading, the OWL type of its terms, what one is called. */
    private record Section(String id, String title, Resource type, String kind) {}

    private static final List<Section> SECTIONS = List.of(
            new Section("section-classes", "Classes", OWL2.Class, "Class"),
            new Section("section-object-properties", "Object properties", OWL2.ObjectProperty, "Object property"),
            new Section("section-datatype-properties", "Datatype properties", OWL2.DatatypeProperty,
                    "Datatype property"),
            new Section("section-annotation-properties", "Annotation properties", OWL2.AnnotationProperty,
                    "Annotation property"),
            new Section("section-individuals", "Named individuals", OWL2.NamedIndividual, "Named individual"));

    /** Property characteristics, by their OWL class. */
    private static final Map<Resource, String> CHARACTERISTICS = characteristics();

    private OntologyPage() {}


    /** The model of {@code ontology.mustache}: the ontology's header, then one section per kind of term. */
    /** The model of {@code ontology.mustache}. */
    record Doc(String title, String labelRu, List<String> paragraphs, String iri, String versionIri, String version,
               String priorVersion, String license, String creator, String created, String modified,
               String namespace, String prefix, List<Format> formats, List<DocSection> sections) {}

    /** A format the ontology is offered in. */
    record Format(String name, String mediaType, String ext) {}

    /** One section of the documentation: the terms of one kind. */
    record DocSection(String id, String title, List<Term> terms) {}

    /** One term: its names, definition, comments and a table of rows. */
    record Term(String id, String iri, String kind, String label, String labelRu, String definition,
                List<String> comments, List<Row> rows) {}

    /** A row of a term's table: a name and its value as parts. */
    record Row(String name, List<Part> parts) {}

    /** A part of a value: text after a separator, linked where {@code href} is given. */
    record Part(String sep, String text, String href) {}

    static Doc documentation(Graph ontologyGraph, Map<String, Long> usage) {
        Model m = ModelFactory.createModelForGraph(ontologyGraph);
        String ns = SKG.NS;
        Resource ontology = m.listSubjectsWithProperty(RDF.type, OWL2.Ontology).next();
        String description = text(ontology, DCTerms.description, "en");
        List<DocSection> sections = new ArrayList<>();
        for (Section s : SECTIONS) {
            List<Term> terms = m.listSubjectsWithProperty(RDF.type, s.type()).toList()
                    .stream().filter(r -> r.isURIResource() && r.getURI().startsWith(ns))
                    .map(r -> term(r, s.kind(), ns, usage))
                    .sorted(Comparator.comparing((Term t) -> t.label().toLowerCase()).thenComparing(Term::id))
                    .toList();
            if (!terms.isEmpty()) {
                sections.add(new DocSection(s.id(), s.title(), terms));
            }
        }
        return new Doc(or(text(ontology, DCTerms.title, "en"), or(text(ontology, RDFS.label, "en"), ontology.getURI())),
                text(ontology, RDFS.label, "ru"), description == null ? List.of()
                        : Arrays.stream(description.strip().split("\\n\\s*\\n")).map(String::strip).toList(),
                ontology.getURI(), uri(ontology, OWL2.versionIRI), text(ontology, OWL2.versionInfo, null),
                uri(ontology, OWL2.priorVersion), uri(ontology, DCTerms.license), text(ontology, DCTerms.creator, null),
                text(ontology, DCTerms.created, null), text(ontology, DCTerms.modified, null), ns,
                or(text(ontology, PREFERRED_PREFIX, null), SKG.PREFIX),
                Arrays.stream(LinkedDataFormat.values()).filter(LinkedDataFormat::isRdf)
                        .map(f -> new Format(formatName(f), f.mediaType(), f.extension())).toList(), sections);
    }

    private static Term term(Resource r, String kind, String ns, Map<String, Long> usage) {
        Model m = r.getModel();
        String id = r.getURI().substring(ns.length());
        List<Row> rows = new ArrayList<>();
        long count = usage.getOrDefault(r.getURI(), 0L);
        switch (kind) {
            case "Class" -> {
                row(rows, "Superclasses", values(r, RDFS.subClassOf, ns));
                row(rows, "Subclasses", links(m.listSubjectsWithProperty(RDFS.subClassOf, r).toList(), ns));
                row(rows, "Equivalent to", values(r, OWL2.equivalentClass, ns));
                row(rows, "Disjoint with", values(r, OWL2.disjointWith, ns));
                row(rows, "Close match", values(r, SKOS.closeMatch, ns));
                row(rows, "Exact match", values(r, SKOS.exactMatch, ns));
                row(rows, "In the data", plain(count + (count == 1 ? " instance" : " instances")
                        + " (with those of its subclasses)"));
            }
            case "Named individual" -> {
                List<RDFNode> types = r.listProperties(RDF.type).mapWith(Statement::getObject)
                        .filterDrop(OWL2.NamedIndividual::equals).toList();
                row(rows, "Type", join(types.stream().map(n -> expression(n, ns)).toList(), ", "));
                row(rows, "In the data", plain("the value of " + count + (count == 1 ? " triple" : " triples")));
            }
            default -> {
                row(rows, "Domain", values(r, RDFS.domain, ns));
                row(rows, "Range", values(r, RDFS.range, ns));
                row(rows, "Super-properties", values(r, RDFS.subPropertyOf, ns));
                row(rows, "Sub-properties", links(m.listSubjectsWithProperty(RDFS.subPropertyOf, r).toList(), ns));
                List<RDFNode> inverses = new ArrayList<>(r.listProperties(OWL2.inverseOf)
                        .mapWith(Statement::getObject).toList());
                inverses.addAll(m.listSubjectsWithProperty(OWL2.inverseOf, r).toList());
                row(rows, "Inverse of", links(inverses, ns));
                row(rows, "Characteristics", plain(CHARACTERISTICS.entrySet().stream()
                        .filter(e -> r.hasProperty(RDF.type, e.getKey())).map(Map.Entry::getValue)
                        .collect(Collectors.joining(", "))));
                if (r.hasLiteral(m.createProperty(ns + "requiresSource"), true)) {
                    row(rows, "Requires source", plain("yes: every statement carries its source as an axiom "
                            + "annotation"));
                }
                row(rows, "In the data", plain(count + (count == 1 ? " triple" : " triples")));
            }
        }
        if (r.hasLiteral(OWL2.deprecated, true)) {
            row(rows, "Deprecated", plain("yes"));
            row(rows, "Replaced by", values(r, DCTerms.isReplacedBy, ns));
        }
        return new Term(id, r.getURI(), kind, or(text(r, RDFS.label, "en"), id), text(r, RDFS.label, "ru"),
                text(r, SKOS.definition, "en"), r.listProperties(RDFS.comment).toList().stream()
                        .filter(st -> st.getObject().isLiteral()).map(Statement::getString).sorted().toList(), rows);
    }

    private static void row(List<Row> rows, String name, List<Part> parts) {
        if (!parts.isEmpty()) {
            rows.add(new Row(name, parts));
        }
    }

    /**
     * The values of {@code p} on {@code r}, each as a list of parts ({@code sep}, {@code text}, {@code href} or
     * none), joined by commas; the template writes the parts in order.
     */
    private static List<Part> values(Resource r, Property p, String ns) {
        List<List<Part>> expressions = r.listProperties(p).mapWith(Statement::getObject).toList()
                .stream().map(n -> expression(n, ns)).sorted(Comparator.comparing(e -> e.get(0).text()))
                .toList();
        return join(expressions, ", ");
    }

    private static List<Part> links(List<? extends RDFNode> nodes, String ns) {
        return join(nodes.stream().map(n -> expression(n, ns))
                .sorted(Comparator.comparing(e -> e.get(0).text())).toList(), ", ");
    }

    /** A class expression as parts: a link for an IRI; "A or B" for a union, "A and B", "one of A, B" for a list. */
    private static List<Part> expression(RDFNode n, String ns) {
        if (n.isURIResource()) {
            String iri = n.asResource().getURI();
            String qname = n.getModel() == null ? null : n.getModel().qnameFor(iri);
            return List.of(part("", qname == null ? iri : qname, iri.startsWith(ns)
                    ? "#" + iri.substring(ns.length()) : iri));
        }
        if (n.isLiteral()) {
            return List.of(part("", n.asLiteral().getLexicalForm(), null));
        }
        Resource b = n.asResource();
        for (Object[] list : new Object[][] {{OWL2.unionOf, " or ", ""}, {OWL2.intersectionOf, " and ", ""},
                                             {OWL2.oneOf, ", ", "one of "}}) {
            Resource head = b.getPropertyResourceValue((Property) list[0]);
            if (head != null) {
                List<List<Part>> members = head.as(RDFList.class).asJavaList()
                        .stream().map(x -> expression(x, ns)).toList();
                List<Part> parts = join(members, (String) list[1]);
                return parts.isEmpty() ? parts : prefix(parts, (String) list[2]);
            }
        }
        return List.of(part("", "an anonymous class expression (see the Turtle)", null));
    }

    /** Concatenates expressions, with {@code sep} before the first part of each but the first. */
    private static List<Part> join(List<List<Part>> expressions, String sep) {
        List<Part> parts = new ArrayList<>();
        for (List<Part> e : expressions) {
            parts.addAll(parts.isEmpty() ? e : prefix(e, sep));
        }
        return parts;
    }

    private static List<Part> prefix(List<Part> parts, String text) {
        List<Part> out = new ArrayList<>(parts);
        Part first = out.get(0);
        out.set(0, new Part(text + first.sep(), first.text(), first.href()));
        return out;
    }

    private static List<Part> plain(String text) {
        return text.isEmpty() ? List.of() : List.of(part("", text, null));
    }

    private static Part part(String sep, String text, String href) {
        return new Part(sep, text, href);
    }

    /** The lexical form of a literal value of {@code p} in language {@code lang} (any language when null). */
    private static String text(Resource r, Property p, String lang) {
        return r.listProperties(p).toList().stream().map(Statement::getObject).filter(RDFNode::isLiteral)
                .map(RDFNode::asLiteral).filter(l -> lang == null || l.getLanguage().equals(lang))
                .map(Literal::getLexicalForm).sorted().findFirst().orElse(null);
    }

    private static String uri(Resource r, Property p) {
        Resource v = r.getPropertyResourceValue(p);
        return v == null || !v.isURIResource() ? null : v.getURI();
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String formatName(LinkedDataFormat f) {
        return switch (f) {
            case TURTLE -> "Turtle";
            case JSON_LD -> "JSON-LD";
            case RDF_XML -> "RDF/XML";
            case N_TRIPLES -> "N-Triples";
            case HTML -> "HTML";
        };
    }

    private static Map<Resource, String> characteristics() {
        Map<Resource, String> c = new LinkedHashMap<>();
        c.put(OWL2.FunctionalProperty, "functional");
        c.put(OWL2.InverseFunctionalProperty, "inverse functional");
        c.put(OWL2.TransitiveProperty, "transitive");
        c.put(OWL2.SymmetricProperty, "symmetric");
        c.put(OWL2.AsymmetricProperty, "asymmetric");
        c.put(OWL2.ReflexiveProperty, "reflexive");
        c.put(OWL2.IrreflexiveProperty, "irreflexive");
        return c;
    }
}
