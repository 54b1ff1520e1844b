package org.w3id.stalinkg.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Graphs that give the same bytes for the same data, whatever blank-node labels they were read with: the dumps use
 * it, so a checksum changes only when the data does, and so do the documents and canned answers read from an
 * external SPARQL store, whose blank nodes are labelled afresh on every read, so that their ETags (the hash of their
 * bytes) hold from one read to the next and from one replica to another.
 *
 * <pre>
 * RDFDataMgr.write(out, StableGraphLib.copy(graph), Lang.TURTLE);
 * </pre>
 */
public final class StableGraphLib {

    private StableGraphLib() {}

    /**
     * A copy of {@code source} in which the same data gives the same bytes on every load: each blank node is
     * relabelled with a hash of what it says ({@link #blankLabels}), and the triples go in sorted, so the
     * writers, which follow the graph's order, write them in the same order.
     */
    public static Graph copy(Graph source) {
        List<Triple> triples = source.find().toList();
        return relabelled(triples, blankLabels(triples), source);
    }

    /**
     * A copy of {@code source} as {@link #copy(Graph)} makes it, its named graphs included: one blank-node labelling
     * for the whole dataset, made from the default graph, which the served datasets make the union of the named
     * ones, so a blank node shared by the default graph and a named graph keeps one label in both.
     */
    public static DatasetGraph copy(DatasetGraph source) {
        List<Triple> all = source.getDefaultGraph().find().toList();
        Map<Node, Node> renamed = blankLabels(all);
        DatasetGraph copy = DatasetGraphFactory.createGeneral(relabelled(all, renamed, source.getDefaultGraph()));
        source.listGraphNodes().forEachRemaining(name -> copy.addGraph(name,
                relabelled(source.getGraph(name).find().toList(), renamed, source.getDefaultGraph())));
        return copy;
    }

    /** The triples of {@code graph} in the sorted order of their N-Triples lines. */
    public static List<Triple> sorted(Graph graph) {
        return sortedByLine(graph.find().toList());
    }

    /** {@code triples} sorted by their N-Triples lines, each line made once (not once per comparison). */
    private static List<Triple> sortedByLine(List<Triple> triples) {
        TreeMap<String, Triple> byLine = new TreeMap<>();
        for (Triple t : triples) {
            byLine.put(line(t), t);
        }
        return new ArrayList<>(byLine.values());
    }

    /** {@code triples} with the blank nodes {@code renamed}, in sorted order, with the prefixes of {@code source}. */
    private static Graph relabelled(List<Triple> triples, Map<Node, Node> renamed, Graph source) {
        List<Triple> relabelled = new ArrayList<>();
        for (Triple t : triples) {
            relabelled.add(Triple.create(renamed.getOrDefault(t.getSubject(), t.getSubject()), t.getPredicate(),
                    renamed.getOrDefault(t.getObject(), t.getObject())));
        }
        Graph graph = GraphFactory.createDefaultGraph();
        // In prefix order: writers follow the order of the prefix mapping, which otherwise varies between runs.
        new TreeMap<>(source.getPrefixMapping().getNsPrefixMap()).forEach(graph.getPrefixMapping()::setNsPrefix);
        sortedByLine(relabelled).forEach(graph::add);
        return graph;
    }

