package org.w3id.stalinkg.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.LabelIndex;
import org.w3id.stalinkg.http.HttpLib;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /search?text=...[&lang=ru]}: the things whose names hold words beginning with each word of the text,
 * from the full-text index ({@link LabelIndex}), as the same JSON array as {@code /api/search?format=json}
 * (thing, name, language, most specific type), shortest names first, at most 100. The search box asks here as
 * the reader types; unlike the canned {@code search} query, which scans every name for the text anywhere in it,
 * this matches beginnings of words ("голод" finds "Голодомор", "лодомор" does not), and does not read every name.
 * <p>
 * Refusals are 400 with a small JSON body; answers carry an ETag (304 on a match) and may be kept an hour. Serving
 * from an external SPARQL store ({@code --sparql-endpoint}) there is no local index: the search is redirected
 * (307) to the canned {@code search} query, which answers the same JSON by scanning the names at the store.
 */
public final class SearchServlet extends HttpServlet {

    private static final Pattern LANG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private static final int MAX_TEXT = 100;

    private static final String QUERY = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX text: <http://jena.apache.org/text#>
            SELECT ?thing ?name ?language ?type
            WHERE {
              (?thing ?score ?name) text:query (%s 1000) .
              FILTER(STRSTARTS(STR(?thing), "https://w3id.org/stalin-kg/id/"))
              BIND(LANG(?name) AS ?language)
              FILTER(LANGMATCHES(?language, %s))
              OPTIONAL {
                ?thing a ?type .
                FILTER NOT EXISTS { ?thing a ?narrower . ?narrower rdfs:subClassOf ?type . FILTER(?narrower != ?type) }
              }
            }
            ORDER BY STRLEN(STR(?name)) ?name ?thing ?type
            LIMIT 100
            """;

    private final KnowledgeGraph graph;
    private final Duration timeout;

    /** Searches {@code graph} (null: no local graph), each search cut off after {@code timeout}. */
    public SearchServlet(KnowledgeGraph graph, Duration timeout) {
        this.graph = graph;
        this.timeout = timeout;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String text = req.getParameter("text");
        String lang = req.getParameter("lang");
        if (graph == null) {
            String query = req.getQueryString();
            resp.setStatus(307);
            resp.setHeader("Location", "/api/search?format=json" + (query == null ? "" : "&" + query));
            return;
        }
        if (text == null || text.strip().length() < 2) {
            refuse(resp, 400, "'text' is required: at least 2 characters to look for");
            return;
        }
        if (text.length() > MAX_TEXT) {
            refuse(resp, 400, "'text' is too long: at most " + MAX_TEXT + " characters");
            return;
        }
        if (lang != null && !lang.isEmpty() && !LANG.matcher(lang).matches()) {
            refuse(resp, 400, "'lang' is not a language tag (en, ru, uk, kk, ...)");
            return;
        }
        String lucene = LabelIndex.prefixQuery(text);
        if (lucene == null) {
            refuse(resp, 400, "'text' holds no word to look for");
            return;
        }
        String etag = HttpLib.etag(graph.contentHash(), "search", lucene, lang == null ? "" : lang);
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", HttpLib.CACHE_CONTROL);
        if (HttpLib.notModified(req, etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Query query = QueryFactory.create(QUERY.formatted(literal(lucene),
                lang == null || lang.isEmpty() ? "\"*\"" : literal(lang)));
        DatasetGraph dataset = graph.dataset();
        JsonArray rows = new JsonArray();
        try {
            Txn.executeRead(dataset, () -> {
                try (QueryExec exec = QueryExec.dataset(dataset).query(query)
                        .set(TextQuery.textIndex, graph.labelIndex())
                        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
                    RowSet result = exec.select();
                    result.forEachRemaining(row -> {
                        JsonObject o = new JsonObject();
                        for (String v : new String[] {"thing", "name", "language", "type"}) {
                            Node n = row.get(v);
                            if (n != null) {
                                o.addProperty(v, n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
                            }
                        }
                        rows.add(o);
                    });
                }
            });
        } catch (QueryCancelledException ex) {
            refuse(resp, 503, "the search timed out");
            return;
        }
        resp.setContentType("application/json; charset=utf-8");
        resp.getOutputStream().write(rows.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String literal(String s) {
        return FmtUtils.stringForString(s);
    }

    private static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("status", status);
        body.addProperty("message", message);
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
