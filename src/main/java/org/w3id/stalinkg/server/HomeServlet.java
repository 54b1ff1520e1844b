package org.w3id.stalinkg.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.graph.KnowledgeGraph;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The home page, mapped to the root path only: what the graph is and where it comes from, its counts (computed
 * once: the data never changes while the server runs), the goals, and the ways in.
 */
public final class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String GOALS = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skg:  <https://w3id.org/stalin-kg/ontology#>
            SELECT ?goal ?label WHERE {
              <https://w3id.org/stalin-kg/id/person/joseph-stalin> skg:pursuedGoal ?goal .
              ?goal rdfs:label ?label . FILTER(LANGMATCHES(LANG(?label), "en"))
            } ORDER BY ?label""";

    private final transient PageServlet page;

    public HomeServlet(KnowledgeGraph kg) {
        Map<String, Long> instances = kg.instanceCounts();
        List<Map<String, Object>> counts = new ArrayList<>();
        counts.add(count("triples", kg.size()));
        counts.add(count("policies", instances.getOrDefault("Policy", 0L)));
        counts.add(count("goals", instances.getOrDefault("PoliticalGoal", 0L)));
        counts.add(count("outcomes", instances.getOrDefault("Outcome", 0L)));
        counts.add(count("regions", instances.getOrDefault("Region", 0L)));
        List<Map<String, Object>> goals = new ArrayList<>();
        Txn.executeRead(kg.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(GOALS, DatasetFactory.wrap(kg.dataset()))) {
                qe.execSelect().forEachRemaining(row -> {
                    String iri = row.getResource("goal").getURI();
                    goals.add(Map.of("href", "/doc/" + iri.substring(iri.indexOf("/id/") + 4),
                            "label", row.getLiteral("label").getString()));
                });
            }
        });
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("triples", String.format("%,d", kg.size()));
        model.put("counts", counts);
        model.put("goals", goals);
        this.page = new PageServlet("home.mustache", model);
    }

    private static Map<String, Object> count(String label, long n) {
        return Map.of("label", label, "n", String.format("%,d", n));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        page.doGet(req, resp);
    }
}
