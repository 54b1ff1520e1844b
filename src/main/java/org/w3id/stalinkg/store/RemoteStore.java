package org.w3id.stalinkg.store;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.jena.atlas.AtlasException;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.resultset.ResultSetException;
import org.apache.jena.web.HttpSC;
import org.w3id.stalinkg.graph.QueryResources;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.vocab.SKG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external SPARQL 1.1 endpoint holding the data ({@code serve --sparql-endpoint URL}), queried over HTTP with
 * Jena's {@link QueryExecHTTP}: a clustered triple store (Virtuoso, docs/scaling.md), or another Fuseki, loaded from
 * our dump. Queries go as {@link PortableQuery} writes them, so that a weaker SPARQL engine answers them as Jena.
 *
 * <pre>
 * RemoteStore store = new RemoteStore("http://store:3030/ds/sparql", Duration.ofSeconds(5),
 *         Duration.ofSeconds(30), Duration.ofSeconds(60));
 * </pre>
 *
 * Time limits: connecting may take the connect timeout; a query is then cut off after its time limit, both while
 * waiting for the store's answer to begin and while reading it (the execution is aborted), and fails with
 * {@link QueryCancelledException} as a local query does. Any other failure (the store down, an HTTP error, an answer
 * that does not parse) is a {@link StoreException} with a one-line reason, logged with the endpoint's address. Nothing
 * is sent when the store is built, so a server can start while the store is still down.
 * <p>
 * Anyone may change the store's data, so there is no {@link #version()}: ETags are made from the answers' bytes, and
 * answers are reused for {@link #freshness()} only.
 */
public final class RemoteStore implements SparqlStore {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteStore.class);

    private static final Query COUNT = QueryResources.get("count-triples");
    private static final Query PROBE = QueryResources.get("probe");

    /** Aborts the executions that run past their time limit; one daemon thread for every store. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final String endpoint;
    private final Describer describer;
    private final HttpClient http;
    private final Duration defaultTimeout;
    private final Duration freshness;

    /**
     * @param endpoint       the SPARQL 1.1 query endpoint, an absolute http(s) URL
     * @param connectTimeout the longest to wait for a connection to the store
     * @param defaultTimeout the time limit of a query that gives none (the statistics of the pages)
     * @param freshness      how long an answer may be reused
     * @throws IllegalArgumentException if {@code endpoint} is not an absolute http(s) URL
     */
    public RemoteStore(String endpoint, Duration connectTimeout, Duration defaultTimeout, Duration freshness) {
        this(endpoint, connectTimeout, defaultTimeout, freshness, Map.of());
    }

    /**
     * As above, and the prefixes of the documents that describe things (the ontology's: the store's own are not
     * known), so that a description is the same bytes as the one the graph loaded here gives.
     */
    public RemoteStore(String endpoint, Duration connectTimeout, Duration defaultTimeout, Duration freshness,
                       Map<String, String> prefixes) {
        this.endpoint = checkEndpoint(endpoint);
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.describer = Describer.of(this, prefixes, defaultTimeout, SKG.ID_BASE);
    }

    /** The endpoint's URL, for the operator (never sent to clients). */
    public String endpoint() {
        return endpoint;
    }

    /** {@code url} if it is an absolute http(s) URL with a host; IllegalArgumentException saying why not. */
    public static String checkEndpoint(String url) {
        try {
            URI uri = new URI(Objects.requireNonNull(url, "endpoint"));
            if (uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException ex) {
            // Said below.
        }
        throw new IllegalArgumentException("Illegal SPARQL endpoint=" + url
                + " : must be an absolute http(s) URL, e.g. http://store.example.org:3030/ds/sparql");
    }

    @Override
    public <T> T query(Query query, Map<String, Node> bindings, Duration timeout, Function<QueryExec, T> reader) {
        long limitMillis = Math.max(1, (timeout == null ? defaultTimeout : timeout).toMillis());
        QueryExecHTTP sent = QueryExecHTTP.service(endpoint).httpClient(http).query(PortableQuery.of(query, bindings))
                // A long query is POSTed as a form, not as an application/sparql-query body: Virtuoso 7.2 answers
                // such a body but leaves the response open until the client gives up.
                .sendMode(QuerySendMode.asGetWithLimitForm)
                // The wait for the store's answer to begin; reading the answer is bounded by the deadline below.
                .timeout(limitMillis, TimeUnit.MILLISECONDS)
                .build();
        QueryExec exec = query.isAskType() ? new AskBySelect(query, sent) : sent;
        AtomicBoolean pastDeadline = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            pastDeadline.set(true);
            exec.abort();
        }, limitMillis, TimeUnit.MILLISECONDS);
        try {
            return reader.apply(exec);
        } catch (RuntimeException ex) {
            if (pastDeadline.get() || causedBy(ex, HttpTimeoutException.class)) {
                throw new QueryCancelledException();
            }
            throw failure(ex);
        } finally {
            deadline.cancel(false);
            exec.close();
        }
    }

    /**
     * Null if the store answers a trivial query within {@code timeout}, else the reason it does not: what the
     * server says when it starts.
     */
    public String probe(Duration timeout) {
        try {
            query(PROBE, Map.of(), timeout, QueryExec::ask);
            return null;
        } catch (StoreException ex) {
            return ex.getMessage();
        } catch (QueryCancelledException ex) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
    }

    @Override
    public String things() {
        return SKG.ID_BASE;
    }

    @Override
    public boolean exists(String iri) {
        return describer.exists(iri);
    }

    @Override
    public Graph describe(String iri) {
        return describer.describe(iri);
    }

    @Override
    public List<Map<String, String>> searchNames(String text, String lang, int limit, Duration timeout) {
        return NameSearch.scan(this, text, lang, limit, timeout);
    }

    @Override
    public String version() {
        return null;
    }

    @Override
    public Duration freshness() {
        return freshness;
    }

    @Override
    public long size() {
        return query(COUNT, Map.of(), null,
                exec -> ((Number) exec.select().next().get("n").getLiteralValue()).longValue());
    }

    @Override
    public Map<String, Long> instanceCounts() {
        return query(KnowledgeGraph.instanceCountsQuery(), Map.of(), null,
                exec -> KnowledgeGraph.instanceCounts(exec.select()));
    }

    /**
     * What failed, as a StoreException with a one-line reason (logged with the endpoint's address); an exception
     * that is not the store's failure (a bug of ours) is returned as it is, to be reported as one.
     */
    private RuntimeException failure(RuntimeException ex) {
        String reason;
        if (ex instanceof QueryCancelledException) {
            return ex;
        } else if (ex instanceof QueryExceptionHTTP http && http.getStatusCode() > 0) {
            reason = "it answered HTTP " + http.getStatusCode() + " " + HttpSC.getMessage(http.getStatusCode());
        } else if (ex instanceof HttpException http && http.getStatusCode() > 0) {
            reason = "it answered HTTP " + http.getStatusCode() + " " + HttpSC.getMessage(http.getStatusCode());
        } else if (ex instanceof QueryExceptionHTTP || ex instanceof HttpException || ex instanceof UncheckedIOException
                || ex instanceof RuntimeIOException) {
            reason = "it could not be reached (" + connectionProblem(ex) + ")";
        } else if (ex instanceof QueryException || ex instanceof RiotException || ex instanceof ResultSetException
                || ex instanceof AtlasException) {
            reason = "its answer could not be read (" + rootCause(ex) + ")";
        } else {
            return ex;
        }
        LOG.warn("SPARQL endpoint {} failed: {}", endpoint, reason);
        LOG.debug("SPARQL endpoint failure", ex);
        return new StoreException("The SPARQL store behind this service failed: " + reason + ".");
    }

    /** What went wrong with the connection, in a few words. */
    private static String connectionProblem(Throwable ex) {
        if (causedBy(ex, HttpConnectTimeoutException.class)) {
            return "no connection within the connect timeout";
        }
        if (causedBy(ex, ConnectException.class)) {
            return "connection refused";
        }
        if (causedBy(ex, UnknownHostException.class)) {
            return "unknown host";
        }
        return rootCause(ex);
    }

    private static String rootCause(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String name = root.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message.lines().findFirst().orElse("");
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "stalin-kg-store-deadlines");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
