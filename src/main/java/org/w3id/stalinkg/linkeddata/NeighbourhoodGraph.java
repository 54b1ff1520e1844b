package org.w3id.stalinkg.linkeddata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The neighbourhood of a thing for its page's graph view (drawn by Cytoscape): the thing, the things of ours it
 * links to and that link to it, each with its kind and its page, and the links named by their property.
 */
final class NeighbourhoodGraph {

    private NeighbourhoodGraph() {}

    /** The most neighbours drawn in the graph view. */
    private static final int MAX_NEIGHBOURS = 60;

    /**
     * The neighbourhood for the page's graph view: the thing, the things of ours it links to and that link to it,
     * each with its kind (from its IRI) and its page, and the links labelled with the property's name.
     */
    static String json(Graph d, Graph ontology, Node thing, PublicBase base, String language) {
        JsonArray nodes = new JsonArray();
        JsonArray edges = new JsonArray();
        Set<Node> seen = new HashSet<>();
        nodes.add(node(d, thing, base, language, true));
        seen.add(thing);
        List<Triple> links = new ArrayList<>(ResourcePage.sorted(d.find(thing, Node.ANY, Node.ANY).toList()));
        links.addAll(ResourcePage.sorted(d.find(Node.ANY, Node.ANY, thing).toList()));
        for (Triple t : links) {
            Node other = t.getSubject().equals(thing) ? t.getObject() : t.getSubject();
            if (!other.isURI() || !base.isThing(other.getURI())
                    || t.getPredicate().equals(RDF.type.asNode())) {
                continue;
            }
            if (seen.add(other)) {
                if (seen.size() > MAX_NEIGHBOURS + 1) {
                    break;
                }
                nodes.add(node(d, other, base, language, false));
            }
            JsonObject e = new JsonObject();
            e.addProperty("source", t.getSubject().getURI());
            e.addProperty("target", t.getObject().getURI());
            e.addProperty("label", ResourcePage.propertyName(ontology, t.getPredicate(), language));
            edges.add(e);
        }
        JsonObject g = new JsonObject();
        g.add("nodes", nodes);
        g.add("edges", edges);
        return g.toString();
    }

    private static JsonObject node(Graph d, Node n, PublicBase base, String language, boolean center) {
        String iri = n.getURI();
        String rest = iri.substring(base.things().length());
        String kind = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "other";
        kind = switch (kind) {
            case "policy", "goal", "outcome", "region", "group", "institution", "event", "person", "source" -> kind;
            case "claim", "correction" -> "claim";
            default -> "other";
        };
        JsonObject o = new JsonObject();
        o.addProperty("id", iri);
        o.addProperty("label", ResourcePage.label(d, n, language));
        o.addProperty("kind", kind);
        o.addProperty("href", base.localPath(iri));
        o.addProperty("center", center);
        return o;
    }
}
