package org.w3id.stalinkg.server;

import java.util.Objects;

import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.KnowledgeGraph;

/** What the server serves at one moment: the graph and the canned queries, loaded and checked together. */
public record ServedData(KnowledgeGraph graph, CannedQueries queries) {

    public ServedData {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(queries, "queries");
    }
}
