package org.w3id.stalinkg.store;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.graph.DumpLib;
import org.w3id.stalinkg.graph.KnowledgeGraph;

/**
 * The knowledge graph loaded into this process: queries run on its dataset in a read transaction. Its data never
 * changes while the server runs, so its {@link #version()} is the files' content hash and answers never go stale.
 * <p>
 * It offers dumps only of a graph of at most {@link #MAX_DUMP_TRIPLES} triples: the server makes them in memory, and
 * the dumps of a larger graph (a TDB2 database of millions of triples) would take more heap than the server has.
 * Such a graph's dumps are written with the {@code dump} command and published as files.
 */
public final class LocalStore implements SparqlStore {

    /** The most triples a graph may have for the server to offer its dumps. */
    public static final long MAX_DUMP_TRIPLES = 5_000_000;

    private final KnowledgeGraph kg;
    private final Describer describer;
    private final boolean offersDumps;

    public LocalStore(KnowledgeGraph kg) {
        this(kg, MAX_DUMP_TRIPLES);
    }

    /** A store offering dumps only if the graph has at most {@code maxDumpTriples} triples. */
    LocalStore(KnowledgeGraph kg, long maxDumpTriples) {
        this.kg = Objects.requireNonNull(kg, "kg");
        this.describer = new Describer(kg.dataset(), kg.things());
        this.offersDumps = kg.size() <= maxDumpTriples;
    }

    @Override
    public <T> T query(Query query, Map<String, Node> bindings, Duration timeout, Function<QueryExec, T> reader) {
        DatasetGraph dsg = kg.dataset();
        return Txn.calculateRead(dsg, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dsg).query(query);
            if (timeout != null) {
                builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            bindings.forEach(builder::substitution);
            try (QueryExec exec = builder.build()) {
                return reader.apply(exec);
            }
        });
    }

    @Override
    public String things() {
        return kg.things();
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
        return NameSearch.indexed(kg, things(), text, lang, limit, timeout);
    }

    @Override
    public List<DumpFile> dumpFiles() {
        if (!offersDumps) {
            return List.of();
        }
        return DumpLib.FORMATS.stream().map(f -> new DumpFile(f.fileName(), f.mediaType(), f.lang().getLabel(),
                f.namedGraphs())).toList();
    }

    @Override
    public Map<String, byte[]> dumps() {
        return offersDumps ? kg.dumps() : Map.of();
    }

    /** The graph loaded here, for the server's SPARQL endpoint and full-text index (never for a servlet). */
    public KnowledgeGraph graph() {
        return kg;
    }

    @Override
    public String version() {
        return kg.contentHash();
    }

    @Override
    public Duration freshness() {
        return null;
    }

    @Override
    public long size() {
        return kg.size();
    }

    @Override
    public Map<String, Long> instanceCounts() {
        return kg.instanceCounts();
    }
}
