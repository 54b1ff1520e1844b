package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * queries/acting-in-year.rq over the real data: a year returns a body only when the policy was in effect, the body
 * existed and the link itself held that year (its skg:validFrom / skg:validUntil on the statement's axiom).
 */
class TestActingInYear {

    private static final String ID = "https://w3id.org/stalin-kg/id/";
    private static final String SUPPORT = ID + "policy/support-for-communist-movements-abroad";

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "1930 | institution/comintern   | present",
        "1943 | institution/comintern   | present",
        "1944 | institution/comintern   | absent",
        "1950 | institution/comintern   | absent",
        "1946 | institution/cominform   | absent",
        "1950 | institution/cominform   | present",
        "1949 | institution/viet-minh   | absent",
        "1950 | institution/viet-minh   | present",
    })
    void aYearReturnsOnlyTheBodiesThatActedThen(int year, String body, String expected) {
        List<String> bodies = bodies(year, SUPPORT);
        assertEquals(expected.equals("present"), bodies.contains(ID + body), year + ": " + bodies);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1925", "1937", "1944", "1950", "1953"})
    void noYearReturnsABodyThatDidNotExistThen(int year) {
        List<Binding> rows = rows(year, null);
        assertFalse(rows.isEmpty(), "nothing acted in " + year);
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        for (Binding row : rows) {
            Node body = row.get(Var.alloc("body"));
            Txn.executeRead(kg.dataset(), () -> {
                kg.dataset().getDefaultGraph().find(body, NodeFactory.createURI(
                        "https://w3id.org/stalin-kg/ontology#endYear"), Node.ANY).forEachRemaining(t ->
                        assertTrue(((Number) t.getObject().getLiteralValue()).intValue() >= year,
                                body + " ended before " + year));
            });
        }
    }

    private static List<String> bodies(int year, String policy) {
        List<String> bodies = new ArrayList<>();
        rows(year, policy).forEach(row -> bodies.add(row.get(Var.alloc("body")).getURI()));
        return bodies;
    }

    private static List<Binding> rows(int year, String policy) {
        Query query = QueryFactory.read(ProjectFiles.ROOT.resolve("queries/acting-in-year.rq").toString(),
                Syntax.syntaxSPARQL_11);
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        List<Binding> rows = new ArrayList<>();
        Txn.executeRead(kg.dataset(), () -> {
            var exec = QueryExec.dataset(kg.dataset()).query(query)
                    .substitution(Var.alloc("year"), NodeFactory.createLiteralDT(Integer.toString(year),
                            XSDDatatype.XSDinteger));
            if (policy != null) {
                exec.substitution(Var.alloc("policy"), NodeFactory.createURI(policy));
            }
            exec.select().forEachRemaining(rows::add);
        });
        return rows;
    }
}
