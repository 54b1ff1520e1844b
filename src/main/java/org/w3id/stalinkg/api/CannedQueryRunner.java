package org.w3id.stalinkg.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.vocab.SKG;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;

/**
 * Runs canned queries against the store ({@link SparqlStore}: the graph loaded here, or an external SPARQL
 * endpoint): binds request values to the query's variables as RDF terms, executes with a time limit and a row
 * limit, and writes the chosen format ({@link ResultWriter}, {@link ResultsPage}).
 * <p>
 * The local graph never changes while the server runs, so an answer is a function of (data, query, parameters,
 * format), and the hash of those is its ETag, known without running the query ({@link #etag}). An external store's
 * data may change at any time and has no version: its answers' ETags are the hash of their bytes. Answers are not
 * kept here: the server's answer cache, in front of every path, keeps them.
 */
public final class CannedQueryRunner {

    /**
     * An answer ready to send.
     *
     * @param body        the bytes
     * @param contentType the Content-Type, with its charset
     * @param capped      true if the result was cut at the row limit
     * @param rows        the rows of a SELECT's answer, -1 for other queries
     */
    public record Result(byte[] body, String contentType, boolean capped, int rows) {}

    /** The rows read from the store, at most the limit; {@code capped} if there were more. */
    private record Rows(List<Var> vars, List<Binding> rows, boolean capped) {}

    private final SparqlStore store;
    private final Duration timeout;
    private final int maxRows;

    /**
     * @param store   where the queries run
     * @param timeout the longest a canned query may run
     * @param maxRows the most rows of an answer; more are cut and the answer says so
     */
    public CannedQueryRunner(SparqlStore store, Duration timeout, int maxRows) {
        this.store = store;
        this.timeout = timeout;
        this.maxRows = maxRows;
    }

    /** The Cache-Control of the answers: how long a client may reuse one. */
    public String cacheControl() {
        return HttpLib.cacheControl(store.freshness());
    }

    /** The most rows of an answer. */
    public int maxRows() {
        return maxRows;
    }

    /**
     * Checks a request's parameters against the query's declaration and turns them into RDF terms.
     *
     * @param request every request parameter with its values, except {@code format}
     * @param things  the namespace of things, under which short names ({@code policy/great-purge}) are read: the
     *                canonical one, or the one the data were loaded under ({@code --base-url})
     * @throws ApiException 400 naming the parameter: unknown, repeated, missing, or of the wrong type
     */
    public static Map<String, Node> bind(CannedQuery query, Map<String, String[]> request, String things) {
        Map<String, Node> bindings = new TreeMap<>();
        for (Map.Entry<String, String[]> e : request.entrySet()) {
            QueryParam p = query.param(e.getKey());
            if (p == null) {
                throw new ApiException(400, "unknown parameter '" + e.getKey() + "'; " + query.name()
                        + (query.params().isEmpty() ? " takes none" : " takes "
                                + String.join(", ", query.params().stream().map(QueryParam::name).toList())),
                        e.getKey());
            }
            String value = single(p.name(), e.getValue());
            if (!value.isEmpty() || p.required()) {
                bindings.put(p.name(), bind(p, value, things));
            }
        }
        for (QueryParam p : query.params()) {
            if (!bindings.containsKey(p.name()) && p.required()) {
                throw new ApiException(400, "missing parameter '" + p.name() + "': " + p.type().expected()
                        + (p.example() == null ? "" : ", e.g. " + p.example()), p.name());
            }
            if (!bindings.containsKey(p.name()) && p.defaultValue() != null) {
                bindings.put(p.name(), p.bind(p.defaultValue(), things));
            }
        }
        return bindings;
    }

    /** {@link #bind(CannedQuery, Map, String)} with short names read under the canonical namespace. */
    public static Map<String, Node> bind(CannedQuery query, Map<String, String[]> request) {
        return bind(query, request, SKG.ID_BASE);
    }

    /** The store's namespace of things. */
    public String things() {
        return store.things();
    }

    /** The one value of request parameter {@code name}; 400 if it was given more than once. */
    static String single(String name, String[] values) {
        if (values.length != 1) {
            throw new ApiException(400, "parameter '" + name + "' given " + values.length + " times", name);
        }
        return values[0];
    }

    private static Node bind(QueryParam p, String value, String things) {
        try {
            return p.bind(value, things);
        } catch (IllegalArgumentException ex) {
            throw new ApiException(400, ex.getMessage(), p.name());
        }
    }

    /**
     * The strong ETag of the answer to {@code query} with {@code bindings} in {@code format}, quoted, known without
     * running the query; null when only the answer's bytes can tell (an external store's data has no version).
     */
    public String etag(CannedQuery query, Map<String, Node> bindings, ResultFormat format) {
        String version = store.version();
        if (version == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(query.name()).append('?');
        bindings.forEach((name, value) -> key.append(name).append('=').append(NodeFmtLib.strNT(value)).append('&'));
        return HttpLib.etag(version, key.toString(), format.name());
    }

    /**
     * Runs the query and writes its answer.
     *
     * @throws ApiException 503 when the query runs past the time limit, 502 when an external store fails
     */
    public Result answer(CannedQuery query, Map<String, Node> bindings, ResultFormat format) {
        Query limited = limited(query.query());
        try {
            if (query.answersWithGraph()) {
                Graph graph = store.graph(limited, bindings, timeout);
                graph.getPrefixMapping().setNsPrefixes(query.query().getPrefixMapping());
                return new Result(ResultWriter.graph(graph, format), format.contentType(), false, -1);
            }
            if (query.query().isAskType()) {
                boolean yes = store.query(limited, bindings, timeout, exec -> exec.ask());
                return new Result(ResultWriter.ask(yes, format), format.contentType(), false, -1);
            }
            Rows rows = store.query(limited, bindings, timeout, exec -> capped(exec.select()));
            byte[] body = format == ResultFormat.HTML
                    ? ResultsPage.of(query, bindings, rows.vars(), rows.rows(), store.things()).render()
                    : ResultWriter.rows(rows.vars(), rows.rows(), format);
            return new Result(body, format.contentType(), rows.capped(), rows.rows().size());
        } catch (QueryCancelledException ex) {
            throw new ApiException(503, "query '" + query.name() + "' timed out after "
                    + timeout.toMillis() / 1000.0 + " s");
        } catch (StoreException ex) {
            throw new ApiException(StoreException.STATUS, ex.getMessage());
        }
    }

    /** The query asking for one row more than the limit: if it comes, the answer is cut and says so. */
    private Query limited(Query query) {
        if (query.isAskType() || (query.hasLimit() && query.getLimit() <= maxRows)) {
            return query;
        }
        Query limited = query.cloneQuery();
        limited.setLimit(maxRows + 1L);
        return limited;
    }

    /**
     * The first {@code maxRows} rows, and whether there were more; each row detached from the store (a TDB2 row
     * reads its values from the database lazily, which it cannot do once the read transaction has ended).
     */
    private Rows capped(RowSet rows) {
        List<Binding> kept = new ArrayList<>();
        while (rows.hasNext()) {
            Binding b = rows.next().detach();
            if (kept.size() == maxRows) {
                return new Rows(rows.getResultVars(), kept, true);
            }
            kept.add(b);
        }
        return new Rows(rows.getResultVars(), kept, false);
    }
}
