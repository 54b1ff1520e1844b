package org.w3id.stalinkg.store;

import java.util.Iterator;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

/**
 * An {@code ASK} answered by the store as {@code SELECT * ... LIMIT 1} ({@link PortableQuery}): {@link #ask()} is
 * true if the select has a row. Only {@link #ask()} is an answer; the other forms are refused, as by any execution
 * of an {@code ASK}.
 *
 * <pre>
 * QueryExec select = QueryExecHTTP.service(url).query(PortableQuery.of(askQuery, Map.of())).build();
 * boolean yes = new AskBySelect(askQuery, select).ask();
 * </pre>
 */
final class AskBySelect implements QueryExec {

    private final Query ask;
    private final QueryExec select;

    /**
     * @param ask    the query asked
     * @param select the execution of its select form
     */
    AskBySelect(Query ask, QueryExec select) {
        this.ask = ask;
        this.select = select;
    }

    @Override
    public boolean ask() {
        return select.select().hasNext();
    }

    @Override
    public Query getQuery() {
        return ask;
    }

    @Override
    public String getQueryString() {
        return ask.toString();
    }

    @Override
    public DatasetGraph getDataset() {
        return select.getDataset();
    }

    @Override
    public Context getContext() {
        return select.getContext();
    }

    @Override
    public void abort() {
        select.abort();
    }

    @Override
    public void close() {
        select.close();
    }

    @Override
    public boolean isClosed() {
        return select.isClosed();
    }

    @Override
    public RowSet select() {
        throw notAsk();
    }

    @Override
    public Graph construct(Graph graph) {
        throw notAsk();
    }

    @Override
    public Iterator<Triple> constructTriples() {
        throw notAsk();
    }

    @Override
    public Iterator<Quad> constructQuads() {
        throw notAsk();
    }

    @Override
    public DatasetGraph constructDataset(DatasetGraph dataset) {
        throw notAsk();
    }

    @Override
    public Graph describe(Graph graph) {
        throw notAsk();
    }

    @Override
    public Iterator<Triple> describeTriples() {
        throw notAsk();
    }

    @Override
    public JsonArray execJson() {
        throw notAsk();
    }

    @Override
    public Iterator<JsonObject> execJsonItems() {
        throw notAsk();
    }

    private static IllegalStateException notAsk() {
        return new IllegalStateException("An ASK query has a boolean answer only");
    }
}
