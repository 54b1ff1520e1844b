package org.w3id.stalinkg.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.graph.GraphZero;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The served dataset of a load, each triple held once: the named graphs {@link SKG#GRAPH_ASSERTED} and
 * {@link SKG#GRAPH_INFERRED} are the loader's two graphs (linked, not copied), and the default graph is their union,
 * a view ({@link DisjointUnion}). Read-only. The loader stores the two graphs as {@code GraphMem2Fast}: over the
 * project's graph it answered every query of bench/lib/DatasetLayouts.java as fast as or faster than a TxnMem
 * dataset holding two copies, and as fast as {@code GraphMem2Roaring}. Transactions are Jena's {@link DatasetGraphMapLink} ones (a
 * multiple-reader lock; the in-memory graphs themselves have none), which is what Fuseki's read transactions need.
 * A graph name the dataset does not hold is an empty graph, never a new one: reading never changes the dataset.
 */
final class FrozenDataset extends DatasetGraphMapLink {

    private FrozenDataset(Graph asserted, Graph inferred) {
        super(new DisjointUnion(asserted, inferred));
        super.addGraph(SKG.GRAPH_ASSERTED.asNode(), asserted);
        super.addGraph(SKG.GRAPH_INFERRED.asNode(), inferred);
    }

    /**
     * The read-only dataset of {@code asserted} and {@code inferred}, which must share no triple and must not change
     * afterwards.
     */
    static DatasetGraph of(Graph asserted, Graph inferred) {
        return new DatasetGraphReadOnly(new FrozenDataset(asserted, inferred));
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
