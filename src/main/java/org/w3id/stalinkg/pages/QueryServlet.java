package org.w3id.stalinkg.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
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
import com.google.gson.JsonObject;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The query editor: {@value #PAGE_PATH} is the page (YASGUI, from the jar), and {@value #PREFIXES_PATH} the prefixes
 * it knows, as JSON: {@code skg:} for the vocabulary, one per kind of thing in the data ({@code policy:} for
 * {@code …/id/policy/}, the kinds read from the data by {@code sparql/query-kinds.rq}) and the standard vocabularies
 * the data use. The editor adds a prefix's {@code PREFIX} line when it is typed; {@code /sparql} itself knows none.
 * {@value #TERMS_PATH} lists the ontology's classes and properties with their labels and definitions, which the
 * editor offers as completions (things by name come from {@code /search}).
 */
public final class QueryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The page. */
    public static final String PAGE_PATH = "/query";

    /** The prefixes the editor knows. */
    public static final String PREFIXES_PATH = "/query/prefixes.json";

    /** The classes and properties of the ontology, for completion. */
    public static final String TERMS_PATH = "/query/terms.json";

    /** The standard vocabularies of the data, by prefix, in the order the editor lists them. */
    static final Map<String, String> STANDARD = standard();

    private static Map<String, String> standard() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.put("skos", "http://www.w3.org/2004/02/skos/core#");
        m.put("dcterms", "http://purl.org/dc/terms/");
        m.put("prov", "http://www.w3.org/ns/prov#");
        m.put("time", "http://www.w3.org/2006/time#");
        m.put("geo", "http://www.opengis.net/ont/geosparql#");
        m.put("wd", "http://www.wikidata.org/entity/");
        m.put("bibo", "http://purl.org/ontology/bibo/");
        return m;
    }

    private final transient Answer page;
    private final transient StoreMemo<Answer> prefixes;
    private final transient Answer terms;

    /** The editor of {@code store}, completing the terms of {@code ontology}. */
    public QueryServlet(SparqlStore store, Graph ontology) {
        this.page = Answer.ok("text/html; charset=utf-8", Templates.render("query.mustache", Versions.BUILD, Site.TOP))
                .withContentEtag();
        this.prefixes = new StoreMemo<>(() -> prefixes(store), store.freshness());
        this.terms = Answer.ok("application/json; charset=utf-8", terms(ontology)).withContentEtag();
    }

    /**
     * The classes and properties {@code ontology} declares (named ones, deprecated ones left out), in IRI order:
     * {@code {"terms": [{"iri", "kind": "class"|"property", "labels": {lang: label}, "definition"}]}}, the definition
     * being the English {@code skos:definition}, else the English {@code rdfs:comment}.
     */
    static byte[] terms(Graph ontology) {
        Model m = ModelFactory.createModelForGraph(ontology == null ? GraphFactory.createDefaultGraph() : ontology);
        Map<String, String> kinds = new TreeMap<>();
        for (Resource type : List.of(OWL.Class, RDFS.Class)) {
            m.listSubjectsWithProperty(RDF.type, type).forEachRemaining(r -> {
                if (r.isURIResource()) {
                    kinds.put(r.getURI(), "class");
                }
            });
        }
        for (Resource type : List.of(OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)) {
            m.listSubjectsWithProperty(RDF.type, type).forEachRemaining(r -> {
                if (r.isURIResource()) {
                    kinds.putIfAbsent(r.getURI(), "property");
                }
            });
        }
        JsonArray list = new JsonArray();
        kinds.forEach((iri, kind) -> {
            Resource r = m.getResource(iri);
            if (r.hasLiteral(OWL2.deprecated, true)) {
                return;
            }
            JsonObject t = new JsonObject();
            t.addProperty("iri", iri);
            t.addProperty("kind", kind);
            JsonObject labels = new JsonObject();
            r.listProperties(RDFS.label).forEachRemaining(st -> {
                if (st.getObject().isLiteral()) {
                    String lang = st.getLiteral().getLanguage();
                    if (!labels.has(lang)) {
                        labels.addProperty(lang, st.getLiteral().getLexicalForm());
                    }
                }
            });
            t.add("labels", labels);
            String definition = english(r, SKOS.definition);
            t.addProperty("definition", definition != null ? definition : english(r, RDFS.comment));
            list.add(t);
        });
        JsonObject out = new JsonObject();
        out.add("terms", list);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(out).getBytes(StandardCharsets.UTF_8);
    }

    /** The English (else untagged) value of {@code p} on {@code r}, or null. */
    private static String english(Resource r, Property p) {
        String plain = null;
        for (Statement st : r.listProperties(p).toList()) {
            if (st.getObject().isLiteral()) {
                String lang = st.getLiteral().getLanguage();
                if (lang.toLowerCase(Locale.ROOT).startsWith("en")) {
                    return st.getLiteral().getLexicalForm();
                }
                if (lang.isEmpty() && plain == null) {
                    plain = st.getLiteral().getLexicalForm();
                }
            }
        }
        return plain;
    }

    /** {@code skg:}, then one prefix per kind of thing, then the standard ones (a kind never hides one of those). */
    static Map<String, String> prefixMap(String things, List<String> kinds) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("skg", SKG.NS);
        for (String kind : kinds) {
            if (!STANDARD.containsKey(kind) && !"skg".equals(kind)) {
                m.put(kind, things + kind + "/");
            }
        }
        m.putAll(STANDARD);
        return m;
    }

    private static Answer prefixes(SparqlStore store) {
        List<String> kinds = new ArrayList<>();
        store.query("query-kinds", Map.of("things", NodeFactory.createLiteralString(store.things())), null, exec -> {
            exec.select().forEachRemaining(row -> kinds.add(row.get("kind").getLiteralLexicalForm()));
            return null;
        });
        JsonObject out = new JsonObject();
        out.addProperty("things", store.things());
        out.addProperty("vocabulary", SKG.NS);
        JsonArray list = new JsonArray();
        prefixMap(store.things(), kinds).forEach((prefix, namespace) -> {
            JsonObject p = new JsonObject();
            p.addProperty("prefix", prefix);
            p.addProperty("namespace", namespace);
            p.addProperty("kind", kinds.contains(prefix) && namespace.startsWith(store.things()));
            list.add(p);
        });
        out.add("prefixes", list);
        byte[] body = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(out)
                .getBytes(StandardCharsets.UTF_8);
        return Answer.ok("application/json; charset=utf-8", body).withContentEtag()
                .withCacheControl(HttpLib.cacheControl(store.freshness()));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Answer answer;
        try {
            answer = switch (req.getServletPath()) {
                case PREFIXES_PATH -> prefixes.get();
                case TERMS_PATH -> terms;
                default -> page;
            };
        } catch (StoreException ex) {
            answer = Problem.storeFailed(ex).answer(req);
        } catch (QueryCancelledException ex) {
            answer = Problem.storeTimedOut("did not answer in time; try again later.").answer(req);
        }
        AnswerSender.send(req, resp, answer);
    }
}
