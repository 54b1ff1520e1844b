package org.w3id.stalinkg.server;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
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
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.linkeddata.LinkedDataFormat;
import org.w3id.stalinkg.linkeddata.PublicBase;
import org.w3id.stalinkg.linkeddata.ServiceDescriptionLib;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Fuseki's SPARQL query operation, refusing any query that holds a {@code SERVICE} clause anywhere (in a
 * subquery, under {@code OPTIONAL}, inside {@code FILTER EXISTS}) with 422 before it runs.
 * <p>
 * Clearing {@code ARQ.globalServiceAllowed} already stops every outbound call, but {@code SERVICE SILENT} turns
 * that refusal into an empty success, which tells the client nothing; checking the query first answers every
 * form the same way.
 */
public class ActionQueryOwnData extends SPARQL_QueryDataset {

    private final KnowledgeGraph kg;
    private final PublicBase base;
    private final Limits limits;

    /**
     * @param kg     and {@code base} describe the service when it is asked with no query
     * @param limits the longest query text and the most rows of an answer
     */
    public ActionQueryOwnData(KnowledgeGraph kg, PublicBase base, Limits limits) {
        this.kg = kg;
        this.base = base;
        this.limits = limits;
    }

    /** Refuses a query text longer than the limit before parsing it. */
    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString.length() > limits.maxQueryChars()) {
            ServletOps.errorBadRequest("Query text too long: " + queryString.length() + " characters; at most "
                    + limits.maxQueryChars() + ".");
        }
        super.execute(queryString, action);
    }

    /**
     * A GET with no query is answered with the SPARQL 1.1 Service Description of the endpoint, in the negotiated RDF
     * format (Turtle by default), as the SPARQL 1.1 Service Description specification asks.
     */
    @Override
    public void execGet(HttpAction action) {
        if (action.getRequestParameter("query") != null) {
            super.execGet(action);
            return;
        }
        HttpServletResponse resp = action.getResponse();
        LinkedDataFormat format = LinkedDataFormat.negotiate(action.getRequestHeader("Accept"));
        if (format == null || !format.isRdf()) {
            format = LinkedDataFormat.TURTLE;
        }
        String publicBase = base.of(action.getRequest());
        Graph description = ServiceDescriptionLib.describe(publicBase + "sparql", publicBase, kg);
        try {
            resp.setStatus(HttpSC.OK_200);
            resp.setHeader("Vary", "Accept");
            resp.setContentType(format.contentType());
            RDFDataMgr.write(resp.getOutputStream(), description, format.lang());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        if (hasService(query)) {
            ServletOps.error(HttpSC.UNPROCESSABLE_ENTITY_422,
                    "SERVICE is not allowed: this endpoint answers from its own data only");
        }
        // At most maxRows rows (or triples' solutions): a query asking for more, or for everything, is cut there,
        // and the response says so.
        if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > limits.maxRows())) {
            query.setLimit(limits.maxRows());
            action.getResponse().setHeader(Limits.CAPPED_HEADER, "at most " + limits.maxRows() + " rows");
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
