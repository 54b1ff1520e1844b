package org.w3id.stalinkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Our SPARQL JSON results writer: what Jena's reader reads back is what was written, for every kind of term. */
class TestSparqlJsonWriter {

    private static final Var S = Var.alloc("s");
    private static final Var O = Var.alloc("o");

    @Test
    void everyKindOfTermReadsBackTheSame() {
        Node blank = NodeFactory.createBlankNode();
        List<Node> objects = List.of(
                NodeFactory.createURI("https://w3id.org/stalin-kg/id/outcome/holodomor"),
                NodeFactory.createLiteralLang("Голодомор", "ru"),
                NodeFactory.createLiteralString("quote \" backslash \\ newline \n tab \t line sep \u2028 <&> 𝄞"),
                NodeFactory.createLiteralDT("1932", XSDDatatype.XSDgYear),
                NodeFactory.createLiteralDT("3.5", XSDDatatype.XSDdecimal),
                blank,
                blank,
                NodeFactory.createTripleTerm(NodeFactory.createURI("urn:x:s"), NodeFactory.createURI("urn:x:p"),
                        NodeFactory.createLiteralString("o")));
        List<Binding> rows = new ArrayList<>();
        for (Node o : objects) {
            rows.add(BindingBuilder.create().add(S, NodeFactory.createURI("urn:x:thing")).add(O, o).build());
        }
        rows.add(BindingBuilder.create().add(S, NodeFactory.createURI("urn:x:unbound-o")).build());
        byte[] json = write(RowSetStream.create(List.of(S, O), rows.iterator()));
        JsonObject doc = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(List.of("s", "o"), List.of(doc.getAsJsonObject("head").getAsJsonArray("vars").get(0).getAsString(),
                doc.getAsJsonObject("head").getAsJsonArray("vars").get(1).getAsString()));
        ResultSet back = ResultSetMgr.read(new ByteArrayInputStream(json), ResultSetLang.RS_JSON);
        List<Binding> read = new ArrayList<>();
        while (back.hasNext()) {
            read.add(back.nextBinding());
        }
        assertEquals(rows.size(), read.size());
        for (int i = 0; i < rows.size(); i++) {
            Node expected = rows.get(i).get(O);
            Node actual = read.get(i).get(O);
            if (expected != null && expected.isBlank()) {
                assertTrue(actual.isBlank());
            } else {
                assertEquals(expected, actual, "row " + i);
            }
            assertEquals(rows.get(i).get(S), read.get(i).get(S));
        }
        assertEquals(read.get(5).get(O), read.get(6).get(O), "one blank node, one label");
        assertFalse(read.get(rows.size() - 1).contains(O), "unbound stays unbound");
        assertFalse(new String(json, StandardCharsets.UTF_8).contains("\\u003c"), "no HTML escaping");
    }

    @Test
    void askReadsBack() {
        for (boolean b : new boolean[] {true, false}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SparqlJsonWriter.register();
            ResultsWriter.create().lang(ResultSetLang.RS_JSON).write(out, b);
            assertEquals(b, ResultSetMgr.readBoolean(new ByteArrayInputStream(out.toByteArray()),
                    ResultSetLang.RS_JSON));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"head\":{}"));
        }
    }

    private static byte[] write(RowSet rows) {
        SparqlJsonWriter.register();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter.create().lang(ResultSetLang.RS_JSON).write(out, rows);
        return out.toByteArray();
    }
}
