package org.w3id.stalinkg.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.Problem;
import org.w3id.stalinkg.http.Site;
import org.w3id.stalinkg.http.Templates;
import org.w3id.stalinkg.http.Versions;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;
import org.w3id.stalinkg.store.StoreMemo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The home page: what the graph holds (live counts), the goals, the search box. Counted once for data that cannot
 * change while the server runs; for an external store, when first asked and again after its freshness.
 */
public final class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The model of {@code home.mustache}. */
    record HomePage(String triples, List<Count> counts, List<Link> goals) {}

    /** A count shown on the home page: "1,234 policies". */
    record Count(String label, String n) {}

    /** A link to a thing's page. */
    record Link(String href, String label) {}

    private final transient StoreMemo<Answer> page;

    public HomeServlet(SparqlStore store) {
        this.page = new StoreMemo<>(() -> page(store), store.freshness());
        if (store.freshness() == null) {
            page.get();
        }
    }

    private static Answer page(SparqlStore store) {
        Map<String, Long> instances = store.instanceCounts();
        long size = store.size();
        List<Count> counts = List.of(count("triples", size),
                count("policies", instances.getOrDefault("Policy", 0L)),
                count("goals", instances.getOrDefault("PoliticalGoal", 0L)),
                count("outcomes", instances.getOrDefault("Outcome", 0L)),
                count("regions", instances.getOrDefault("Region", 0L)));
        List<Link> goals = new ArrayList<>();
        store.query("home-goals",
                Map.of("stalin", NodeFactory.createURI(store.things() + "person/joseph-stalin")), null, exec -> {
            exec.select().forEachRemaining(row -> {
                String iri = row.get("goal").getURI();
                goals.add(new Link(Site.TOP.link("/doc/" + iri.substring(store.things().length())),
                        row.get("label").getLiteralLexicalForm()));
            });
            return null;
        });
        return Answer.ok("text/html; charset=utf-8", Templates.render("home.mustache", Versions.BUILD,
                new HomePage(String.format("%,d", size), counts, goals), Site.TOP)).withContentEtag();
    }

    private static Count count(String label, long n) {
        return new Count(label, String.format("%,d", n));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            AnswerSender.send(req, resp, page.get());
        } catch (StoreException ex) {
            AnswerSender.send(req, resp, Problem.storeFailed(ex).answer(req));
        } catch (QueryCancelledException ex) {
            AnswerSender.send(req, resp,
                    Problem.storeTimedOut("did not count the graph in time; try again later.").answer(req));
        }
    }
}
