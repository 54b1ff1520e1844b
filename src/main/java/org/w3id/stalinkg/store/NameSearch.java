package org.w3id.stalinkg.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.graph.QueryResources;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.LabelIndex;

/**
 * The search of things by name: through the full-text index of the graph loaded here (word beginnings, in any of
 * our languages), or by scanning the names at an external store. Both answer rows of thing, name, language and most
 * specific type; the text is always bound as a value, never pasted into the query.
 */
final class NameSearch {

    private static final String[] COLUMNS = {"thing", "name", "language", "type"};

    private NameSearch() {}

    static List<Map<String, String>> indexed(KnowledgeGraph kg, String things, String text, String lang,
                                             int limit, Duration timeout) {
        String lucene = LabelIndex.prefixQuery(text);
        if (lucene == null) {
            return List.of();
        }
        DatasetGraph dataset = kg.dataset();
        return Txn.calculateRead(dataset, () -> {
            QueryExec exec = QueryExec.dataset(dataset).query(QueryResources.get("name-search-indexed"))
                    .substitution("query", NodeFactory.createLiteralString(lucene))
                    .substitution("things", NodeFactory.createLiteralString(things))
                    .substitution("lang", NodeFactory.createLiteralString(lang == null ? "*" : lang))
                    .set(TextQuery.textIndex, kg.labelIndex())
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
            try (exec) {
                return rows(exec.select(), limit);
            }
        });
    }

    static List<Map<String, String>> scan(SparqlStore store, String text, String lang, int limit, Duration timeout) {
        Map<String, Node> bindings = Map.of(
                "text", NodeFactory.createLiteralString(text.strip().toLowerCase(Locale.ROOT)),
                "things", NodeFactory.createLiteralString(store.things()),
                "lang", NodeFactory.createLiteralString(lang == null ? "*" : lang));
        return store.query(QueryResources.get("name-search-scan"), bindings, timeout,
                exec -> rows(exec.select(), limit));
    }

    private static List<Map<String, String>> rows(RowSet result, int limit) {
        List<Map<String, String>> rows = new ArrayList<>();
        while (result.hasNext() && rows.size() < limit) {
            var row = result.next();
            Map<String, String> o = new LinkedHashMap<>();
            for (String v : COLUMNS) {
                Node n = row.get(v);
                if (n != null) {
                    o.put(v, n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
                }
            }
            rows.add(o);
        }
        return rows;
    }
}
