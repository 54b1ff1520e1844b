package org.w3id.stalinkg.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.mem2.IndexingStrategy;
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
 * Each of the two graphs is a {@link GraphMem2Roaring}: Jena's in-memory graph for data that is read far more than
 * written, a set of triples with, for each node in each position, a bitmap of the triples it is in (a pattern with
 * two bound terms is an intersection of two bitmaps), indexed as the triples are added. It has no transactions to
 * pay for: {@link DatasetGraphMapLink} begins and ends Fuseki's read transactions on the dataset alone, and nothing
 * writes the graphs once frozen. Measured against the TxnMem triple tables served before (each graph the default
 * graph of a TxnMem dataset of its own) and GraphMem2Fast, in one JVM on the and bench/compare.sh's queries
 * ({@code bench/lib/DatasetLayouts.java}): GraphMem2Roaring took 0.51 of TxnMem's time (geometric mean) and
 * GraphMem2Fast 0.56, Roaring faster on the joins of selective patterns.
 * <p>
 * The order in which a pattern's matches come out is the graph's own (hash) order, so it differs from TxnMem's:
 * where a query leaves an order undefined (a GROUP_CONCAT's values, rows an ORDER BY leaves tied), the answer may
 * list the same values in another order than a TxnMem store such as stock Fuseki.
 */
final class FrozenDataset extends DatasetGraphMapLink {

    private FrozenDataset(Graph union, Graph asserted, Graph inferred) {
        super(union);
        super.addGraph(SKG.GRAPH_ASSERTED.asNode(), asserted);
        super.addGraph(SKG.GRAPH_INFERRED.asNode(), inferred);
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

    /** A copy of {@code graph}'s triples (not its prefixes) as a {@link GraphMem2Roaring}, indexed. */
    private static Graph stored(Graph graph) {
        Graph stored = new GraphMem2Roaring(IndexingStrategy.EAGER);
        graph.find().forEachRemaining(stored::add);
        return stored;
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
