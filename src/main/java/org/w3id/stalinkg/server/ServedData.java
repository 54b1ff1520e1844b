package org.w3id.stalinkg.server;

import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.store.SparqlStore;

/**
 * What the server serves at one moment, loaded and checked together: where the data is queried (the graph loaded
 * here, or an external SPARQL store), the ontology (always read from this server's files: it drives
 * {@code /ontology}, {@code /context.jsonld} and the names on the pages), and the canned queries.
 */
public record ServedData(SparqlStore store, Graph ontology, CannedQueries queries) {

    public ServedData {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ontology, "ontology");
        Objects.requireNonNull(queries, "queries");
    }

    /** The graph loaded here, its ontology and the canned queries. */
    public ServedData(KnowledgeGraph graph, CannedQueries queries) {
        this(new LocalStore(Objects.requireNonNull(graph, "graph")), graph.ontology(), queries);
    }

    /** The graph loaded here; null when the data is in an external store ({@code --sparql-endpoint}). */
    public KnowledgeGraph graph() {
        return store.local().orElse(null);
    }
}
