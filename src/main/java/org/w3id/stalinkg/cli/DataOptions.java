package org.w3id.stalinkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.GraphLoadException;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.Tdb2Lib;

import picocli.CommandLine.Option;

/** Where the curated files are: the options every command shares. */
final class DataOptions {

    /** The default project folder: the working directory. */
    static final String DEFAULT_ROOT = ".";

    @Option(names = "--root", paramLabel = "DIR", defaultValue = DEFAULT_ROOT,
            description = "Folder holding ontology/ (with shapes.ttl) and data/ (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = ConfigFile.OPTION, paramLabel = "FILE",
            description = "A properties file of options, one 'name = value' a line, the names being the long option "
                    + "names without the dashes (port = 8080); an option given on the command line overrides it.")
    Path config;

    @Option(names = "--tdb2", paramLabel = "DIR",
            description = "A TDB2 database folder: load writes the graph there; the other commands read it from there "
                    + "instead of the files of ontology/ and data/ (the canned queries still come from --root).")
    Path tdb2;

    KnowledgeGraphLoader loader() {
        return KnowledgeGraphLoader.forProject(root);
    }

    /** The graph: from the TDB2 database of {@code --tdb2}, or loaded and checked from the files. */
    KnowledgeGraph graph() {
        return tdb2 != null ? Tdb2Lib.open(tdb2) : loader().load();
    }

    /** The graph, or null after telling {@code err} every problem that stops it loading. */
    KnowledgeGraph graphOrExplain(PrintWriter err) {
        try {
            return graph();
        } catch (GraphLoadException ex) {
            err.println("stalin-kg: invalid: " + ex.getMessage());
            err.flush();
            return null;
        }
    }

    /** The canned queries of {@code root/queries}; CannedQueryException naming each malformed file. */
    CannedQueries queries() {
        return CannedQueries.load(root.resolve("queries"));
    }
}
