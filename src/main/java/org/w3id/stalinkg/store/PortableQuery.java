package org.w3id.stalinkg.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.ExprTransformConstantFold;
import org.apache.jena.sparql.algebra.optimize.TransformFilterPlacement;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * A query as it is sent to an external store: the same question, written so that a store whose SPARQL is weaker than
 * Jena's answers it as Jena does. Every change keeps the query's meaning (SPARQL 1.1); each is there for a store we
 * test against (Virtuoso Open Source 7.2, docs/scaling.md), and does no harm to one that needs none (Fuseki).
 *
 * <pre>
 * Query sent = PortableQuery.of(query, Map.of("outcome", holodomor));
 * </pre>
 *
 * <ul>
 * <li><b>Parameters are constants in the text</b>, as Jena substitutes them for a local query. Where that leaves a
 *     sort key a constant ({@code ORDER BY <iri>}, not SPARQL once written) the key is dropped: ordering by a
 *     constant changes nothing. Where it leaves a grouping key {@code GROUP BY (<iri> AS ?v)} that the projection
 *     also defines, {@code SELECT (<iri> AS ?v)}, the projection names {@code ?v} only: defining a variable twice is
 *     an error in SPARQL 1.1, which Jena lets pass and Virtuoso refuses ("Alias ?v is defined twice").</li>
 * <li><b>Constant expressions are evaluated here</b> ({@code LCASE(STR("Голод"))} is sent as
 *     {@code "голод"}):
 *     Virtuoso lower-cases a constant byte by byte, which spoils any text beyond ASCII.</li>
 * <li><b>Filters are placed</b> where Jena's optimiser places them (on the part of the pattern that binds their
 *     variables, before an {@code OPTIONAL}): Virtuoso drops a group's filter on a variable that an {@code OPTIONAL}
 *     of the group also uses after a {@code BIND}, and lets rows through that the filter refuses.</li>
 * <li><b>{@code ASK} is sent as {@code SELECT * ... LIMIT 1}</b>: Virtuoso answers an {@code ASK} with a row of a
 *     variable {@code __ASK_RETVAL} instead of a boolean result. The answer is true if there is a row
 *     ({@link AskBySelect}).</li>
 * </ul>
 * A pattern Jena cannot write back after the rewriting (none is known) is sent as it was.
 */
final class PortableQuery {

    private PortableQuery() {}

    /** {@code query} with {@code bindings} in place of their variables, written for an external store. */
    static Query of(Query query, Map<String, Node> bindings) {
        Query q = substituted(query, bindings);
        if (q == query) {
            q = query.cloneQuery();
        }
        if (q.getQueryPattern() != null) {
            q.setQueryPattern(rewritten(q.getQueryPattern()));
        }
        if (q.isAskType()) {
            q.setQuerySelectType();
            q.setQueryResultStar(true);
            q.setLimit(1);
        }
        return q;
    }

    /**
     * {@code query} with {@code bindings} in place of their variables, as Jena substitutes them for a local query,
     * in a form that parses again once written (see above); {@code query} itself if there are no bindings.
     */
    static Query substituted(Query query, Map<String, Node> bindings) {
        if (bindings.isEmpty()) {
            return query;
        }
        Map<Var, Node> vars = new HashMap<>();
        bindings.forEach((name, value) -> vars.put(Var.alloc(name), value));
        Query q = QueryTransformOps.replaceVars(query, vars);
        if (q.hasOrderBy()) {
            q.getOrderBy().removeIf(condition -> condition.getExpression().isConstant());
        }
        if (q.hasGroupBy()) {
            definedOnce(q.getProject(), q.getGroupBy());
        }
        return q;
    }

    /** {@code project} without the definitions of the variables that {@code groupBy} defines. */
    private static void definedOnce(VarExprList project, VarExprList groupBy) {
        List<Var> vars = List.copyOf(project.getVars());
        Map<Var, Expr> exprs = new HashMap<>(project.getExprs());
        project.clear();
        for (Var v : vars) {
            Expr e = exprs.get(v);
            if (e == null || groupBy.getExpr(v) != null) {
                project.add(v);
            } else {
                project.add(v, e);
            }
        }
    }

    /** The pattern with its constant expressions evaluated and its filters placed, written back as SPARQL. */
    static Element rewritten(Element pattern) {
        try {
            Op op = Algebra.compile(pattern);
            op = Transformer.transform(new TransformFilterPlacement(), new ExprTransformConstantFold(), op);
            return OpAsQuery.asElement(op);
        } catch (RuntimeException ex) {
            return pattern;
        }
    }
}
