package org.w3id.stalinkg.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * A read-only view of two graphs that share no triple: {@code find} is the first graph's matches then the second's,
 * with no set of seen triples to drop duplicates (Jena's {@code Union} and {@code GraphUnionRead} keep one), and
 * the size is the sum. The caller promises that the graphs are disjoint and stay as they are.
 */
final class DisjointUnion extends GraphBase {

    private final Graph first;
    private final Graph second;
    private final PrefixMapping prefixes;

    /** The union of {@code first} and {@code second}, with a copy of {@code prefixes}. */
    DisjointUnion(Graph first, Graph second, PrefixMapping prefixes) {
        this.first = first;
        this.second = second;
        this.prefixes = prefixes;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        return first.find(pattern).andThen(second.find(pattern));
    }

    @Override
    protected boolean graphBaseContains(Triple pattern) {
        return first.contains(pattern) || second.contains(pattern);
    }

    @Override
    protected int graphBaseSize() {
        return first.size() + second.size();
    }

    @Override
    protected PrefixMapping createPrefixMapping() {
        return new PrefixMappingImpl().setNsPrefixes(prefixes).lock();
    }

    @Override
    public void performAdd(Triple t) {
        throw new AddDeniedException("read-only union", t);
    }

    @Override
    public void performDelete(Triple t) {
        throw new DeleteDeniedException("read-only union", t);
    }
}
