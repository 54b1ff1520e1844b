package org.w3id.stalinkg.graph;

import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.expr.E_LogicalAnd;
import org.apache.jena.sparql.expr.E_Str;
import org.apache.jena.sparql.expr.E_StrContains;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprVar;

/**
 * The label-filter fast path of {@link FastPathExecutor}: {@code ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)),
 * "plan"))} over the default graph of the in-memory data, where one conjunct of the filter is
 * {@code CONTAINS(LCASE(STR(?o)), "text")} on the pattern's object variable with a plain string constant. ARQ makes a
 * binding per match and, for each, two new literals (STR, then LCASE); here each object's {@code LCASE(STR(...))} is
 * computed once for the frozen data by ARQ's own functions ({@link LowerCaseObjects}), the matches whose text contains
 * the constant are the candidates (every answer is among them), and ARQ's filter, with the original expressions, is
 * applied to each. The same rows as ARQ's, in another order.
 */
final class TextContains {

    private TextContains() {
    }

    /**
     * The rows of {@code opFilter} over {@code pattern} ({@link FilterCandidates#objectPattern}) in {@code data}, or
     * null if this is not a filter this class answers.
     */
    static QueryIterator rows(OpFilter opFilter, Triple pattern, FrozenDataset data, ExecutionContext execCxt) {
        Var o = Var.alloc(pattern.getObject());
        String text = null;
        for (Expr e : opFilter.getExprs()) {
            text = text != null ? text : containedText(e, o);
        }
        if (text == null) {
            return null;
        }
        LowerCaseObjects index = data.lowerCaseObjects(execCxt.getCancelSignal());
        return FilterCandidates.filtered(pattern, index.containing(pattern.getPredicate(), text), opFilter, execCxt);
    }

    /** The constant of a conjunct {@code CONTAINS(LCASE(STR(?o)), "text")} of {@code e}, or null. */
    private static String containedText(Expr e, Var o) {
        if (e instanceof E_LogicalAnd and) {
            String left = containedText(and.getArg1(), o);
            return left != null ? left : containedText(and.getArg2(), o);
        }
        if (e instanceof E_StrContains contains && contains.getArg1() instanceof E_StrLowerCase lower
                && lower.getArg() instanceof E_Str str && str.getArg() instanceof ExprVar v && v.asVar().equals(o)
                && contains.getArg2().isConstant() && contains.getArg2().getConstant().isString()
                && contains.getArg2().getConstant().asNode().getLiteralLanguage().isEmpty()) {
            return contains.getArg2().getConstant().getString();
        }
        return null;
    }
}
