package org.w3id.stalinkg.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.w3id.stalinkg.vocab.SKG;

/**
 * Things named under another base: {@code https://w3id.org/stalin-kg/id/x/y} becomes {@code BASE + "id/x/y"}, as a
 * file's statements are added to the graph. Only the things move: the vocabulary ({@code ontology#}), the graphs'
 * names and every IRI outside our namespace stay as they are.
 */
final class RebaseLib {

    private RebaseLib() {}

    /** Adds the statements and prefixes of {@code read} to {@code graph}, things moved under {@code base}. */
    static void addTo(TurtleFiles.Read read, Graph graph, String base) {
        String things = base + SKG.ID_PATH;
        read.prefixes().forEach((prefix, ns) -> graph.getPrefixMapping().setNsPrefix(prefix, move(ns, things)));
        for (Triple t : read.triples()) {
            graph.add(Triple.create(move(t.getSubject(), things), move(t.getPredicate(), things),
                    move(t.getObject(), things)));
        }
    }

    private static Node move(Node n, String things) {
        return n.isURI() && n.getURI().startsWith(SKG.ID_BASE) ? NodeFactory.createURI(move(n.getURI(), things)) : n;
    }

    private static String move(String iri, String things) {
        return iri.startsWith(SKG.ID_BASE) ? things + iri.substring(SKG.ID_BASE.length()) : iri;
    }
}
