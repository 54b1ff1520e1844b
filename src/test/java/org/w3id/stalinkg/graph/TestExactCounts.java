package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.junit.jupiter.api.Test;

/**
 * Which queries the COUNT fast path takes, and that it is chosen for the served dataset only. That its answers are
 * ARQ's is TestEngineEquivalence's part.
 */
class TestExactCounts {

    private static Op op(String query) {
        return Algebra.optimize(Algebra.compile(QueryFactory.create(query)));
    }

    @Test
    void countOfOnePatternIsTaken() {
        assertNotNull(ExactCounts.match(op("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")));
        assertNotNull(ExactCounts.match(op("SELECT (COUNT(*) AS ?n) WHERE { ?s <http://x/p> <http://x/o> }")));
        assertNotNull(ExactCounts.match(op("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://x/g> { ?s ?p 1932 } }")));
    }

    @Test
    void anythingElseIsLeftToArq() {
        for (String q : new String[] {
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?s }",
            "SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s ?p ?o }",
            "SELECT (COUNT(?o) AS ?n) WHERE { ?s ?p ?o }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?o ?q ?r }",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?o)) }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } LIMIT 0",
            "SELECT (COUNT(*) + 1 AS ?n) WHERE { ?s ?p ?o }",
            "SELECT ?s WHERE { ?s ?p ?o }",
        }) {
            assertNull(ExactCounts.match(op(q)), q);
        }
    }

    @Test
    void chosenForTheServedDatasetOnly() {
        Query q = QueryFactory.create("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        assertSame(ExactCounts.class, QueryEngineRegistry.findFactory(q, kg.dataset(), ARQ.getContext()).getClass());
        assertNotSame(ExactCounts.class,
                QueryEngineRegistry.findFactory(q, DatasetGraphFactory.createTxnMem(), ARQ.getContext()).getClass());
    }

    @Test
    void countOfEverythingIsTheSize() {
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        long n = kg.dataset().getDefaultGraph().size();
        assertEquals(n, ExactCounts.count(kg.dataset().getDefaultGraph(),
                org.apache.jena.graph.Triple.create(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY,
                        org.apache.jena.graph.Node.ANY)));
    }
}
