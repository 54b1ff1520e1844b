package org.w3id.stalinkg.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.stalinkg.graph.QueryResources;
import org.w3id.stalinkg.graph.StableGraphLib;


/**
 * What a linked-data document says about one thing, as Pubby describes a resource: the thing's own statements,
 * the statements that point at it, the labels and types of its neighbours, and the sources of its statements (the
 * {@code owl:Axiom} nodes that annotate them, with the labels of their sources). Canonical IRIs throughout.
 * <p>
 * The description is read from a graph with {@code find}: the loaded graph itself, or, for an external store, the
 * thing's neighbourhood fetched with one CONSTRUCT query ({@link #NEIGHBOURHOOD}: everything the reading needs, in
 * one answer, so that its blank nodes are the same nodes throughout), kept for the store's freshness. Both give the
 * same description of the same data.
 */
final class Describer {

    /** The graph loaded here; null when describing from an external store. */
    private final DatasetGraph dataset;
    /** The external store; null when describing from the graph loaded here. */
    private final SparqlStore store;
    private final Map<String, String> prefixes;
    /** The namespace of things, for the prefixes of their kinds. */
    private final String things;
    private final Duration timeout;

    /** Describes from the graph loaded here, with its prefixes. */
    Describer(DatasetGraph dataset, String things) {
        this.things = things;
        this.dataset = dataset;
        this.store = null;
        this.prefixes = Txn.calculateRead(dataset, () -> dataset.prefixes().getMapping());
        this.timeout = null;
    }

    private Describer(SparqlStore store, Map<String, String> prefixes, Duration timeout, String things) {
        this.things = things;
        this.dataset = null;
        this.store = store;
        // Sorted, not Map.copyOf: its order changes from one JVM to the next, and writers follow it.
        this.prefixes = new TreeMap<>(prefixes);
        this.timeout = timeout;
    }

    /**
     * Describes from {@code store}: the graph loaded here, with its own prefixes, or an external store.
     *
     * @param prefixes for an external store, the prefixes of the documents (the ontology's, say)
     * @param timeout  the longest a query of an external store may run
     */
    static Describer of(SparqlStore store, Map<String, String> prefixes, Duration timeout, String things) {
        return new Describer(store, prefixes, timeout, things);
    }

    /**
     * True if the graph states anything about {@code iri}.
     *
     * @throws org.w3id.stalinkg.store.StoreException if an external store fails
     */
    public boolean exists(String iri) {
        Node thing = NodeFactory.createURI(iri);
        if (dataset != null) {
            return Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().contains(thing, Node.ANY, Node.ANY));
        }
        return store.query(QueryResources.get("thing-exists"), Map.of("thing", thing), timeout, exec -> exec.ask());
    }

    /**
     * The description of {@code iri}, with the data's prefixes; empty if the graph states nothing about it.
     *
     * @throws org.w3id.stalinkg.store.StoreException if an external store fails
     */
    public Graph describe(String iri) {
        Node thing = NodeFactory.createURI(iri);
        if (dataset != null) {
            return Txn.calculateRead(dataset, () -> describe(dataset.getDefaultGraph(), thing, prefixes));
        }
        Graph out = describe(neighbourhood(thing), thing, prefixes);
        addKindPrefixes(out);
        // The store's blank nodes get fresh labels on every read: relabelled by what they say, the same description
        // is the same bytes (and ETag) on every fetch and every replica.
        return StableGraphLib.copy(out);
    }

    /** The neighbourhood of {@code thing} in the external store, fetched once and kept for its freshness. */
    private Graph neighbourhood(Node thing) {
        return store.query(QueryResources.get("neighbourhood"), Map.of("thing", thing), timeout, QueryExec::construct);
    }

    private static Graph describe(Graph g, Node thing, Map<String, String> prefixes) {
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(prefixes);
        Set<Node> neighbours = new HashSet<>();
        List<Node> axioms = new ArrayList<>();
        g.find(thing, Node.ANY, Node.ANY).forEachRemaining(t -> {
            out.add(t);
            neighbours.add(t.getObject());
        });
        g.find(Node.ANY, Node.ANY, thing).forEachRemaining(t -> {
            if (t.getSubject().isBlank() && isAxiom(g, t.getSubject())) {
                axioms.add(t.getSubject());
            } else {
                out.add(t);
                neighbours.add(t.getSubject());
            }
        });
        for (Node axiom : axioms) {
            // Keep the annotation of a statement this description holds: about the thing, or pointing at it.
            Node s = single(g, axiom, OWL2.annotatedSource.asNode());
            Node p = single(g, axiom, OWL2.annotatedProperty.asNode());
            Node o = single(g, axiom, OWL2.annotatedTarget.asNode());
            if (s != null && p != null && o != null && out.contains(s, p, o)) {
                g.find(axiom, Node.ANY, Node.ANY).forEachRemaining(t -> {
                    out.add(t);
                    if (t.getPredicate().equals(DCTerms.source.asNode())) {
                        neighbours.add(t.getObject());
                    }
                });
            }
        }
        neighbours.remove(thing);
        for (Node n : neighbours) {
            if (n.isURI()) {
                g.find(n, RDFS.label.asNode(), Node.ANY).forEachRemaining(out::add);
                g.find(n, RDF.type.asNode(), Node.ANY).forEachRemaining(out::add);
            } else if (n.isBlank()) {
                g.find(n, Node.ANY, Node.ANY).forEachRemaining(out::add);
            }
        }
        return out;
    }

    /**
     * Adds a prefix for each kind of thing the description names ({@code policy:} for {@code .../id/policy/}), as
     * the data files declare them; the prefixes of the data files themselves are not known from an external store.
     */
    private void addKindPrefixes(Graph description) {
        Map<String, String> kinds = new LinkedHashMap<>();
        description.find().forEachRemaining(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getObject()}) {
                if (n.isURI() && n.getURI().startsWith(things)) {
                    String rest = n.getURI().substring(things.length());
                    int slash = rest.indexOf('/');
                    if (slash > 0 && rest.substring(0, slash).matches("[a-z]+(-[a-z]+)*")) {
                        kinds.putIfAbsent(rest.substring(0, slash), things + rest.substring(0, slash + 1));
                    }
                }
            }
        });
        kinds.forEach((kind, ns) -> {
            if (description.getPrefixMapping().getNsPrefixURI(kind) == null
                    && description.getPrefixMapping().getNsURIPrefix(ns) == null) {
                description.getPrefixMapping().setNsPrefix(kind, ns);
            }
        });
    }

    private static boolean isAxiom(Graph g, Node n) {
        return g.contains(n, RDF.type.asNode(), OWL2.Axiom.asNode());
    }

    private static Node single(Graph g, Node s, Node p) {
        List<Triple> found = g.find(s, p, Node.ANY).toList();
        return found.size() == 1 ? found.get(0).getObject() : null;
    }
}
