package org.w3id.stalinkg.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.stalinkg.http.Site;
import org.w3id.stalinkg.http.Templates;

/**
 * The model of {@code api-results.mustache}: a canned query's rows as an HTML table for people, our things linking
 * to their pages on this server ({@code /doc/...}), with links to the same answer as CSV and JSON.
 *
 * @param summary  the query's summary, the page's title
 * @param name     the query's name
 * @param columns  the variables, in order
 * @param rows     the rows
 * @param rowCount how many rows
 * @param csv      the same answer as CSV (a relative URL)
 * @param json     the same answer as plain JSON (a relative URL)
 */
record ResultsPage(String summary, String name, List<String> columns, List<Row> rows, int rowCount, String csv,
                   String json) {

    /** Where the site is seen from a page at {@code /api/NAME}: one folder down. */
    static final Site SITE = Site.at(1);

    /** One row of the table. */
    record Row(List<Cell> cells) {}

    /** One cell: its text, and the link it makes (null for none). */
    record Cell(String text, String href) {}

    /** The page of {@code query}'s answer {@code rows} (of {@code vars}) to a request with {@code bindings}. */
    static ResultsPage of(CannedQuery query, Map<String, Node> bindings, List<Var> vars, List<Binding> rows,
                          String things) {
        List<Row> table = rows.stream()
                .map(row -> new Row(vars.stream().map(v -> cell(row.get(v), things)).toList()))
                .toList();
        String params = bindings.entrySet().stream()
                .map(e -> "&" + e.getKey() + "=" + URLEncoder.encode(lexical(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining());
        String path = SITE.link("/api/" + query.name() + "?format=");
        return new ResultsPage(query.summary(), query.name(), vars.stream().map(Var::getVarName).toList(), table,
                table.size(), path + "csv" + params, path + "json" + params);
    }

    /** The page, rendered. */
    byte[] render() {
        return Templates.render("api-results.mustache", this, SITE);
    }

    /** A cell; a thing of ours links to its page here ({@code things}: the namespace of things). */
    private static Cell cell(Node n, String things) {
        if (n == null) {
            return new Cell("", null);
        }
        if (n.isURI()) {
            String iri = n.getURI();
            return new Cell(iri, iri.startsWith(things) ? SITE.link("/doc/" + iri.substring(things.length()))
                    : iri);
        }
        if (n.isLiteral()) {
            return new Cell(n.getLiteralLexicalForm(), null);
        }
        return new Cell("_:" + n.getBlankNodeLabel(), null);
    }

    private static String lexical(Node n) {
        return n.isURI() ? n.getURI() : n.getLiteralLexicalForm();
    }
}