    /**
     * A label for each blank node from what it says and where it stands: a hash of its outgoing triples (following
     * blank objects down) and of its incoming ones (following blank subjects up to an IRI), so that the axiom
     * annotations and the {@code owl:unionOf} lists of our files get the same label on every load. Blank nodes alike
     * in both directions with no blank neighbour (the bare axiom nodes of a CONSTRUCT answer, say) are
     * interchangeable, so they are numbered in any order: the bytes are the same. Where the labels cannot otherwise
     * name every blank node apart (a cycle, or alike blank nodes with blank neighbours), no node is renamed: the
     * copy is still the graph, only its bytes may differ between reads.
     */
    private static Map<Node, Node> blankLabels(List<Triple> triples) {
        Map<Node, List<Triple>> outgoing = new HashMap<>();
        Map<Node, List<Triple>> incoming = new HashMap<>();
        for (Triple t : triples) {
            if (t.getSubject().isBlank()) {
                outgoing.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
            }
            if (t.getObject().isBlank()) {
                incoming.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
            }
        }
        Set<Node> blanks = new HashSet<>(outgoing.keySet());
        blanks.addAll(incoming.keySet());
        Map<Node, String> down = new HashMap<>();
        Map<Node, String> up = new HashMap<>();
        Map<String, List<Node>> byLabel = new HashMap<>();
        try {
            for (Node b : blanks) {
                String label = "b" + hash(down(b, outgoing, down, new HashSet<>()) + " "
                        + up(b, incoming, outgoing, down, up, new HashSet<>()));
                byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(b);
            }
        } catch (IllegalStateException cycle) {
            return Map.of();
        }
        Map<Node, Node> renamed = new HashMap<>();
        for (Map.Entry<String, List<Node>> e : byLabel.entrySet()) {
            List<Node> alike = e.getValue();
            if (alike.size() == 1) {
                renamed.put(alike.get(0), NodeFactory.createBlankNode(e.getKey()));
                continue;
            }
            for (Node b : alike) {
                boolean blankNeighbour = outgoing.getOrDefault(b, List.of()).stream().anyMatch(t -> t.getObject().isBlank())
                        || incoming.getOrDefault(b, List.of()).stream().anyMatch(t -> t.getSubject().isBlank());
                if (blankNeighbour) {
                    return Map.of();
                }
            }
            for (int i = 0; i < alike.size(); i++) {
                renamed.put(alike.get(i), NodeFactory.createBlankNode(e.getKey() + "x" + i));
            }
        }
        return renamed;
    }

    /** A hash of what {@code b} says, its blank objects included. */
    private static String down(Node b, Map<Node, List<Triple>> outgoing, Map<Node, String> memo, Set<Node> path) {
        String known = memo.get(b);
        if (known != null) {
            return known;
        }
        if (!path.add(b)) {
            throw new IllegalStateException("blank node cycle");
        }
        List<String> lines = new ArrayList<>();
        for (Triple t : outgoing.getOrDefault(b, List.of())) {
            Node o = t.getObject();
            lines.add(NodeFmtLib.strNT(t.getPredicate()) + " "
                    + (o.isBlank() ? "_:" + down(o, outgoing, memo, path) : NodeFmtLib.strNT(o)));
        }
        path.remove(b);
        memo.put(b, hash(lines));
        return memo.get(b);
    }

    /** A hash of the triples that point at {@code b}, their blank subjects followed up to an IRI. */
    private static String up(Node b, Map<Node, List<Triple>> incoming, Map<Node, List<Triple>> outgoing,
            Map<Node, String> down, Map<Node, String> memo, Set<Node> path) {
        String known = memo.get(b);
        if (known != null) {
            return known;
        }
        if (!path.add(b)) {
            throw new IllegalStateException("blank node cycle");
        }
        List<String> lines = new ArrayList<>();
        for (Triple t : incoming.getOrDefault(b, List.of())) {
            Node s = t.getSubject();
            lines.add((s.isBlank() ? "_:" + down(s, outgoing, down, new HashSet<>()) + "/"
                    + up(s, incoming, outgoing, down, memo, path) : NodeFmtLib.strNT(s))
                    + " " + NodeFmtLib.strNT(t.getPredicate()));
        }
        path.remove(b);
        memo.put(b, hash(lines));
        return memo.get(b);
    }

    private static String hash(List<String> lines) {
        Collections.sort(lines);
        return hash(String.join("\n", lines));
    }

    private static String hash(String text) {
        return DigestLib.sha256Hex(text, 32);
    }

    private static String line(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                + NodeFmtLib.strNT(t.getObject());
    }
}
