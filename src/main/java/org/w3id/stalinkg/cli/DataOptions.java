package org.w3id.stalinkg.cli;

import java.nio.file.Path;

import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;

import picocli.CommandLine.Option;

/** Where the curated files are: the options every command shares. */
final class DataOptions {

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "Folder holding ontology/ (with shapes.ttl) and data/ (default: ${DEFAULT-VALUE}).")
    Path root;

    KnowledgeGraphLoader loader() {
        return KnowledgeGraphLoader.forProject(root);
    }

    /** The canned queries of {@code root/queries}; CannedQueryException naming each malformed file. */
    CannedQueries queries() {
        return CannedQueries.load(root.resolve("queries"));
    }
}
