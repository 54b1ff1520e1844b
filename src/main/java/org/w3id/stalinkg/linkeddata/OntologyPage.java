package org.w3id.stalinkg.linkeddata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
    static Map<String, Object> documentation(Graph ontologyGraph, Map<String, Long> usage) {
        Model m = ModelFactory.createModelForGraph(ontologyGraph);
        String ns = SKG.NS;
        Resource ontology = m.listSubjectsWithProperty(RDF.type, OWL2.Ontology).next();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", or(text(ontology, DCTerms.title, "en"), or(text(ontology, RDFS.label, "en"),
                ontology.getURI())));
        page.put("labelRu", text(ontology, RDFS.label, "ru"));
        String description = text(ontology, DCTerms.description, "en");
        page.put("paragraphs", description == null ? List.of()
                : Arrays.stream(description.strip().split("\\n\\s*\\n")).map(String::strip).toList());
        page.put("iri", ontology.getURI());
        page.put("versionIri", uri(ontology, OWL2.versionIRI));
        page.put("version", text(ontology, OWL2.versionInfo, null));
        page.put("priorVersion", uri(ontology, OWL2.priorVersion));
        page.put("license", uri(ontology, DCTerms.license));
        page.put("creator", text(ontology, DCTerms.creator, null));
        page.put("created", text(ontology, DCTerms.created, null));
        page.put("modified", text(ontology, DCTerms.modified, null));
        page.put("namespace", ns);
        page.put("prefix", or(text(ontology, PREFERRED_PREFIX, null), SKG.PREFIX));
        page.put("formats", Arrays.stream(LinkedDataFormat.values()).filter(LinkedDataFormat::isRdf)
                .map(f -> Map.of("name", formatName(f), "mediaType", f.mediaType(), "ext", f.extension())).toList());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section s : SECTIONS) {
            List<Map<String, Object>> terms = m.listSubjectsWithProperty(RDF.type, s.type()).toList()
                    .stream().filter(r -> r.isURIResource() && r.getURI().startsWith(ns))
                    .map(r -> term(r, s.kind(), ns, usage))
                    .sorted(Comparator.comparing((Map<String, Object> t) -> ((String) t.get("label")).toLowerCase())
                            .thenComparing(t -> (String) t.get("id")))
                    .toList();
            if (!terms.isEmpty()) {
                sections.add(Map.of("id", s.id(), "title", s.title(), "terms", terms));
            }
        }
        page.put("sections", sections);
        return page;
    }

    private static Map<String, Object> term(Resource r, String kind, String ns, Map<String, Long> usage) {
        Model m = r.getModel();
        String id = r.getURI().substring(ns.length());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("iri", r.getURI());
        t.put("kind", kind);
        t.put("label", or(text(r, RDFS.label, "en"), id));
        t.put("labelRu", text(r, RDFS.label, "ru"));
        t.put("definition", text(r, SKOS.definition, "en"));
        t.put("comments", r.listProperties(RDFS.comment).toList().stream()
                .filter(s -> s.getObject().isLiteral()).map(Statement::getString).sorted().toList());
        List<Map<String, Object>> rows = new ArrayList<>();
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
        t.put("rows", rows);
        return t;
    }

    private static void row(List<Map<String, Object>> rows, String name, List<Map<String, Object>> parts) {
        if (!parts.isEmpty()) {
            rows.add(Map.of("name", name, "parts", parts));
        }
    }

    /**
     * The values of {@code p} on {@code r}, each as a list of parts ({@code sep}, {@code text}, {@code href} or
     * none), joined by commas; the template writes the parts in order.
     */
    private static List<Map<String, Object>> values(Resource r, Property p, String ns) {
        List<List<Map<String, Object>>> expressions = r.listProperties(p).mapWith(Statement::getObject).toList()
                .stream().map(n -> expression(n, ns)).sorted(Comparator.comparing(e -> (String) e.get(0).get("text")))
                .toList();
        return join(expressions, ", ");
    }

    private static List<Map<String, Object>> links(List<? extends RDFNode> nodes, String ns) {
        return join(nodes.stream().map(n -> expression(n, ns))
                .sorted(Comparator.comparing(e -> (String) e.get(0).get("text"))).toList(), ", ");
    }

    /** A class expression as parts: a link for an IRI; "A or B" for a union, "A and B", "one of A, B" for a list. */
    private static List<Map<String, Object>> expression(RDFNode n, String ns) {
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
                List<List<Map<String, Object>>> members = head.as(RDFList.class).asJavaList()
                        .stream().map(x -> expression(x, ns)).toList();
                List<Map<String, Object>> parts = join(members, (String) list[1]);
                return parts.isEmpty() ? parts : prefix(parts, (String) list[2]);
            }
        }
        return List.of(part("", "an anonymous class expression (see the Turtle)", null));
    }

    /** Concatenates expressions, with {@code sep} before the first part of each but the first. */
    private static List<Map<String, Object>> join(List<List<Map<String, Object>>> expressions, String sep) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (List<Map<String, Object>> e : expressions) {
            parts.addAll(parts.isEmpty() ? e : prefix(e, sep));
        }
        return parts;
    }

    private static List<Map<String, Object>> prefix(List<Map<String, Object>> parts, String text) {
        List<Map<String, Object>> out = new ArrayList<>(parts);
        Map<String, Object> first = out.get(0);
        out.set(0, part(text + first.get("sep"), (String) first.get("text"), (String) first.get("href")));
        return out;
    }

    private static List<Map<String, Object>> plain(String text) {
        return text.isEmpty() ? List.of() : List.of(part("", text, null));
    }

    private static Map<String, Object> part(String sep, String text, String href) {
        Map<String, Object> p = new HashMap<>();
        p.put("sep", sep);
        p.put("text", text);
        p.put("href", href);
        return p;
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
