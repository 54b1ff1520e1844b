package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries on a TDB2 database seen through read-only wrappers go to TDB2's engine, with the same answers. */
class TestTdb2QueryEngine {

    private static final String EX = "http://example.org/";
    private static final String JOIN = "SELECT ?a ?c WHERE { ?a <" + EX + "p> ?b . ?b <" + EX + "q> ?c } ORDER BY ?a ?c";

    private static DatasetGraph tdb;

    @BeforeAll
    static void data() {
        tdb = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(tdb, () -> {
            for (int i = 0; i < 50; i++) {
                tdb.add(Quad.defaultGraphIRI, NodeFactory.createURI(EX + "a" + i), NodeFactory.createURI(EX + "p"),
                        NodeFactory.createURI(EX + "b" + (i % 7)));
            }
            // b0 has a q and an r to the same value: the alternative path q|r gives that pair twice.
            tdb.add(Quad.defaultGraphIRI, NodeFactory.createURI(EX + "b0"), NodeFactory.createURI(EX + "r"),
                    NodeFactory.createLiteralString("c0"));
            tdb.add(Quad.defaultGraphIRI, NodeFactory.createURI(EX + "b1"), NodeFactory.createURI(EX + "r"),
                    NodeFactory.createLiteralString("r1"));
            for (int i = 0; i < 7; i++) {
                tdb.add(Quad.defaultGraphIRI, NodeFactory.createURI(EX + "b" + i), NodeFactory.createURI(EX + "q"),
                        NodeFactory.createLiteralString("c" + i));
            }
        });
        Tdb2QueryEngine.register();
    }

    @Test
    void theDatabaseIsFoundUnderPureWrappersOnly() {
        DatasetGraph readOnly = new DatasetGraphReadOnly(tdb);
        assertSame(tdb, Tdb2QueryEngine.database(readOnly));
        assertSame(tdb, Tdb2QueryEngine.database(new DatasetGraphReadOnly(readOnly)));
        assertNull(Tdb2QueryEngine.database(tdb), "the database itself is TDB2's own factory's");
        assertNull(Tdb2QueryEngine.database(new DatasetGraphWrapper(tdb) {}), "an unknown wrapper may change answers");
        assertNull(Tdb2QueryEngine.database(new DatasetGraphReadOnly(DatasetGraphFactory.createTxnMem())));
    }

    @Test
    void aQueryOnTheReadOnlyViewIsTdb2sWithTheSameAnswer() {
        DatasetGraph readOnly = new DatasetGraphReadOnly(tdb);
        Query query = QueryFactory.create(JOIN);
        assertTrue(QueryEngineRegistry.get().find(query, readOnly, Context.emptyContext()) instanceof Tdb2QueryEngine);
        List<String> viaView = rows(readOnly);
        assertEquals(50, viaView.size());
        assertEquals(rows(tdb), viaView);
    }

    @Test
    void anAlternativePathGivesTheSameRowsAsArqsPathEngine() {
        for (String q : List.of(
                "SELECT ?s ?o WHERE { ?s <" + EX + "q>|<" + EX + "r> ?o }",
                "SELECT ?s ?o WHERE { ?s <" + EX + "q>|<" + EX + "r> ?o FILTER(CONTAINS(STR(?o), \"1\")) }",
                "SELECT ?o WHERE { <" + EX + "b0> <" + EX + "q>|<" + EX + "r> ?o }",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a <" + EX + "p>/(<" + EX + "q>|<" + EX + "r>) ?o }")) {
            List<String> flattened = rows(new DatasetGraphReadOnly(tdb), q);
            List<String> plain = rows(tdb, q);
            flattened.sort(null);
            plain.sort(null);
            assertEquals(plain, flattened, q);
        }
        assertEquals(9, rows(new DatasetGraphReadOnly(tdb), "SELECT * WHERE { ?s <" + EX + "q>|<" + EX + "r> ?o }")
                .size(), "b0's pair twice");
    }

    private static List<String> rows(DatasetGraph dsg) {
        return rows(dsg, JOIN);
    }

    private static List<String> rows(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            List<String> rows = new ArrayList<>();
            RowSet rs = QueryExec.dataset(dsg).query(query).select();
            rs.forEachRemaining(b -> rows.add(b.toString()));
            return rows;
        });
    }
}
