package org.w3id.stalinkg.linkeddata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * What a linked-data document says about one thing, as Pubby describes a resource: the thing's own statements,
 * the statements that point at it, the labels and types of its neighbours, and the sources of its statements (the
 * {@code owl:Axiom} nodes that annotate them, with the labels of their sources). Canonical IRIs throughout.
 */
public final class Describer {

    private final DatasetGraph dataset;

    public Describer(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** True if the graph states anything about {@code iri}. */
    public boolean exists(String iri) {
        Node thing = NodeFactory.createURI(iri);
        return Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().contains(thing, Node.ANY, Node.ANY));
    }

    /** The description of {@code iri}, with the data's prefixes; empty if the graph states nothing about it. */
    public Graph describe(String iri) {
        Node thing = NodeFactory.createURI(iri);
        Graph out = GraphFactory.createDefaultGraph();
        Txn.executeRead(dataset, () -> {
            Graph g = dataset.getDefaultGraph();
            out.getPrefixMapping().setNsPrefixes(dataset.prefixes().getMapping());
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
        });
        return out;
    }

    private static boolean isAxiom(Graph g, Node n) {
        return g.contains(n, RDF.type.asNode(), OWL2.Axiom.asNode());
    }

    private static Node single(Graph g, Node s, Node p) {
        List<Triple> found = g.find(s, p, Node.ANY).toList();
        return found.size() == 1 ? found.get(0).getObject() : null;
    }
}
