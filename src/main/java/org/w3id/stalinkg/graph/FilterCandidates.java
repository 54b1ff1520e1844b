package org.w3id.stalinkg.graph;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterFilterExpr;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.Expr;

/**
 * What the filter fast paths ({@link NumericRanges}, {@link TextContains}) share: a FILTER over one triple pattern of
 * the in-memory data's default graph, whose object is a variable, answered from a superset of its matches (the
 * candidates an index gives) to which the pattern's bound terms and ARQ's own filter, with the original expressions,
 * are applied.
 */
final class FilterCandidates {

    private FilterCandidates() {
    }

    /**
     * The one triple pattern under {@code opFilter}, if its object is a variable, no variable is repeated and it is
     * matched in the default graph of the query's dataset; otherwise null.
     */
    static Triple objectPattern(OpFilter opFilter, ExecutionContext execCxt) {
        Triple pattern = GroupCounts.singlePattern(opFilter.getSubOp());
        if (pattern == null || !pattern.getObject().isVariable() || GroupCounts.hasRepeatedVar(pattern)
                || execCxt.getActiveGraph() != execCxt.getDataset().getDefaultGraph()) {
            return null;
        }
        return pattern;
    }

    /** The in-memory data under the wrappers of the query's dataset (read-only, reload's switch), or null. */
    static FrozenDataset frozen(ExecutionContext execCxt) {
        DatasetGraph d = execCxt.getDataset();
        while (d instanceof DatasetGraphWrapper w) {
            d = w.getWrapped();
        }
        return d instanceof FrozenDataset f ? f : null;
    }

    /** The candidates that match {@code pattern}, as rows, through {@code opFilter}'s expressions. */
    static QueryIterator filtered(Triple pattern, Iterable<Triple> candidates, OpFilter opFilter,
            ExecutionContext execCxt) {
        List<Binding> rows = new ArrayList<>();
        for (Triple t : candidates) {
            if (matches(pattern.getSubject(), t.getSubject()) && matches(pattern.getPredicate(), t.getPredicate())) {
                rows.add(binding(pattern, t));
            }
        }
        QueryIterator it = QueryIterPlainWrapper.create(rows.iterator(), execCxt);
        for (Expr e : opFilter.getExprs()) {
            it = new QueryIterFilterExpr(it, e, execCxt);
        }
        return it;
    }

    private static boolean matches(Node pattern, Node n) {
        return pattern.isVariable() || pattern.equals(n);
    }

    private static Binding binding(Triple pattern, Triple t) {
        BindingBuilder b = Binding.builder();
        add(b, pattern.getSubject(), t.getSubject());
        add(b, pattern.getPredicate(), t.getPredicate());
        add(b, pattern.getObject(), t.getObject());
        return b.build();
    }

    private static void add(BindingBuilder b, Node pattern, Node value) {
        if (pattern.isVariable()) {
            b.add(Var.alloc(pattern), value);
        }
    }
}
