package org.w3id.stalinkg.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Writes a canned query's answer in the chosen {@link ResultFormat}: rows as SPARQL results (JSON, XML, CSV, TSV)
 * or as a plain JSON array of objects (numbers as numbers), a yes/no answer likewise, a graph in its RDF syntax.
 * The HTML table is {@link ResultsPage}'s.
 */
final class ResultWriter {

    private ResultWriter() {}

    /** The rows {@code rows} of variables {@code vars} in {@code format} (not HTML). */
    static byte[] rows(List<Var> vars, List<Binding> rows, ResultFormat format) {
        if (format == ResultFormat.JSON) {
            return plainJson(vars, rows).toString().getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter.create().lang(format.lang()).build().write(out, RowSetStream.create(vars, rows.iterator()));
        return out.toByteArray();
    }

    /** An ASK answer: {@code true} or {@code false} in plain JSON and HTML, else as SPARQL results. */
    static byte[] ask(boolean answer, ResultFormat format) {
        if (format.lang() == null) {
            return Boolean.toString(answer).getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter.create().lang(format.lang()).build().write(out, answer);
        return out.toByteArray();
    }

    /** A graph in {@code format}'s RDF syntax. */
    static byte[] graph(Graph graph, ResultFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, graph, format.lang());
        return out.toByteArray();
    }

    private static JsonArray plainJson(List<Var> vars, List<Binding> rows) {
        JsonArray array = new JsonArray();
        for (Binding row : rows) {
            JsonObject object = new JsonObject();
            for (Var v : vars) {
                Node n = row.get(v);
                if (n != null) {
                    object.add(v.getVarName(), json(n));
                }
            }
            array.add(object);
        }
        return array;
    }

    /** IRIs and strings as JSON strings, numbers as numbers, booleans as booleans. */
    private static JsonElement json(Node n) {
        if (n.isLiteral()) {
            Object value;
            try {
                value = n.getLiteralValue();
            } catch (RuntimeException ex) {
                value = null;
            }
            if (value instanceof Number number && !(value instanceof Float || value instanceof Double)) {
                return new JsonPrimitive(number);
            }
            if (value instanceof Boolean b) {
                return new JsonPrimitive(b);
            }
            return new JsonPrimitive(n.getLiteralLexicalForm());
        }
        if (n.isURI()) {
            return new JsonPrimitive(n.getURI());
        }
        return new JsonPrimitive("_:" + n.getBlankNodeLabel());
    }
}
