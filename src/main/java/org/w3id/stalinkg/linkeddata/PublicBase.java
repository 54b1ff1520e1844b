package org.w3id.stalinkg.linkeddata;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where this deployment's IRIs live. The graph names things with their canonical IRIs under {@value #CANONICAL}; a
 * deployment answers for them under its public base, so that a client that follows any IRI in a linked-data
 * response reaches a real document on that deployment (Pubby's dataset base mapped to a web base).
 * <p>
 * With a configured base ({@code --base-url https://example.org/kg/}) every response uses it. Without one, the base
 * is taken from each request ({@code http://localhost:3030/} for a request to localhost:3030). Configured as the
 * canonical base itself (the production deployment behind w3id.org), nothing is rewritten.
 */
public final class PublicBase {

    /** The base of every canonical IRI of the graph: things under {@code id/}, terms under {@code ontology#}. */
    public static final String CANONICAL = "https://w3id.org/stalin-kg/";

    private final String configured;

    /** @param configured the public base URL ending in "/", or null to take it from each request */
    public PublicBase(String configured) {
        if (configured != null && !configured.endsWith("/")) {
            throw new IllegalArgumentException("Illegal base URL=" + configured + " : must end with /");
        }
        this.configured = configured;
    }

    /** The public base for this request, ending in "/". */
    public String of(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        String host = request.getHeader("Host");
        if (host == null || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return request.getScheme() + "://" + host + "/";
    }

    /** {@code iri} with the canonical base replaced by {@code base}. */
    public static String toPublic(String iri, String base) {
        return iri.startsWith(CANONICAL) && !base.equals(CANONICAL) ? base + iri.substring(CANONICAL.length()) : iri;
    }

    /** {@code iri} with the public {@code base} replaced by the canonical one. */
    public static String toCanonical(String iri, String base) {
        return iri.startsWith(base) && !base.equals(CANONICAL) ? CANONICAL + iri.substring(base.length()) : iri;
    }

    /** A copy of {@code graph} with every canonical IRI moved to {@code base}, prefixes included. */
    public static Graph toPublic(Graph graph, String base) {
        Graph out = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().getNsPrefixMap().forEach((prefix, ns) ->
                out.getPrefixMapping().setNsPrefix(prefix, toPublic(ns, base)));
        graph.find().forEachRemaining(t -> out.add(Triple.create(
                toPublic(t.getSubject(), base), toPublic(t.getPredicate(), base), toPublic(t.getObject(), base))));
        return out;
    }

    private static Node toPublic(Node n, String base) {
        return n.isURI() && n.getURI().startsWith(CANONICAL) ? NodeFactory.createURI(toPublic(n.getURI(), base)) : n;
    }
}
