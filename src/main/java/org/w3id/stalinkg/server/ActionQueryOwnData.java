package org.w3id.stalinkg.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's SPARQL query operation, refusing any query that holds a {@code SERVICE} clause anywhere (in a
 * subquery, under {@code OPTIONAL}, inside {@code FILTER EXISTS}) with 422 before it runs.
 * <p>
 * Clearing {@code ARQ.globalServiceAllowed} already stops every outbound call, but {@code SERVICE SILENT} turns
 * that refusal into an empty success, which tells the client nothing; checking the query first answers every
 * form the same way.
 */
public class ActionQueryOwnData extends SPARQL_QueryDataset {

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        if (hasService(query)) {
            ServletOps.error(HttpSC.UNPROCESSABLE_ENTITY_422,
                    "SERVICE is not allowed: this endpoint answers from its own data only");
        }
    }

    /** True if any part of {@code query} is a {@code SERVICE} clause. */
    static boolean hasService(Query query) {
        Op op = Algebra.compile(query);
        boolean[] found = {false};
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService opService) {
                found[0] = true;
            }
        }, new ExprVisitorBase());
        return found[0];
    }
}
