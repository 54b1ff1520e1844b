package org.w3id.stalinkg.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.graph.GraphZero;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The served dataset of a load, each triple held once: the named graphs {@link SKG#GRAPH_ASSERTED} and
 * {@link SKG#GRAPH_INFERRED} are stored, and the default graph is their union, a view ({@link DisjointUnion}).
 * Read-only. A graph name the dataset does not hold is an empty graph, never a new one: reading never changes it.
 * <p>
 * Each of the two graphs is stored as the default graph of a Jena TxnMem dataset of its own (a triple table of 3
 * indexes, where named graphs in one dataset would take a quad table of 6), whose transactions Fuseki's read
 * transactions begin and end through {@link DatasetGraphMapLink} (a READ_PROMOTE transaction on each, so readers run
 * side by side). Linking the loader's GraphMem2Fast graphs directly, with no copy, answered every query
 * of bench/lib/DatasetLayouts.java faster still, but changes the order in which a pattern's matches come out, and so
 * the order of the values of a GROUP_CONCAT that the stored expected results of three canned queries pin
 * (corrections, offices-of-stalin, satellite-states; TxnMem's order is its hash order, the same in the remote store
 * that TestServeFromRemoteStore compares with). Until those queries order their concatenations, the storage is
 * TxnMem's.
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

    /** A copy of {@code graph} as the default graph of a TxnMem dataset of its own (a triple table: 3 indexes). */
    private static Graph stored(Graph graph) {
        DatasetGraph store = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(store, () -> GraphUtil.addInto(store.getDefaultGraph(), graph));
        return store.getDefaultGraph();
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
