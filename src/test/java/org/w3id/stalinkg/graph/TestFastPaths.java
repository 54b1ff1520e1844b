package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * The counting fast path is taken where it should be and not elsewhere (its answers are compared with plain ARQ's in
 * {@code TestEngineEquivalence}), and it stops at the query's time limit.
 */
class TestFastPaths {

    private static final DatasetGraph DATA = ProjectFiles.bundledGraph().dataset();

    @Test
    void countsOfOnePatternAreAnsweredByTheFastPath() {
        assertTaken(true, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        assertTaken(true, "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c");
        assertTaken(true, "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p");
        assertTaken(true, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + org.w3id.stalinkg.vocab.SKG.GRAPH_INFERRED.getURI()
                + "> { ?s ?p ?o } }");
    }

    @Test
    void numericRangesOfOnePatternAreAnsweredByTheFastPath() {
        assertTaken(true, "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(isNumeric(?y) && ?y >= 1930 && ?y <= 1935) } ORDER BY ?y ?s ?p");
        assertTaken(true, "SELECT ?s ?y WHERE { ?s <https://w3id.org/stalin-kg/ontology#startYear> ?y FILTER(1950 < ?y) }");
    }

    @Test
    void labelFiltersAreAnsweredByTheFastPath() {
        assertTaken(true, "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                + "FILTER(CONTAINS(LCASE(STR(?l)), \"plan\")) } ORDER BY ?l ?s");
        assertTaken(false, "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                + "FILTER(CONTAINS(LCASE(?l), \"plan\")) }");
        assertTaken(false, "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                + "FILTER(CONTAINS(LCASE(STR(?l)), \"plan\"@en)) }");
    }

    @Test
    void rangesThatAreNotNumericComparisonsAreLeftToArq() {
        assertTaken(false, "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y < 1925 || ?y > 1950) }");
        assertTaken(false, "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y >= \"1930\") }");
        assertTaken(false, "SELECT ?s ?p ?y FROM <urn:x:g> WHERE { ?s ?p ?y FILTER(?y >= 1930) }");
        assertTaken(false, "SELECT ?s ?y WHERE { ?s a ?c OPTIONAL { ?s ?p ?y FILTER(?y >= 1930) } }");
    }

    @Test
    void otherAggregatesAndShapesAreLeftToArq() {
        assertTaken(false, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }");
        assertTaken(false, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?s }");
        assertTaken(false, "SELECT ?c (MIN(STR(?s)) AS ?x) (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c");
        assertTaken(false, "SELECT ?k (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY (STR(?c) AS ?k)");
        assertTaken(false, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?c . ?c a ?d }");
    }

    @Test
    void theCountOfEverythingIsTheNumberOfTriples() {
        long triples = Txn.calculateRead(DATA, () -> DATA.getDefaultGraph().size());
        assertEquals("\"" + triples + "\"^^xsd:integer", single("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"));
    }

    @Test
    void aCancelledQueryStopsCounting() {
        String text = "SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?o";
        boolean stopped = Txn.calculateRead(DATA, () -> {
            try (QueryExec exec = QueryExec.dataset(DATA).query(text).build()) {
                RowSet rows = exec.select();
                exec.abort();
                try {
                    rows.forEachRemaining(row -> { });
                    return false;
                } catch (QueryCancelledException e) {
                    return true;
                }
            }
        });
        assertTrue(stopped, "an aborted count ran to the end");
    }

    private static void assertTaken(boolean expected, String query) {
        long before = FastPathExecutor.uses();
        single(query);
        assertEquals(expected, FastPathExecutor.uses() > before, query);
    }

    private static String single(String query) {
        return Txn.calculateRead(DATA, () -> {
            try (QueryExec exec = QueryExec.dataset(DATA).query(query).build()) {
                RowSet rows = exec.select();
                String first = "";
                if (rows.hasNext()) {
                    org.apache.jena.graph.Node last = rows.next().get(rows.getResultVars().get(rows.getResultVars().size() - 1));
                    first = last == null ? "" : last.toString();
                }
                rows.forEachRemaining(row -> { });
                return first;
            }
        });
    }
}
