package org.w3id.stalinkg.graph;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The loaded, validated knowledge graph: one read-only {@link DatasetGraph} and the figures of how it was made.
 * Built by {@link KnowledgeGraphLoader}; immutable once built, so every part of the server may share it. A graph
 * opened from a TDB2 database ({@link Tdb2Lib#open}) holds files open until {@link #close()}.
 */
public final class KnowledgeGraph implements AutoCloseable {

    private static final Query INSTANCE_COUNTS = QueryResources.get("instance-counts");

    private final DatasetGraph dataset;
    private final Graph ontology;
    private final Map<Path, Long> triplesPerFile;
    private final String contentHash;
    private String things = SKG.ID_BASE;
    private final Lazy<TextIndex> labelIndex = new Lazy<>();
    private TextIndex storedLabelIndex;
    private Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();
    // The dataset never changes, so each size is counted once (a count is a scan of an index on disk for TDB2).
    private volatile Long size;
    private volatile Long assertedSize;
    private volatile Long inferredSize;
    private final Lazy<Map<String, byte[]>> dumps = new Lazy<>();

    KnowledgeGraph(DatasetGraph dataset, Graph ontology, Map<Path, Long> triplesPerFile, String contentHash) {
        this.dataset = dataset;
        this.ontology = ontology;
        this.triplesPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(triplesPerFile));
        this.contentHash = contentHash;
    }

    /** A graph whose sizes are already known (recorded when a database was written). */
    KnowledgeGraph(DatasetGraph dataset, Graph ontology, Map<Path, Long> triplesPerFile, String contentHash,
                   long size, long assertedSize, long inferredSize) {
        this(dataset, ontology, triplesPerFile, contentHash, size, assertedSize, inferredSize, SKG.ID_BASE);
    }

    /** As above, its things named under {@code things} (the namespace a {@code --base-url} gave at load). */
    KnowledgeGraph(DatasetGraph dataset, Graph ontology, Map<Path, Long> triplesPerFile, String contentHash,
                   long size, long assertedSize, long inferredSize, String things) {
        this(dataset, ontology, triplesPerFile, contentHash);
        this.things = things;
        this.size = size;
        this.assertedSize = assertedSize;
        this.inferredSize = inferredSize;
    }

    /**
     * As above, read from a database: {@code labelIndex} is its label index kept on disk (null: none, built on first
     * use), and {@code release} closes the files the graph holds open ({@link #close()}).
     */
    KnowledgeGraph(DatasetGraph dataset, Graph ontology, Map<Path, Long> triplesPerFile, String contentHash,
                   long size, long assertedSize, long inferredSize, TextIndex labelIndex, Runnable release) {
        this(dataset, ontology, triplesPerFile, contentHash, size, assertedSize, inferredSize);
        this.storedLabelIndex = labelIndex;
        this.release = release;
    }

    /**
     * A hex SHA-256 of the files the graph was loaded from: equal for equal data, different when any file changes.
     * Responses derived from the graph use it in their ETags.
     */
    public String contentHash() {
        return contentHash;
    }

    /**
     * The served dataset, read-only: the default graph holds every statement, stated and inferred; the named graphs
     * {@link SKG#GRAPH_ASSERTED} and {@link SKG#GRAPH_INFERRED} hold each part, and share no statement. Loaded from
     * files, the default graph is a view of the two named graphs (each statement is held once); from TDB2, a stored
     * graph.
     */
    public DatasetGraph dataset() {
        return dataset;
    }

    /**
     * The full-text index of the names in the graph ({@link LabelIndex}): for a database, the one kept on disk
     * beside it ({@link Tdb2LabelIndex}); otherwise built on first use (it is not needed to start answering) and
     * then kept.
     */
    public TextIndex labelIndex() {
        TextIndex stored = storedLabelIndex;
        return stored != null ? stored : labelIndex.get(() -> LabelIndex.build(dataset));
    }

    /**
     * Closes the files a graph opened from a database holds (the TDB2 database and its label index, once no other
     * graph of the same folder uses them); the graph cannot be queried after. Nothing for a graph loaded from files
     * (its data are in the heap). A second call does nothing.
     */
    @Override
    public void close() {
        if (release != null && closed.compareAndSet(false, true)) {
            release.run();
        }
    }

    /** The ontology alone (the files of {@code ontology/}, shapes excepted), read-only, with its prefixes. */
    public Graph ontology() {
        return ontology;
    }

    /** Triples parsed from each file, in load order. */
    public Map<Path, Long> triplesPerFile() {
        return triplesPerFile;
    }

    /** Distinct triples in the served graph, including those the loader derived. */
    public long size() {
        Long n = size;
        if (n == null) {
            n = Txn.calculateRead(dataset, () -> (long) dataset.getDefaultGraph().size());
            size = n;
        }
        return n;
    }

    /** Distinct triples the files state. */
    public long assertedSize() {
        Long n = assertedSize;
        if (n == null) {
            n = Txn.calculateRead(dataset, () -> (long) dataset.getGraph(SKG.GRAPH_ASSERTED.asNode()).size());
            assertedSize = n;
        }
        return n;
    }

    /** Distinct triples derived at load time (years of dates, and what the ontology entails). */
    public long inferredSize() {
        Long n = inferredSize;
        if (n == null) {
            n = Txn.calculateRead(dataset, () -> (long) dataset.getGraph(SKG.GRAPH_INFERRED.asNode()).size());
            inferredSize = n;
        }
        return n;
    }

    /**
     * The dumps of the graph and their checksum files ({@link DumpLib#dumps}), made on the first call (seconds of
     * work) and kept, as the data never change: every server over this graph serves the same ones, and the VoID
     * description states their sizes and checksums.
     */
    public Map<String, byte[]> dumps() {
        return dumps.get(() -> DumpLib.dumps(this));
    }

    /**
     * Instances of each class of our ontology, counting the instances of its subclasses too, in IRI order.
     * Classes with no instance are listed with 0.
     */
    public Map<String, Long> instanceCounts() {
        return Txn.calculateRead(dataset, () -> instanceCounts(QueryExec.dataset(dataset).query(INSTANCE_COUNTS).select()));
    }

    /** The query {@link #instanceCounts()} runs, to run it on another copy of the data (an external store). */
    public static Query instanceCountsQuery() {
        return INSTANCE_COUNTS.cloneQuery();
    }

    /** The counts in the rows of {@link #instanceCountsQuery()}, by local name, in IRI order. */
    public static Map<String, Long> instanceCounts(RowSet rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEachRemaining(row -> counts.put(
                row.get("class").getURI().substring(SKG.NS.length()),
                ((Number) row.get("n").getLiteralValue()).longValue()));
        return counts;
    }

    /**
     * The namespace of the things in the graph: {@code https://w3id.org/stalin-kg/id/}, or the same under the base
     * the graph was loaded with ({@link KnowledgeGraphLoader#base(String)}).
     */
    public String things() {
        return things;
    }
}
