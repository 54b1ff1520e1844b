package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/**
 * A probe of the served graphs with two terms bound (what a join does once per row of its other side) costs in
 * proportion to what it matches, not to how often its predicate is used. The GraphMem2Roaring served before
 * answered {@code (?s rdf:type O)} by copying the whole bitmap of rdf:type and intersecting it with O's: about 7 KB
 * per probe here even when nothing matched. ARQ checks a query's cancel signal only as a probe yields a triple, so
 * runs of such empty probes kept queries past their time limit under load (TestHostileFuzz's unanswered requests).
 */
class TestFrozenDatasetProbes {

    private static final int PROBES = 2000;

    @Test
    void aProbeWithTwoBoundTermsAllocatesInProportionToItsMatchesNotToThePredicatesUse() {
        DatasetGraph dsg = ProjectFiles.bundledGraph().dataset();
        Graph graph = dsg.getDefaultGraph();
        long typeTriples = graph.stream(Node.ANY, RDF.type.asNode(), Node.ANY).count();
        assertTrue(typeTriples > 1000, "rdf:type is used " + typeTriples + " times");
        // Objects that are never a class: every (?s rdf:type O) probe matches nothing.
        List<Node> objects = new ArrayList<>();
        graph.stream(Node.ANY, Node.ANY, Node.ANY).map(Triple::getObject).filter(Node::isLiteral).distinct()
                .limit(200).forEach(objects::add);
        assertTrue(objects.size() >= 100, "literal objects: " + objects.size());

        probe(graph, objects); // warm up
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        long matches = probe(graph, objects);
        long perProbe = (threads.getThreadAllocatedBytes(tid) - before) / PROBES;
        System.out.println("rdf:type triples " + typeTriples + ", bytes per probe " + perProbe);
        assertTrue(matches == 0, "matches: " + matches);
        assertTrue(perProbe < typeTriples / 2, "a probe that matches nothing allocated " + perProbe
                + " bytes, with rdf:type used " + typeTriples + " times");
    }

    private static long probe(Graph graph, List<Node> objects) {
        long matches = 0;
        for (int i = 0; i < PROBES; i++) {
            ExtendedIterator<Triple> it = graph.find(Node.ANY, RDF.type.asNode(), objects.get(i % objects.size()));
            while (it.hasNext()) {
                it.next();
                matches++;
            }
            it.close();
        }
        return matches;
    }
}
