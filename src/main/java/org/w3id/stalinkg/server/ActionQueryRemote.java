package org.w3id.stalinkg.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.w3id.stalinkg.linkeddata.PublicBase;
import org.w3id.stalinkg.store.StoreException;

/**
 * The SPARQL query operation when the data is in an external store ({@code serve --sparql-endpoint URL}): the
 * checks of {@link ActionQueryOwnData} first (the query's length, {@code SERVICE} refused with 422, the row cap,
 * the service description for a GET with no query), then the query is sent to the store and its answer is written
 * back by Fuseki's own writers in the format the client negotiated, as for the graph loaded here. Clients keep the
 * same URL and protocol whichever holds the data.
 * <ul>
 * <li>Only standard SPARQL 1.1 is forwarded (the store may not read Jena's extensions): anything else is 400.</li>
 * <li>The dataset description goes with the query: {@code FROM} and {@code FROM NAMED}, or the protocol's
 *     {@code default-graph-uri} and {@code named-graph-uri}, which replace them, name the store's graphs.</li>
 * <li>Time limit: {@code --timeout}, which a client's {@code timeout} parameter can only shorten; past it, 503.</li>
 * <li>A store that cannot be reached, answers an error, or answers what does not parse: 502 with the reason.</li>
 * </ul>
 * The dataset Fuseki is given is an empty placeholder: nothing reads it.
 */
final class ActionQueryRemote extends ActionQueryOwnData {

    private final DataHolder holder;
    private final Duration timeout;

    /** @param timeout the longest a query may run at the store */
    ActionQueryRemote(DataHolder holder, PublicBase base, Limits limits, Duration timeout) {
        super(holder, base, limits);
        this.holder = holder;
        this.timeout = timeout;
    }

    /** The empty dataset Fuseki is given in place of the data, read-only. */
    static DatasetGraph placeholder() {
        return DatasetGraphFactory.empty();
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        try {
            super.execute(queryString, action);
        } catch (StoreException ex) {
            ServletOps.error(StoreException.STATUS, ex.getMessage());
        }
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        try {
            QueryFactory.create(query.serialize(), Syntax.syntaxSPARQL_11);
        } catch (QueryParseException ex) {
            ServletOps.errorBadRequest("This endpoint forwards standard SPARQL 1.1 only, and this query is not: "
                    + ex.getMessage());
        }
    }

    /** The query as it goes to the store, with the protocol's dataset description, if any, in place of its own. */
    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        DatasetDescription protocol = SPARQLProtocol.getProtocolDatasetDescription(action);
        Query forwarded = query;
        if (protocol != null) {
            forwarded = query.cloneQuery();
            forwarded.getGraphURIs().clear();
            forwarded.getNamedGraphURIs().clear();
            protocol.getDefaultGraphURIs().forEach(forwarded::addGraphURI);
            protocol.getNamedGraphURIs().forEach(forwarded::addNamedGraphURI);
        }
        return Pair.create(action.getActiveDSG(), forwarded);
    }

    /** Runs the query at the store (the local execution Fuseki made, over the placeholder, is never used). */
    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec placeholderExec, Query requestQuery,
                                           String queryStringLog) {
        Query query = placeholderExec.getQuery();
        if (query.isJsonType()) {
            ServletOps.errorBadRequest("JSON queries are not standard SPARQL 1.1 and are not forwarded.");
        }
        return holder.current().store().query(query, Map.of(), timeout(action), exec -> {
            if (query.isSelectType()) {
                return new QueryExecResult(exec.select().materialize());
            } else if (query.isAskType()) {
                return new QueryExecResult(exec.ask());
            } else if (query.isConstructType()) {
                return new QueryExecResult(DatasetGraphFactory.wrap(exec.construct()));
            } else {
                return new QueryExecResult(exec.describe());
            }
        });
    }

    /** {@code --timeout}, shortened by the client's {@code timeout} parameter (seconds) if it asks for less. */
    private Duration timeout(HttpAction action) {
        long millis = timeout.toMillis();
        String asked = action.getRequestParameter("timeout");
        if (asked != null) {
            Pair<Long, Long> parsed = Timeouts.parseTimeoutStr(asked, TimeUnit.SECONDS);
            if (parsed != null && parsed.getRight() > 0) {
                millis = Math.min(millis, parsed.getRight());
            }
        }
        return Duration.ofMillis(millis);
    }
}
