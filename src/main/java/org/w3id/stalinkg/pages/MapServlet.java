package org.w3id.stalinkg.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.http.Problem;
import org.w3id.stalinkg.http.Site;
import org.w3id.stalinkg.http.Templates;
import org.w3id.stalinkg.http.Versions;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;
import org.w3id.stalinkg.store.StoreMemo;
import org.w3id.stalinkg.vocab.SKG;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The map: {@value #PAGE_PATH} is the page (a choice of the outcomes and policies that struck a located region,
 * rendered once), and {@value #DATA_PATH}{@code ?thing=IRI} the JSON it draws: the regions the thing struck, at their
 * points, and its deportations, from origin to destination, each with the local path of its page. A region as
 * {@code thing} gives the region itself (the small map of a place's page). The SPARQL is
 * {@code sparql/map-choices.rq}, {@code map-regions.rq} and {@code map-deportations.rq}.
 */
public final class MapServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The page. */
    public static final String PAGE_PATH = "/map";

    /** The data of one outcome, policy or region. */
    public static final String DATA_PATH = "/map/data";

    /** The media type of the data. */
    static final String JSON = "application/json; charset=utf-8";

    private static final Pattern POINT = Pattern.compile(
            "^\\s*POINT\\s*\\(\\s*(-?\\d+(?:\\.\\d+)?)\\s+(-?\\d+(?:\\.\\d+)?)\\s*\\)\\s*$");
    private static final Pattern SHORT_NAME = Pattern.compile("[a-z][a-z0-9-]*/[a-z0-9][a-z0-9-]*");

    /** The model of {@code map.mustache}. */
    record MapPage(List<Group> groups) {}

    /** The choices of one kind (outcomes, policies), for an optgroup. */
    record Group(String label, List<Choice> choices) {}

    /** One outcome or policy the map can draw. */
    record Choice(String iri, String label) {}

    private final transient SparqlStore store;
    private final transient StoreMemo<Answer> page;

    public MapServlet(SparqlStore store) {
        this.store = store;
        this.page = new StoreMemo<>(() -> page(store), store.freshness());
    }

    private static Answer page(SparqlStore store) {
        List<Choice> outcomes = new ArrayList<>();
        List<Choice> policies = new ArrayList<>();
        store.query("map-choices", Map.of(), null, exec -> {
            exec.select().forEachRemaining(row -> {
                Choice c = new Choice(row.get("thing").getURI(), row.get("label").getLiteralLexicalForm());
                ("outcome".equals(row.get("kind").getLiteralLexicalForm()) ? outcomes : policies).add(c);
            });
            return null;
        });
        MapPage model = new MapPage(List.of(new Group("Outcomes", outcomes), new Group("Policies", policies)));
        return Answer.ok("text/html; charset=utf-8", Templates.render("map.mustache", Versions.BUILD, model, Site.TOP))
                .withContentEtag().withCacheControl(HttpLib.cacheControl(store.freshness()));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Answer answer;
        try {
            answer = DATA_PATH.equals(req.getServletPath()) ? data(req) : page.get();
        } catch (StoreException ex) {
            answer = Problem.storeFailed(ex).answer(req);
        } catch (QueryCancelledException ex) {
            answer = Problem.storeTimedOut("did not answer in time; try again later.").answer(req);
        }
        AnswerSender.send(req, resp, answer);
    }

    private Answer data(HttpServletRequest req) {
        String[] values = req.getParameterValues("thing");
        if (values == null || values.length != 1 || values[0].isBlank()) {
            return Problem.of(400, "Bad Request", "Give exactly one thing: ?thing=IRI of an outcome, a policy or a"
                    + " region (or its short name, such as outcome/holodomor).").parameter("thing").answer(req);
        }
        String iri = resolve(values[0].trim(), store.things());
        if (iri == null) {
            return Problem.of(400, "Bad Request", "Not the IRI of a thing of this graph: " + values[0]
                    + ". Expected " + store.things() + "KIND/SLUG or KIND/SLUG.").parameter("thing").answer(req);
        }
        if (!store.exists(iri)) {
            return Problem.of(404, "Not Found", "Nothing is known about " + iri + ".").parameter("thing")
                    .type("not-found").answer(req);
        }
        Map<String, Node> bindings = Map.of("thing", NodeFactory.createURI(iri));
        JsonObject out = new JsonObject();
        out.addProperty("thing", iri);
        out.addProperty("href", href(iri));
        JsonArray regions = new JsonArray();
        store.query("map-regions", bindings, null, exec -> {
            exec.select().forEachRemaining(row -> regions.add(place(row, "region", "label", "wkt")));
            return null;
        });
        out.add("regions", regions);
        JsonArray deportations = new JsonArray();
        store.query("map-deportations", bindings, null, exec -> {
            exec.select().forEachRemaining(row -> {
                JsonObject d = new JsonObject();
                String policy = row.get("policy").getURI();
                d.addProperty("policy", policy);
                d.addProperty("label", text(row, "policyLabel", policy));
                d.addProperty("href", href(policy));
                d.add("from", place(row, "from", "fromLabel", "fromWkt"));
                d.add("to", place(row, "to", "toLabel", "toWkt"));
                deportations.add(d);
            });
            return null;
        });
        out.add("deportations", deportations);
        byte[] body = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(out)
                .getBytes(StandardCharsets.UTF_8);
        return Answer.ok(JSON, body).withContentEtag().withCacheControl(HttpLib.cacheControl(store.freshness()));
    }

    /** A region of a row: IRI, English name, local path, WKT and, for a POINT, [longitude, latitude]. */
    private JsonObject place(Binding row, String var, String labelVar, String wktVar) {
        String iri = row.get(var).getURI();
        JsonObject p = new JsonObject();
        p.addProperty("region", iri);
        p.addProperty("label", text(row, labelVar, iri));
        p.addProperty("href", href(iri));
        Node wkt = row.get(wktVar);
        p.addProperty("wkt", wkt == null ? null : wkt.getLiteralLexicalForm());
        p.add("point", wkt == null ? JsonNull.INSTANCE : point(wkt.getLiteralLexicalForm()));
        return p;
    }

    /** [longitude, latitude] of a WKT POINT; null for another geometry. */
    static JsonElement point(String wkt) {
        Matcher m = POINT.matcher(wkt);
        if (!m.matches()) {
            return JsonNull.INSTANCE;
        }
        JsonArray a = new JsonArray();
        a.add(Double.parseDouble(m.group(1)));
        a.add(Double.parseDouble(m.group(2)));
        return a;
    }

    private static String text(Binding row, String var, String iri) {
        Node n = row.get(var);
        return n == null ? iri.substring(iri.lastIndexOf('/') + 1) : n.getLiteralLexicalForm();
    }

    /** The local path of a thing's page: {@code /doc/KIND/SLUG} (the pages' links work on any host). */
    private String href(String iri) {
        return iri.startsWith(store.things()) ? "/doc/" + iri.substring(store.things().length()) : iri;
    }

    /**
     * The IRI {@code value} names under {@code things}: the IRI itself, the canonical IRI of a deployment under
     * another base, or a short name {@code KIND/SLUG}; null for anything else.
     */
    static String resolve(String value, String things) {
        if (value.startsWith(things)) {
            return SHORT_NAME.matcher(value.substring(things.length())).matches() ? value : null;
        }
        if (value.startsWith(SKG.ID_BASE)) {
            return resolve(things + value.substring(SKG.ID_BASE.length()), things);
        }
        return SHORT_NAME.matcher(value).matches() ? things + value : null;
    }
}
