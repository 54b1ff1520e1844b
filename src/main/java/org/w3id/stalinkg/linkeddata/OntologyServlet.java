package org.w3id.stalinkg.linkeddata;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.vocab.SKG;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;
import org.w3id.stalinkg.store.StoreMemo;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The ontology at its own IRI, mapped at {@code /ontology} (negotiated) and {@code /ontology.ttl}, {@code .rdf},
 * {@code .jsonld}, {@code .nt}, {@code .html} (one format each). The RDF is the ontology graph with its IRIs moved to
 * the request's public base; the HTML documents every class, property and named individual of our namespace, as
 * pyLODE or Widoco would, with each term's usage in the data, so {@code /ontology#Policy} lands on its section.
 *
 * <pre>
 * curl http://localhost:3030/ontology                                   # Turtle
 * curl http://localhost:3030/ontology -H 'Accept: application/rdf+xml'  # what Protégé asks for
 * curl http://localhost:3030/ontology.jsonld
 * </pre>
 *
 * The data never changes while the server runs, so each answer is made once per format and base and kept; it
 * carries an ETag and Cache-Control, and If-None-Match gets 304. Nothing acceptable is 406 with a plain-text list.
 */
public final class OntologyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A client may reuse an answer this long, then revalidate. */
    static final String CACHE_CONTROL = HttpLib.CACHE_CONTROL;

    /** Without a configured base, bases come from Host headers a client chooses; past this many, nothing is kept. */
    private static final int MAX_KEPT = 64;

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

    private final transient Graph ontology;
    private final transient PublicBase base;
    private final transient Mustache template;
    private final transient StoreMemo<Map<String, Long>> usage;
    /** True if the usage counts may change (an external store): the HTML is then made for each request. */
    private final boolean usageChanges;
    private final transient Map<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(byte[] body, String etag) {}

    /** The ontology of the graph loaded here, with its usage in that graph. */
    public OntologyServlet(KnowledgeGraph kg, PublicBase base) {
        this(new LocalStore(requireNonNull(kg, "kg")), kg.ontology(), base);
    }

    /**
     * The ontology, with the usage of its terms in {@code store}: counted once for the graph loaded here; for an
     * external store, counted when the HTML is first asked for and again after the store's freshness.
     */
    public OntologyServlet(SparqlStore store, Graph ontology, PublicBase base) {
        this.ontology = requireNonNull(ontology, "ontology");
        this.base = requireNonNull(base, "base");
        this.template = new DefaultMustacheFactory("templates").compile("ontology.mustache");
        KnowledgeGraph kg = store.local().orElse(null);
        this.usageChanges = kg == null;
        this.usage = new StoreMemo<>(() -> kg != null ? usageCounts(kg) : usageCounts(store, ontology),
                store.freshness());
        if (kg != null) {
            usage.get();
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath();
        int dot = path.lastIndexOf('.');
        boolean negotiated = dot < 0;
        LinkedDataFormat format = negotiated
                ? LinkedDataFormat.negotiate(req.getHeader("Accept"))
                : LinkedDataFormat.byExtension(path.substring(dot + 1));
        if (negotiated) {
            resp.setHeader("Vary", "Accept");
        }
        if (format == null) {
            sendText(resp, negotiated ? HttpServletResponse.SC_NOT_ACCEPTABLE : HttpServletResponse.SC_NOT_FOUND,
                    "The ontology is available as " + LinkedDataFormat.describeAll()
                            + ": ask for one with Accept, or add its extension to /ontology.\n");
            return;
        }
        String publicBase = base.of(req);
        String key = format + " " + publicBase;
        Answer answer = answers.get(key);
        if (answer == null) {
            try {
                answer = make(format, publicBase);
            } catch (StoreException ex) {
                sendText(resp, StoreException.STATUS, ex.getMessage() + "\n");
                return;
            } catch (QueryCancelledException ex) {
                sendText(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The SPARQL store behind this service "
                        + "did not count the uses of the terms in time; the RDF formats of /ontology need no count.\n");
                return;
            }
            if (answers.size() < MAX_KEPT && (format.isRdf() || !usageChanges)) {
                answers.putIfAbsent(key, answer);
            }
        }
        resp.setHeader("Link", alternates());
        if (negotiated) {
            resp.setHeader("Content-Location", "ontology." + format.extension());
        }
        resp.setHeader("ETag", answer.etag());
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        if (HttpLib.notModified(req, answer.etag())) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(format.contentType());
        resp.setContentLength(answer.body().length);
        resp.getOutputStream().write(answer.body());
    }

    private Answer make(LinkedDataFormat format, String publicBase) {
        byte[] body;
        if (format.isRdf()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, PublicBase.toPublic(ontology, publicBase), format.lang());
            body = out.toByteArray();
        } else {
            StringWriter out = new StringWriter();
            template.execute(out, documentation(publicBase));
            body = out.toString().getBytes(StandardCharsets.UTF_8);
        }
        return new Answer(body, HttpLib.etag(body));
    }

    /** The Link header naming every variant; relative, so it holds behind any proxy. */
    private static String alternates() {
        return Arrays.stream(LinkedDataFormat.values())
                .map(f -> "<ontology." + f.extension() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\"")
                .collect(Collectors.joining(", "));
    }

    // --- the HTML documentation ---

    /** The model of {@code ontology.mustache}: the ontology's header, then one section per kind of term. */
    private Map<String, Object> documentation(String publicBase) {
        Model m = ModelFactory.createModelForGraph(PublicBase.toPublic(ontology, publicBase));
        Map<String, Long> usage = this.usage.get();
        String ns = PublicBase.toPublic(SKG.NS, publicBase);
        Resource ontology = m.listSubjectsWithProperty(RDF.type, OWL2.Ontology).next();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", or(text(ontology, DCTerms.title, "en"), or(text(ontology, RDFS.label, "en"),
                ontology.getURI())));
        page.put("labelRu", text(ontology, RDFS.label, "ru"));
        String description = text(ontology, DCTerms.description, "en");
        page.put("paragraphs", description == null ? List.of()
                : Arrays.stream(description.strip().split("\\n\\s*\\n")).map(String::strip).toList());
        page.put("iri", ontology.getURI());
        page.put("canonicalIri", ontology.getURI().equals(SKG.ONTOLOGY_IRI) ? null : SKG.ONTOLOGY_IRI);
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
                    .map(r -> term(r, s.kind(), ns, publicBase, usage))
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

    private static Map<String, Object> term(Resource r, String kind, String ns, String publicBase,
                                            Map<String, Long> usage) {
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
        long count = usage.getOrDefault(PublicBase.toCanonical(r.getURI(), publicBase), 0L);
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

    // --- usage in the data ---

    /**
     * By canonical IRI: a class's instances (its subclasses' included); a property's triples; an individual's
     * occurrences as a value. Triples of the ontology itself are not data and are not counted.
     */
    private static Map<String, Long> usageCounts(KnowledgeGraph kg) {
        Graph ontology = kg.ontology();
        return Txn.calculateRead(kg.dataset(), () -> {
            Graph data = kg.dataset().getDefaultGraph();
            return usageCounts(kg.instanceCounts(), ontology,
                    term -> count(data.find(Node.ANY, Node.ANY, term), ontology),
                    term -> count(data.find(Node.ANY, term, Node.ANY), ontology));
        });
    }

    private static long count(ExtendedIterator<Triple> triples, Graph ontology) {
        return triples.filterDrop(ontology::contains).toList().size();
    }

    /** Triples of each predicate of our namespace, in the whole graph. */
    private static final Query PROPERTY_USES = QueryFactory.create("""
            SELECT ?term (COUNT(*) AS ?n) WHERE { ?s ?term ?o FILTER(STRSTARTS(STR(?term), "%s")) } GROUP BY ?term
            """.formatted(SKG.NS));

    /** Triples whose object is a term of our namespace, in the whole graph. */
    private static final Query VALUE_USES = QueryFactory.create("""
            SELECT ?term (COUNT(*) AS ?n) WHERE { ?s ?p ?term FILTER(isIRI(?term) && STRSTARTS(STR(?term), "%s")) }
            GROUP BY ?term
            """.formatted(SKG.NS));

    /**
     * The counts of {@link #usageCounts(KnowledgeGraph)} from an external store, with a few aggregate queries: the
     * triples the ontology itself states are counted here and taken off (the store holds them too when it was
     * loaded from our dump, as the default graph here does).
     */
    private static Map<String, Long> usageCounts(SparqlStore store, Graph ontology) {
        Map<String, Long> asProperty = uses(store, PROPERTY_USES);
        Map<String, Long> asValue = uses(store, VALUE_USES);
        return usageCounts(store.instanceCounts(), ontology,
                term -> Math.max(0, asValue.getOrDefault(term.getURI(), 0L)
                        - ontology.find(Node.ANY, Node.ANY, term).toList().size()),
                term -> Math.max(0, asProperty.getOrDefault(term.getURI(), 0L)
                        - ontology.find(Node.ANY, term, Node.ANY).toList().size()));
    }

    /** The instances of each class, then the uses of each individual and property of the ontology, by IRI. */
    private static Map<String, Long> usageCounts(Map<String, Long> instances, Graph ontology,
                                                 ToLongFunction<Node> asValue, ToLongFunction<Node> asProperty) {
        Map<String, Long> counts = new HashMap<>();
        instances.forEach((local, n) -> counts.put(SKG.NS + local, n));
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node term = t.getSubject();
            Node type = t.getObject();
            if (!term.isURI() || !term.getURI().startsWith(SKG.NS) || !type.isURI()
                    || counts.containsKey(term.getURI())) {
                return;
            }
            if (type.equals(OWL2.NamedIndividual.asNode())) {
                counts.put(term.getURI(), asValue.applyAsLong(term));
            } else if (type.getURI().endsWith("Property")) {
                counts.put(term.getURI(), asProperty.applyAsLong(term));
            }
        });
        return counts;
    }

    private static Map<String, Long> uses(SparqlStore store, Query query) {
        Map<String, Long> uses = new HashMap<>();
        store.query(query, Map.of(), null, exec -> {
            exec.select().forEachRemaining(row -> uses.put(row.get("term").getURI(),
                    ((Number) row.get("n").getLiteralValue()).longValue()));
            return null;
        });
        return uses;
    }

    // --- HTTP ---

    private static void sendText(HttpServletResponse resp, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

}
