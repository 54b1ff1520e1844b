package org.w3id.stalinkg.graph;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.graph.GraphZero;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The served dataset of a load, each triple held once: the named graphs {@link SKG#GRAPH_ASSERTED} and
 * {@link SKG#GRAPH_INFERRED} are stored, and the default graph is their union, a view ({@link DisjointUnion}).
 * Read-only. A graph name the dataset does not hold is an empty graph, never a new one: reading never changes it.
 * <p>
 * Each of the two graphs is a {@link GraphMem2Fast}: Jena's in-memory graph, a set of triples with, for each node
 * in each position, the triples it is in, indexed as the triples are added and only read once frozen (safe for
 * concurrent readers). It has no transactions to pay for: {@link DatasetGraphMapLink} begins and ends Fuseki's read
 * transactions on the dataset alone, and nothing writes the graphs once frozen.
 * <p>
 * Not GraphMem2Roaring, although it was as fast in {@code bench/lib/DatasetLayouts.java} (geometric mean 0.51 of the
 * TxnMem layout's time against GraphMem2Fast's 0.56 in one run; 2.08 against 2.57 of the served layout's in another, on
 * a loaded machine: within the noise): it answers a pattern with two bound terms by copying the whole bitmap of one of
 * them and intersecting ({@code FastAggregation.naive_and}), so {@code (?s rdf:type O)} allocates about 7 KB here even
 * when it matches nothing, in proportion to rdf:type's use rather than to O's. A join probes once per row of its other
 * side, and ARQ checks a query's cancel signal only as a probe yields a triple, so a run of costly empty probes goes on
 * past the time limit between checks; under load (2 cores shared) such queries held their threads for tens of seconds
 * and TestHostileFuzz left requests (even ones that fail to parse) without an answer within 30 s; thread dumps 38 s
 * apart showed one worker still in a query's Roaring finds. It is safe for concurrent readers with the EAGER index
 * (built as the triples are added; a find only reads); that was not the cause. GraphMem2Fast walks the bound subject's
 * or object's triples (the predicate's when fewer) and allocates a few hundred bytes per probe
 * ({@code TestFrozenDatasetProbes}).
 * <p>
 * The order in which a pattern's matches come out is the graph's own (hash) order, so it differs from TxnMem's:
 * where a query leaves an order undefined (a GROUP_CONCAT's values, rows an ORDER BY leaves tied), the answer may
 * list the same values in another order than a TxnMem store such as stock Fuseki.
 */
final class FrozenDataset extends DatasetGraphMapLink {

    private final Lazy<NumericObjects> numericObjects = new Lazy<>();
    private final Lazy<LowerCaseObjects> lowerCaseObjects = new Lazy<>();

    private FrozenDataset(Graph union, Graph asserted, Graph inferred) {
        super(union);
        super.addGraph(SKG.GRAPH_ASSERTED.asNode(), asserted);
        super.addGraph(SKG.GRAPH_INFERRED.asNode(), inferred);
        FastPathExecutor.install(getContext());
    }

    /**
     * The read-only dataset of {@code asserted} (with its prefixes) and {@code inferred}, which must share no triple.
     * The graphs are copied; the caller may drop them.
     */
    static DatasetGraph of(Graph asserted, Graph inferred) {
        Graph storedAsserted = stored(asserted);
        Graph storedInferred = stored(inferred);
        Graph union = new DisjointUnion(storedAsserted, storedInferred, asserted.getPrefixMapping());
        return new DatasetGraphReadOnly(new FrozenDataset(union, storedAsserted, storedInferred));
    }

    /** A copy of {@code graph}'s triples (not its prefixes) as a {@link GraphMem2Fast}, indexed. */
    private static Graph stored(Graph graph) {
        Graph stored = new GraphMem2Fast();
        graph.find().forEachRemaining(stored::add);
        return stored;
    }

    /** The default graph's triples with a numeric object, sorted by value: built at the first call. */
    NumericObjects numericObjects(AtomicBoolean cancel) {
        return numericObjects.get(() -> NumericObjects.of(getDefaultGraph(), cancel));
    }

    /** The default graph's triples with LCASE(STR(?o)) of each object, by predicate: built at the first call. */
    LowerCaseObjects lowerCaseObjects(AtomicBoolean cancel) {
        return lowerCaseObjects.get(() -> LowerCaseObjects.of(getDefaultGraph(), cancel));
    }

    @Override
    public Graph getGraph(Node graphNode) {
        Graph g = super.getGraph(graphNode);
        return g != null ? g : GraphZero.instance();
    }

    @Override
    protected Graph getGraphCreate(Node graphNode) {
        return null;
    }
}
