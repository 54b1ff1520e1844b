package org.w3id.stalinkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.api.CannedQuery;
import org.w3id.stalinkg.api.CannedQueryException;
import org.w3id.stalinkg.graph.GraphLoadException;
import org.w3id.stalinkg.graph.KnowledgeGraph;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate}: load and validate the graph, print what it holds, serve nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {
            "Load ontology/ and data/ and validate them against ontology/shapes.ttl, and read queries/*.rq, as "
                + "serve does; then print the triples of each file, the instances of each class, the canned queries.",
            "Exit status: 0 if the graph parses and conforms, 1 otherwise (each problem is printed).",
            "With --tdb2 DIR, opens the database that load wrote there (checked when it was loaded) instead."})
final class ValidateCmd implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KnowledgeGraph kg;
        CannedQueries queries;
        try {
            queries = data.queries();
            kg = data.graph();
        } catch (GraphLoadException | CannedQueryException ex) {
            err.println("stalin-kg: invalid: " + ex.getMessage());
            err.flush();
            return 1;
        }
        out.println("Triples per file:");
        long parsed = 0;
        for (Map.Entry<Path, Long> e : kg.triplesPerFile().entrySet()) {
            out.printf("  %-40s %,8d%n", relative(data.root, e.getKey()), e.getValue());
            parsed += e.getValue();
        }
        out.printf("  %-40s %,8d%n", "total in files", parsed);
        out.printf("  %-40s %,8d%n", "asserted (distinct)", kg.assertedSize());
        out.printf("  %-40s %,8d%n", "inferred (years, entailments)", kg.inferredSize());
        out.printf("  %-40s %,8d%n", "served", kg.size());
        out.println("Instances per class (subclasses included):");
        kg.instanceCounts().forEach((cls, n) -> out.printf("  %-40s %,8d%n", cls, n));
        out.printf("Canned queries: %d (%s)%n", queries.all().size(),
                String.join(", ", queries.all().stream().map(CannedQuery::name).toList()));
        out.println("OK: every file parses, the graph conforms to the shapes, every canned query is well formed.");
        out.flush();
        return 0;
    }

    /** {@code file} relative to {@code root} where it lies under it (files named by a database may not). */
    private static Path relative(Path root, Path file) {
        Path r = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(r) ? r.relativize(f) : file;
    }
}
