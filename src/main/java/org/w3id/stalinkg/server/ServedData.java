package org.w3id.stalinkg.server;

import java.util.Map;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.OntologyReleasesLib;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.store.SparqlStore;

/**
 * What the server serves at one moment, loaded and checked together: where the data is queried (the graph loaded
 * here, or an external SPARQL store), the ontology (always read from this server's files: it drives
 * {@code /ontology}, {@code /context.jsonld} and the names on the pages) with its released versions, and the canned
 * queries.
 *
 * @param ontologyVersions the ontology's releases by version, the current one ({@code ontology}) included
 */
public record ServedData(SparqlStore store, Graph ontology, Map<String, Graph> ontologyVersions,
                         CannedQueries queries) {

    public ServedData {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ontology, "ontology");
        Objects.requireNonNull(queries, "queries");
        ontologyVersions = Map.copyOf(ontologyVersions);
    }

    /** The data of {@code store}, with only the current version of the ontology. */
    public ServedData(SparqlStore store, Graph ontology, CannedQueries queries) {
        this(store, ontology, Map.of(OntologyReleasesLib.versionOf(ontology), ontology), queries);
    }

    /** The graph loaded here, its ontology and the canned queries. */
    public ServedData(KnowledgeGraph graph, CannedQueries queries) {
        this(new LocalStore(Objects.requireNonNull(graph, "graph")), graph.ontology(), queries);
    }

    /** The version of the ontology being served ({@code owl:versionInfo}). */
    public String ontologyVersion() {
        return OntologyReleasesLib.versionOf(ontology);
    }

    /**
     * The graph loaded here, for what only the server does with it (the SPARQL endpoint's dataset, the full-text
     * index of {@code text:query}); null when the data is in an external store. Servlets ask the store.
     */
    public KnowledgeGraph graph() {
        return store instanceof LocalStore local ? local.graph() : null;
    }

    /**
     * Closes the files the graph loaded here holds open (a TDB2 database and its label index); nothing for data in
     * memory or in an external store. {@link DataHolder} calls it once no request uses the data.
     */
    public void close() {
        KnowledgeGraph graph = graph();
        if (graph != null) {
            graph.close();
        }
    }

    /** True if the data is in an external store ({@code --sparql-endpoint}), not loaded here. */
    public boolean isRemote() {
        return graph() == null;
    }
}
