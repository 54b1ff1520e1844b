package org.w3id.stalinkg.store;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.exec.QueryExec;
import org.w3id.stalinkg.graph.QueryResources;
import org.w3id.stalinkg.graph.StableGraphLib;

/**
 * Where the data is queried: the knowledge graph loaded into this process ({@link LocalStore}, the default), or an
 * external SPARQL 1.1 endpoint ({@link RemoteStore}, {@code serve --sparql-endpoint URL}). The canned queries, the
 * linked-data documents and the statistics of the pages ask it, and never care which it is.
 *
 * <pre>
 * long policies = store.query(query, Map.of("goal", goal), Duration.ofSeconds(5),
 *         exec -&gt; (long) exec.select().materialize().size());
 * </pre>
 */
public interface SparqlStore {

    /**
     * Runs {@code query} with each of {@code bindings} substituted for the variable of its name (as an RDF term, by
     * Jena: a value never becomes query text), and hands the execution to {@code reader}, which must read all it
     * needs before it returns: the execution is closed then.
     *
     * @param timeout the longest the query may run; null for the store's default
     * @throws QueryCancelledException if the query runs past {@code timeout}
     * @throws StoreException if an external store cannot be reached, answers with an error, or answers what
     *         cannot be read
     */
    <T> T query(Query query, Map<String, Node> bindings, Duration timeout, Function<QueryExec, T> reader);

    /** {@link #query(Query, Map, Duration, Function)} of the query {@code src/main/resources/sparql/NAME.rq}. */
    default <T> T query(String name, Map<String, Node> bindings, Duration timeout, Function<QueryExec, T> reader) {
        return query(QueryResources.get(name), bindings, timeout, reader);
    }

    /**
     * The namespace of the things in the data: {@code https://w3id.org/stalin-kg/id/}, or the same under the base
     * the data were loaded with ({@code --base-url}).
     */
    String things();

    /**
     * The dumps of the data this server offers ({@code /dumps/}), in order; none when the data is in an external
     * store (this server does not hold it).
     */
    default java.util.List<DumpFile> dumpFiles() {
        return java.util.List.of();
    }

    /**
     * The bytes of every dump of {@link #dumpFiles()} and of its {@code NAME.sha256} checksum file, by name, made
     * on the first call and kept (the dump servlet serves them, the VoID description states their sizes and
     * checksums). Empty when there are none.
     */
    default Map<String, byte[]> dumps() {
        return Map.of();
    }

    /**
     * The graph a CONSTRUCT or DESCRIBE {@code query} yields with {@code bindings}, read so that the same data gives
     * the same bytes every time: an external store labels its blank nodes afresh on every read, so they are
     * relabelled by what they say, and an answer's ETag (the hash of its bytes) holds from one read to the next.
     *
     * @throws QueryCancelledException if the query runs past {@code timeout}
     * @throws StoreException as {@link #query}
     */
    default org.apache.jena.graph.Graph graph(Query query, Map<String, Node> bindings, Duration timeout) {
        org.apache.jena.graph.Graph graph = query(query, bindings, timeout,
                exec -> query.isConstructType() ? exec.construct() : exec.describe());
        return version() == null ? StableGraphLib.copy(graph) : graph;
    }

    /** True if the data states anything about {@code iri} (as subject or object). */
    boolean exists(String iri);

    /**
     * The description of {@code iri}: its statements, the statements that point at it, the labels of its
     * neighbours and the sources of each statement, with prefixes for the kinds of thing it names.
     */
    org.apache.jena.graph.Graph describe(String iri);

    /**
     * The things whose names hold words beginning with each word of {@code text} (at most {@code limit}, shortest
     * names first), in language {@code lang} (null: any), as rows of thing, name, language and most specific type.
     */
    java.util.List<Map<String, String>> searchNames(String text, String lang, int limit, Duration timeout);

    /**
     * A hash of the data, for ETags that need no query: equal for equal data. Null when the data's identity is not
     * known (an external store, which anyone may change): an ETag is then the hash of the answer's bytes.
     */
    String version();

    /**
     * How long an answer read from the store may be reused, by our caches and by clients; null when the data
     * cannot change while the server runs.
     */
    Duration freshness();

    /** Distinct triples of the default graph. */
    long size();

    /**
     * How much the data uses each term of {@code ontology}, by IRI: a class's instances (its subclasses' included),
     * a property's triples, an individual's occurrences as a value; counted the same way for every store.
     */
    default Map<String, Long> termUsage(org.apache.jena.graph.Graph ontology) {
        return TermUsageLib.usage(this, ontology);
    }

    /** Instances of each class of our ontology, those of its subclasses included, by local name, in IRI order. */
    Map<String, Long> instanceCounts();
}
