package org.w3id.stalinkg.api;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Answers of a query compared with the order of each GROUP_CONCAT's values left out. SPARQL 1.1 (section 18.5.1.7)
 * does not define the order in which GROUP_CONCAT joins a group's values, and an engine's order is the order its
 * storage gives a pattern's matches, so two correct engines (ours over GraphMem2Roaring, stock Fuseki over TxnMem)
 * may join the same values in different orders. Every other part of an answer, the order of its rows included, is
 * compared as it is: only the cells of a projected GROUP_CONCAT are rewritten, their values (split on the
 * aggregate's separator) sorted and joined again. A query with no GROUP_CONCAT is left as it is.
 */
public final class ConcatOrder {

    /** A TSV cell that is a literal: its quoted lexical form, then a language tag or datatype, if any. */
    private static final Pattern TSV_LITERAL = Pattern.compile("^\"(.*)\"((?:@|\\^\\^).*)?$", Pattern.DOTALL);

    /** The separator of each projected variable that is a GROUP_CONCAT, by variable name. */
    private final Map<String, String> separators;

    private ConcatOrder(Map<String, String> separators) {
        this.separators = separators;
    }

    /** The GROUP_CONCAT columns of {@code query}'s projection (top-level aggregates only). */
    public static ConcatOrder of(Query query) {
        Map<String, String> separators = new LinkedHashMap<>();
        if (query.isSelectType()) {
            query.getProject().forEachExpr((var, expr) -> {
                String sep = separator(expr);
                if (sep != null) {
                    separators.put(var.getVarName(), sep);
                }
            });
        }
        return new ConcatOrder(separators);
    }

    private static String separator(Expr expr) {
        if (!(expr instanceof ExprAggregator ea)) {
            return null;
        }
        Aggregator agg = ea.getAggregator();
        String sep;
        if (agg instanceof AggGroupConcat g) {
            sep = g.getSeparator();
        } else if (agg instanceof AggGroupConcatDistinct d) {
            sep = d.getSeparator();
        } else {
            return null;
        }
        return sep == null ? " " : sep;   // SPARQL's default separator
    }

    /** Whether the query projects no GROUP_CONCAT: its answers can be compared as they are. */
    public boolean isEmpty() {
        return separators.isEmpty();
    }

    /** The values of {@code joined} (a GROUP_CONCAT's lexical form) sorted and joined again with {@code sep}. */
    static String sorted(String joined, String sep) {
        String[] values = joined.split(Pattern.quote(sep), -1);
        Arrays.sort(values);
        return String.join(sep, values);
    }

    /** A SPARQL TSV answer with the values of each GROUP_CONCAT cell sorted; rows and other cells as they are. */
    public String tsv(String tsv) {
        if (isEmpty()) {
            return tsv;
        }
        String[] lines = tsv.split("\n", -1);
        String[] header = lines[0].split("\t", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split("\t", -1);
            for (int c = 0; c < cells.length && c < header.length; c++) {
                String sep = separators.get(header[c].replaceFirst("^\\?", ""));
                Matcher m = sep == null ? null : TSV_LITERAL.matcher(cells[c]);
                if (m != null && m.matches()) {
                    cells[c] = "\"" + sorted(m.group(1), sep) + "\"" + (m.group(2) == null ? "" : m.group(2));
                }
            }
            out.append('\n').append(String.join("\t", cells));
        }
        return out.toString();
    }

    /**
     * The rows of an answer in {@code format} ({@code json}, our plain JSON list, or one of {@code sparql-json},
     * {@code sparql-xml}, {@code csv}, {@code tsv}), in order, each written as text with the values of each
     * GROUP_CONCAT cell sorted: equal lists for two answers that differ at most in those orders.
     */
    public List<String> rows(String body, String format) {
        List<String> rows = new ArrayList<>();
        if (format.equals("json")) {
            JsonArray array = JsonParser.parseString(body).getAsJsonArray();
            for (JsonElement e : array) {
                JsonObject row = e.getAsJsonObject().deepCopy();
                separators.forEach((var, sep) -> {
                    JsonElement v = row.get(var);
                    if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
                        row.add(var, new JsonPrimitive(sorted(v.getAsString(), sep)));
                    }
                });
                rows.add(row.toString());
            }
            return rows;
        }
        Lang lang = switch (format) {
            case "sparql-json" -> ResultSetLang.RS_JSON;
            case "sparql-xml" -> ResultSetLang.RS_XML;
            case "csv" -> ResultSetLang.RS_CSV;
            case "tsv" -> ResultSetLang.RS_TSV;
            default -> throw new IllegalArgumentException("format " + format);
        };
        RowSet rowSet = RowSet.adapt(ResultSetMgr.read(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang));
        List<Var> vars = rowSet.getResultVars();
        rowSet.forEachRemaining(b -> rows.add(row(vars, b)));
        return rows;
    }

    private String row(List<Var> vars, Binding b) {
        StringBuilder s = new StringBuilder();
        for (Var v : vars) {
            Node n = b.get(v);
            String sep = separators.get(v.getVarName());
            if (n != null && sep != null && n.isLiteral()) {
                String lex = sorted(n.getLiteralLexicalForm(), sep);
                String lang = n.getLiteralLanguage();
                n = lang.isEmpty() ? NodeFactory.createLiteralDT(lex, n.getLiteralDatatype())
                        : NodeFactory.createLiteralLang(lex, lang);
            }
            s.append(v).append('=').append(n).append('\t');
        }
        return s.toString();
    }
}
