package org.w3id.stalinkg.server;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.expr.ExprException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
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

    private static final String USES_TEXT_INDEX = "org.w3id.stalinkg.usesTextIndex";

    private final DataHolder holder;
    private final PublicBase base;
    private final Limits limits;

    /**
     * @param holder and {@code base} describe the service when it is asked with no query
     * @param limits the longest query text and the most rows of an answer
     */
    public ActionQueryOwnData(DataHolder holder, PublicBase base, Limits limits) {
        this.holder = holder;
        this.base = base;
        this.limits = limits;
    }

    /** A request that also carries an update is refused: this endpoint only answers queries. */
    @Override
    protected void validateRequest(HttpAction action) {
        if (action.getRequestParameter("update") != null) {
            ServletOps.errorBadRequest("'update' is not accepted: this endpoint only answers queries.");
        }
        super.validateRequest(action);
    }

    /** Refuses a query text longer than the limit, or nested deeper than {@link QueryNesting}'s, before parsing it. */
    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString.length() > limits.maxQueryChars()) {
            ServletOps.errorBadRequest("Query text too long: " + queryString.length() + " characters; at most "
                    + limits.maxQueryChars() + ".");
        }
        int depth = QueryNesting.depth(queryString);
        if (depth > QueryNesting.MAX_DEPTH) {
            ServletOps.errorBadRequest("The query nests its groups, expressions or lists " + depth
                    + " levels deep; at most " + QueryNesting.MAX_DEPTH + ".");
        }
        // Only a query that names jena-text's namespace needs the index (built on first use, not at start-up).
        action.getRequest().setAttribute(USES_TEXT_INDEX, queryString.contains(TextQuery.NS));
        try {
            super.execute(queryString, action);
        } catch (ExprException ex) {
            // An expression the query itself makes impossible: the client's error, not the server's (Fuseki: 500).
            ServletOps.errorBadRequest("The query cannot be evaluated: " + ex.getMessage());
        } catch (StackOverflowError ex) {
            ServletOps.errorBadRequest("The query is nested too deeply to be evaluated.");
        } catch (ActionErrorException ex) {
            // Fuseki sends an error message with a Content-Length counted in characters, not bytes: a parse error
            // that quotes a non-ASCII character became a 500. Escape such characters (\u00e9) before it is sent.
            String message = ex.getMessage();
            if (message != null && !message.chars().allMatch(c -> c < 0x80)) {
                ServletOps.error(ex.getRC(), asciiOnly(message));
            }
            throw ex;
        }
    }

    private static String asciiOnly(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.chars().forEach(c -> {
            if (c < 0x80) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\u%04x", c));
            }
        });
        return sb.toString();
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
        ServedData data = holder.current();
        Graph description = ServiceDescriptionLib.describe(base.resolve("sparql"), base.base(),
                data.isRemote() ? null : data.store().size());
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
        // At most maxRows rows: a SELECT asking for more, or for everything, asks for one row more, so that
        // sendResults can tell whether it was cut; a CONSTRUCT or DESCRIBE gets at most maxRows solutions.
        if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > limits.maxRows())) {
            query.setLimit(query.isSelectType() ? limits.maxRows() + 1L : limits.maxRows());
        }
    }

    /** Sends at most maxRows rows of a SELECT; if there were more, says so in {@link Limits#CAPPED_HEADER}. */
    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
        if (result.isRowSet()) {
            RowSet rows = result.rowSet();
            List<Binding> kept = new ArrayList<>();
            while (rows.hasNext() && kept.size() <= limits.maxRows()) {
                kept.add(rows.next());
            }
            if (kept.size() > limits.maxRows()) {
                kept.remove(kept.size() - 1);
                action.getResponse().setHeader(Limits.CAPPED_HEADER, "at most " + limits.maxRows() + " rows");
            }
            action.getRequest().setAttribute(AccessLogFilter.ROWS_ATTRIBUTE, kept.size());
            result = new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
        }
        super.sendResults(action, result, prologue);
    }

    /**
     * Fuseki's query execution, with the full-text index of the data being served, so that jena-text's
     * {@code text:query} finds it ({@link org.w3id.stalinkg.graph.LabelIndex}).
     */
    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        QueryExec exec = super.createQueryExec(action, query, dataset);
        KnowledgeGraph graph = holder.current().graph();
        if (graph != null && Boolean.TRUE.equals(action.getRequest().getAttribute(USES_TEXT_INDEX))) {
            exec.getContext().set(TextQuery.textIndex, graph.labelIndex());
        }
        return exec;
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
