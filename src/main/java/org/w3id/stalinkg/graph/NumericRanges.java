package org.w3id.stalinkg.graph;

import java.util.List;

import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.expr.E_GreaterThan;
import org.apache.jena.sparql.expr.E_GreaterThanOrEqual;
import org.apache.jena.sparql.expr.E_LessThan;
import org.apache.jena.sparql.expr.E_LessThanOrEqual;
import org.apache.jena.sparql.expr.E_LogicalAnd;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprVar;

/**
 * The numeric-range fast path of {@link FastPathExecutor}: {@code ?s ?p ?y FILTER(... ?y >= 1930 && ?y <= 1935 ...)}
 * over the default graph of the in-memory data, where at least one conjunct of the filter compares the pattern's
 * object variable with a numeric constant ({@code <}, {@code <=}, {@code >}, {@code >=}, either way round). Such a
 * comparison is true only when the object is a number (against anything else it is an error, so the filter fails), so
 * every answer is among the triples whose object is a number in the constants' range ({@link NumericObjects}, a
 * superset); the pattern's bound terms and the whole filter, ARQ's own filter with the original
 * expressions, are then applied to each candidate. ARQ would test every triple of the pattern; the answer is the same
 * rows, in another order (the query fixes none without ORDER BY).
 */
final class NumericRanges {

    private NumericRanges() {
    }

    /**
     * The rows of {@code opFilter} over {@code pattern} ({@link FilterCandidates#objectPattern}) in {@code data}, or
     * null if this is not a filter this class answers.
     */
    static QueryIterator rows(OpFilter opFilter, Triple pattern, FrozenDataset data, ExecutionContext execCxt) {
        Var y = Var.alloc(pattern.getObject());
        double[] range = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        boolean bounded = false;
        for (Expr e : opFilter.getExprs()) {
            bounded |= narrow(e, y, range);
        }
        if (!bounded) {
            return null;
        }
        List<Triple> candidates = data.numericObjects(execCxt.getCancelSignal()).candidates(range[0], range[1]);
        return FilterCandidates.filtered(pattern, candidates, opFilter, execCxt);
    }

    /**
     * Narrows {@code range} by the comparisons of {@code y} with numeric constants among the conjuncts of
     * {@code e}; true if there was one.
     */
    private static boolean narrow(Expr e, Var y, double[] range) {
        if (e instanceof E_LogicalAnd and) {
            boolean left = narrow(and.getArg1(), y, range);
            return narrow(and.getArg2(), y, range) || left;
        }
        if (!(e instanceof E_LessThan || e instanceof E_LessThanOrEqual || e instanceof E_GreaterThan
                || e instanceof E_GreaterThanOrEqual)) {
            return false;
        }
        ExprFunction2 f = (ExprFunction2) e;
        boolean varFirst = isVar(f.getArg1(), y) && isNumber(f.getArg2());
        boolean varSecond = isVar(f.getArg2(), y) && isNumber(f.getArg1());
        if (!varFirst && !varSecond) {
            return false;
        }
        double c = (varFirst ? f.getArg2() : f.getArg1()).getConstant().getDouble();
        boolean less = e instanceof E_LessThan || e instanceof E_LessThanOrEqual;
        boolean upperBound = less == varFirst; // ?y < c or c > ?y
        if (Double.isNaN(c)) {
            return false;
        }
        if (upperBound) {
            range[1] = Math.min(range[1], c);
        } else {
            range[0] = Math.max(range[0], c);
        }
        return true;
    }

    private static boolean isVar(Expr e, Var y) {
        return e instanceof ExprVar v && v.asVar().equals(y);
    }

    private static boolean isNumber(Expr e) {
        return e.isConstant() && e.getConstant().isNumber();
    }
}
