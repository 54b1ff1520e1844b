package org.w3id.stalinkg.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;
import org.w3id.stalinkg.store.StoreMemo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The home page, mapped to the root path only: what the graph is and where it comes from, its counts, the goals,
 * and the ways in. For the graph loaded here the page is made once (the data never changes while the server runs);
 * for an external store ({@code --sparql-endpoint}) its counts are queried when the page is first asked for and
 * again after the store's freshness, and a store that fails is 502.
 */
public final class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Query GOALS = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skg:  <https://w3id.org/stalin-kg/ontology#>
            SELECT ?goal ?label WHERE {
              <https://w3id.org/stalin-kg/id/person/joseph-stalin> skg:pursuedGoal ?goal .
              ?goal rdfs:label ?label . FILTER(LANGMATCHES(LANG(?label), "en"))
            } ORDER BY ?label""");

    private final transient StoreMemo<PageServlet> page;

    public HomeServlet(KnowledgeGraph kg) {
        this(new LocalStore(kg));
    }

    public HomeServlet(SparqlStore store) {
        this.page = new StoreMemo<>(() -> page(store), store.freshness());
        if (store.local().isPresent()) {
            page.get();
        }
    }

    private static PageServlet page(SparqlStore store) {
        Map<String, Long> instances = store.instanceCounts();
        long size = store.size();
        List<Map<String, Object>> counts = new ArrayList<>();
        counts.add(count("triples", size));
        counts.add(count("policies", instances.getOrDefault("Policy", 0L)));
        counts.add(count("goals", instances.getOrDefault("PoliticalGoal", 0L)));
        counts.add(count("outcomes", instances.getOrDefault("Outcome", 0L)));
        counts.add(count("regions", instances.getOrDefault("Region", 0L)));
        List<Map<String, Object>> goals = new ArrayList<>();
        store.query(GOALS, Map.of(), null, exec -> {
            exec.select().forEachRemaining(row -> {
                String iri = row.get("goal").getURI();
                goals.add(Map.of("href", "/doc/" + iri.substring(iri.indexOf("/id/") + 4),
                        "label", row.get("label").getLiteralLexicalForm()));
            });
            return null;
        });
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("triples", String.format("%,d", size));
        model.put("counts", counts);
        model.put("goals", goals);
        return new PageServlet("home.mustache", model);
    }

    private static Map<String, Object> count(String label, long n) {
        return Map.of("label", label, "n", String.format("%,d", n));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageServlet current;
        try {
            current = page.get();
        } catch (StoreException ex) {
            HttpLib.sendText(resp, StoreException.STATUS, ex.getMessage());
            return;
        } catch (QueryCancelledException ex) {
            resp.setHeader("Retry-After", "5");
            HttpLib.sendText(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The SPARQL store behind this service did not count the graph in time; try again later.");
            return;
        }
        current.doGet(req, resp);
    }
}
