package org.w3id.stalinkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.stalinkg.api.CannedQuery;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * {@link PortableQuery}: each rewriting Virtuoso needs (docs/scaling.md), and, for every canned query, the rewritten
 * query gives the same answer as the query itself on the bundled data, evaluated here by Jena.
 */
class TestPortableQuery {

    private static final String THINGS = "https://w3id.org/stalin-kg/id/";

    @Test
    void askIsSentAsASelectOfOneRow() {
        Query sent = PortableQuery.of(QueryFactory.create("ASK { ?s ?p ?o }"), Map.of());
        assertTrue(sent.isSelectType());
        assertTrue(sent.isQueryResultStar());
        assertEquals(1, sent.getLimit());
    }

    @Test
    void aSubstitutedGroupingKeyIsDefinedOnce() {
        Query q = QueryFactory.create("SELECT ?o (COUNT(*) AS ?n) WHERE { ?o ?p ?x } GROUP BY ?o ORDER BY ?o");
        String sent = PortableQuery.of(q, Map.of("o", NodeFactory.createURI(THINGS + "outcome/holodomor")))
                .toString();
        assertTrue(sent.contains("GROUP BY (<" + THINGS + "outcome/holodomor> AS ?o)"), sent);
        assertFalse(sent.contains("SELECT  (<"), "the projection names ?o only: " + sent);
        assertFalse(sent.contains("ORDER BY"), "ordering by a constant is dropped: " + sent);
        QueryFactory.create(sent);
    }

    @Test
    void constantExpressionsAreEvaluatedBeforeSending() {
        Query q = QueryFactory.create("SELECT ?s WHERE { ?s ?p ?l FILTER(CONTAINS(LCASE(STR(?l)), LCASE(STR(?t)))) }");
        String sent = PortableQuery.of(q, Map.of("t", NodeFactory.createLiteralString("Голод"))).toString();
        assertTrue(sent.contains("\"голод\""), sent);
        assertFalse(sent.contains("lcase(str(\"Голод\"))"), sent);
    }

    @Test
    void aFilterIsPlacedBeforeTheOptionalThatFollowsABind() {
        Query q = QueryFactory.create("""
                SELECT * WHERE { ?t <urn:p> ?n BIND(LANG(?n) AS ?l) OPTIONAL { ?t a ?c }
                                 FILTER(STRSTARTS(STR(?t), "urn:x")) }""");
        String sent = PortableQuery.of(q, Map.of()).toString();
        assertTrue(sent.indexOf("strstarts") < sent.indexOf("OPTIONAL"), sent);
    }

    static Stream<CannedQuery> cannedQueries() {
        return ProjectFiles.cannedQueries().all().stream();
    }

    @ParameterizedTest
    @MethodSource("cannedQueries")
    void theRewrittenQueryAnswersAsTheQuery(CannedQuery canned) {
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        Query query = canned.query();
        Map<String, Node> bindings = new java.util.HashMap<>();
        canned.params().stream().filter(p -> p.example() != null)
                .forEach(p -> bindings.put(p.name(), p.bind(p.example())));
        Query sent = PortableQuery.of(query, bindings);
        Txn.executeRead(kg.dataset(), () -> {
            if (query.isSelectType()) {
                RowSetRewindable expected = run(query, bindings, kg, e -> e.select().rewindable());
                RowSetRewindable actual = run(sent, Map.of(), kg, e -> e.select().rewindable());
                assertTrue(expected.size() > 0 || bindings.isEmpty(), canned.name() + " has an answer");
                expected.reset();
                assertTrue(ResultSetCompare.equalsByTerm(expected, actual), canned.name() + ":\n" + sent);
            } else if (query.isAskType()) {
                assertEquals(run(query, bindings, kg, QueryExec::ask),
                        run(sent, Map.of(), kg, e -> e.select().hasNext()));
            } else {
                Graph expected = run(query, bindings, kg,
                        e -> query.isConstructType() ? e.construct() : e.describe());
                Graph actual = run(sent, Map.of(), kg, e -> sent.isConstructType() ? e.construct() : e.describe());
                assertTrue(expected.size() > 0 && expected.isIsomorphicWith(actual), canned.name());
            }
        });
    }

    /** {@code q} run here by Jena, with {@code bindings} substituted as a local query has them. */
    private static <T> T run(Query q, Map<String, Node> bindings, KnowledgeGraph kg,
                             java.util.function.Function<QueryExec, T> reader) {
        var builder = QueryExec.dataset(kg.dataset()).query(q);
        bindings.forEach(builder::substitution);
        try (QueryExec exec = builder.build()) {
            return reader.apply(exec);
        }
    }
}
