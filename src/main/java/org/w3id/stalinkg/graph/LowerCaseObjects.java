package org.w3id.stalinkg.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeFunctions;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;

/**
 * The triples of a graph with {@code LCASE(STR(?o))} of each object, as ARQ's own functions compute it (objects for
 * which STR is an error, blank nodes, are left out: a filter on it fails), grouped by predicate. Built once for a
 * frozen graph; read by any number of threads.
 */
final class LowerCaseObjects {

    private static final int CHECK_EVERY = 4096;

    private record Entry(String text, Triple triple) { }

    private final Map<Node, List<Entry>> byPredicate;

    private LowerCaseObjects(Map<Node, List<Entry>> byPredicate) {
        this.byPredicate = byPredicate;
    }

    /** The index of {@code graph}; stops with {@link QueryCancelledException} once {@code cancel} is set. */
    static LowerCaseObjects of(Graph graph, AtomicBoolean cancel) {
        Map<Node, String> texts = new HashMap<>();
        Map<Node, List<Entry>> byPredicate = new HashMap<>();
        long seen = 0;
        for (Iterator<Triple> it = graph.find(Node.ANY, Node.ANY, Node.ANY); it.hasNext(); ) {
            Triple t = it.next();
            if (++seen % CHECK_EVERY == 0 && cancel != null && cancel.get()) {
                throw new QueryCancelledException();
            }
            String text = texts.computeIfAbsent(t.getObject(), LowerCaseObjects::lowerCaseString);
            if (!text.isEmpty() || t.getObject().isLiteral()) {
                byPredicate.computeIfAbsent(t.getPredicate(), p -> new ArrayList<>()).add(new Entry(text, t));
            }
        }
        return new LowerCaseObjects(byPredicate);
    }

    /** The triples of {@code predicate} (any, if a variable) whose object's text contains {@code text}. */
    List<Triple> containing(Node predicate, String text) {
        List<Triple> found = new ArrayList<>();
        Iterable<List<Entry>> lists = predicate.isVariable() ? byPredicate.values()
                : List.of(byPredicate.getOrDefault(predicate, List.of()));
        for (List<Entry> entries : lists) {
            for (Entry e : entries) {
                if (e.text().contains(text)) {
                    found.add(e.triple());
                }
            }
        }
        return found;
    }

    /** LCASE(STR(node)), or "" where that is an error (a blank node). */
    private static String lowerCaseString(Node node) {
        try {
            return XSDFuncOp.strLowerCase(NodeFunctions.str(NodeValue.makeNode(node))).getString();
        } catch (ExprEvalException e) {
            return "";
        }
    }
}
