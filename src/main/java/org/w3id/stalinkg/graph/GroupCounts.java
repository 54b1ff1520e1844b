package org.w3id.stalinkg.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.atlas.iterator.IteratorDelayedInitialization;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

/**
 * The counting fast path of {@link FastPathExecutor}: a GROUP BY (or a whole-result aggregate) whose only aggregates are
 * {@code COUNT(*)} or {@code COUNT(?v)} over one triple pattern, such as
 * {@code SELECT ?c (COUNT(?s) AS ?n) { ?s a ?c } GROUP BY ?c} or {@code SELECT (COUNT(*) AS ?n) { ?s ?p ?o }}.
 * ARQ makes a binding of each match, a key binding of its group and an accumulator per group; here the matches of the
 * pattern in the active graph ({@link Graph#find}, as ARQ's own matching) are tallied by their group's terms, with no
 * binding until the one row per group. The answer is ARQ's: a pattern's variables are bound in every match, so
 * {@code COUNT(?v)} of one of them counts every match; no match gives no row under GROUP BY and a count of 0 without
 * it. The pattern may be inside {@code GRAPH <iri>}: then the named graph's matches are counted (none if the dataset
 * has no such graph, as in ARQ). Anything else (DISTINCT, a grouping expression, a variable repeated in the pattern,
 * other aggregates) is left to ARQ. The query's cancel signal (its time limit) is read every {@value #CHECK_EVERY}
 * matches.
 */
final class GroupCounts {

    private static final int CHECK_EVERY = 4096;

    private GroupCounts() {
    }

    /** The rows of {@code opGroup}, evaluated when first read; null if this is not a count this class answers. */
    static Iterator<Binding> rows(OpGroup opGroup, ExecutionContext execCxt) {
        Op sub = opGroup.getSubOp();
        Node graphName = sub instanceof OpGraph g ? g.getNode() : null;
        Triple pattern = singlePattern(graphName == null ? sub : ((OpGraph) sub).getSubOp());
        if (pattern == null || !groupsByPatternVars(opGroup.getGroupVars(), pattern)
                || !onlyCounts(opGroup.getAggregators(), pattern) || hasRepeatedVar(pattern)
                || (graphName != null && !isNamedGraph(graphName))) {
            return null;
        }
        Graph graph = graphName == null ? execCxt.getActiveGraph() : execCxt.getDataset().getGraph(graphName);
        List<Var> keys = opGroup.getGroupVars().getVars();
        List<ExprAggregator> counts = opGroup.getAggregators();
        return new IteratorDelayedInitialization<>() {
            @Override
            protected Iterator<Binding> initializeIterator() {
                return rows(tally(graph, pattern, keys, execCxt.getCancelSignal()), keys, counts).iterator();
            }
        };
    }

    private static Map<List<Node>, long[]> tally(Graph graph, Triple pattern, List<Var> keys, AtomicBoolean cancel) {
        int[] positions = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            positions[i] = positionOf(pattern, keys.get(i));
        }
        Map<List<Node>, long[]> tally = new HashMap<>();
        if (keys.isEmpty() && isAllVariables(pattern)) {
            tally.put(List.of(), new long[] {graph.size()});
            return tally;
        }
        Iterator<Triple> matches = graph.find(unbound(pattern.getSubject()), unbound(pattern.getPredicate()),
                unbound(pattern.getObject()));
        long seen = 0;
        while (matches.hasNext()) {
            Triple t = matches.next();
            if (++seen % CHECK_EVERY == 0 && cancel != null && cancel.get()) {
                throw new QueryCancelledException();
            }
            List<Node> key = keys.isEmpty() ? List.of() : keyOf(t, positions);
            tally.computeIfAbsent(key, k -> new long[1])[0]++;
        }
        if (keys.isEmpty() && tally.isEmpty()) {
            tally.put(List.of(), new long[] {0});
        }
        return tally;
    }

    private static List<Binding> rows(Map<List<Node>, long[]> tally, List<Var> keys, List<ExprAggregator> counts) {
        List<Binding> rows = new ArrayList<>(tally.size());
        tally.forEach((key, n) -> {
            BindingBuilder row = Binding.builder();
            for (int i = 0; i < keys.size(); i++) {
                row.add(keys.get(i), key.get(i));
            }
            Node count = NodeValue.makeInteger(n[0]).asNode();
            for (ExprAggregator agg : counts) {
                row.add(agg.getVar(), count);
            }
            rows.add(row.build());
        });
        return rows;
    }

    private static List<Node> keyOf(Triple t, int[] positions) {
        Node[] key = new Node[positions.length];
        for (int i = 0; i < positions.length; i++) {
            key[i] = positions[i] == 0 ? t.getSubject() : positions[i] == 1 ? t.getPredicate() : t.getObject();
        }
        return List.of(key);
    }

    /** The one triple pattern {@code op} matches, or null. */
    static Triple singlePattern(Op op) {
        if (op instanceof OpTriple triple) {
            return triple.getTriple();
        }
        if (op instanceof OpBGP bgp && bgp.getPattern().size() == 1) {
            return bgp.getPattern().get(0);
        }
        return null;
    }

    /** True if {@code name} is an IRI naming a graph, not a variable or one of ARQ's names of the default graph. */
    static boolean isNamedGraph(Node name) {
        return name.isURI() && !Quad.isDefaultGraph(name) && !Quad.isUnionGraph(name);
    }

    /** True if every grouping term is a plain variable of the pattern (no {@code GROUP BY (expr AS ?v)}). */
    private static boolean groupsByPatternVars(VarExprList groupVars, Triple pattern) {
        return groupVars.getExprs().isEmpty()
                && groupVars.getVars().stream().allMatch(v -> positionOf(pattern, v) >= 0);
    }

    /** True if every aggregate is COUNT(*) or COUNT(?v) of a variable of the pattern, none DISTINCT. */
    private static boolean onlyCounts(List<ExprAggregator> aggregators, Triple pattern) {
        if (aggregators.isEmpty()) {
            return false;
        }
        for (ExprAggregator agg : aggregators) {
            Aggregator a = agg.getAggregator();
            boolean countAll = a instanceof AggCount;
            boolean countVar = a instanceof AggCountVar && a.getExprList().get(0) instanceof ExprVar v
                    && positionOf(pattern, v.asVar()) >= 0;
            if (!countAll && !countVar) {
                return false;
            }
        }
        return true;
    }

    static boolean hasRepeatedVar(Triple pattern) {
        Set<Node> vars = new HashSet<>();
        for (Node n : new Node[] {pattern.getSubject(), pattern.getPredicate(), pattern.getObject()}) {
            if (n.isVariable() && !vars.add(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAllVariables(Triple pattern) {
        return pattern.getSubject().isVariable() && pattern.getPredicate().isVariable()
                && pattern.getObject().isVariable();
    }

    /** 0, 1 or 2 for the subject, predicate or object position of {@code var} in the pattern; -1 if absent. */
    private static int positionOf(Triple pattern, Var var) {
        return var.equals(pattern.getSubject()) ? 0 : var.equals(pattern.getPredicate()) ? 1
                : var.equals(pattern.getObject()) ? 2 : -1;
    }

    private static Node unbound(Node n) {
        return n.isVariable() ? Node.ANY : n;
    }
}
