package org.w3id.stalinkg.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

import com.google.gson.stream.JsonWriter;

/**
 * SPARQL 1.1 Query Results JSON, written compactly with Gson's streaming writer. Jena's own writer indents the
 * output one character at a time and was most of the server's time for a small query (profiled with JFR); this
 * one writes the same document (same keys, same values, blank nodes labelled b0, b1, ... per result set, RDF-star
 * triple terms as {@code "type": "triple"}) without the whitespace. {@link #register()} makes it Jena's writer for
 * {@code application/sparql-results+json}, for {@code /sparql} and the canned queries alike.
 */
public final class SparqlJsonWriter implements RowSetWriter {

    private static final RowSetWriter INSTANCE = new SparqlJsonWriter();

    private SparqlJsonWriter() {}

    /** Makes this Jena's SPARQL JSON results writer for the whole JVM (again and again: no harm). */
    public static void register() {
        RowSetWriterRegistry.register(ResultSetLang.RS_JSON, lang -> INSTANCE);
    }

    @Override
    public void write(OutputStream out, RowSet rowSet, Context context) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        write(w, rowSet, context);
    }

    @Override
    public void write(Writer out, RowSet rowSet, Context context) {
        try {
            JsonWriter json = json(out);
            List<Var> vars = rowSet.getResultVars();
            json.beginObject().name("head").beginObject().name("vars").beginArray();
            for (Var v : vars) {
                json.value(v.getVarName());
            }
            json.endArray().endObject();
            json.name("results").beginObject().name("bindings").beginArray();
            Map<Node, String> blankLabels = new HashMap<>();
            while (rowSet.hasNext()) {
                Binding row = rowSet.next();
                json.beginObject();
                for (Var v : vars) {
                    Node n = row.get(v);
                    if (n != null) {
                        json.name(v.getVarName());
                        term(json, n, blankLabels);
                    }
                }
                json.endObject();
            }
            json.endArray().endObject().endObject();
            json.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void write(OutputStream out, boolean result, Context context) {
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            JsonWriter json = json(w);
            json.beginObject().name("head").beginObject().endObject().name("boolean").value(result).endObject();
            json.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static JsonWriter json(Writer out) {
        JsonWriter json = new JsonWriter(out);
        json.setHtmlSafe(false);
        return json;
    }

    private static void term(JsonWriter json, Node n, Map<Node, String> blankLabels) throws IOException {
        json.beginObject();
        if (n.isURI()) {
            json.name("type").value("uri").name("value").value(n.getURI());
        } else if (n.isLiteral()) {
            json.name("type").value("literal").name("value").value(n.getLiteralLexicalForm());
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                json.name("xml:lang").value(lang);
            } else if (n.getLiteralDatatypeURI() != null
                    && !n.getLiteralDatatypeURI().equals("http://www.w3.org/2001/XMLSchema#string")) {
                json.name("datatype").value(n.getLiteralDatatypeURI());
            }
        } else if (n.isBlank()) {
            String label = blankLabels.computeIfAbsent(n, k -> "b" + blankLabels.size());
            json.name("type").value("bnode").name("value").value(label);
        } else if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            json.name("type").value("triple").name("value").beginObject();
            json.name("subject");
            term(json, t.getSubject(), blankLabels);
            json.name("predicate");
            term(json, t.getPredicate(), blankLabels);
            json.name("object");
            term(json, t.getObject(), blankLabels);
            json.endObject();
        } else {
            throw new IllegalArgumentException("Not an RDF term: " + n);
        }
        json.endObject();
    }
}
