package org.w3id.stalinkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.w3id.stalinkg.graph.GraphLoadException;
import org.w3id.stalinkg.graph.SyntheticDataLib;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: a project folder with N times the curated data, for measuring growth ({@link SyntheticDataLib}).
 *
 * <pre>
 * java -jar target/stalin-kg.jar generate --scale 100 --out target/scale-100
 * java -jar target/stalin-kg.jar validate --root target/scale-100
 * </pre>
 */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {
            "Write a project folder (ontology/, queries/, data/, README.txt) whose data/ holds the curated files and "
                + "N-1 SYNTHETIC copies of them, with renamed things, labels marked (synthetic K) and no Wikidata "
                + "links, for measuring growth: validate, serve and load work on it as on the project.",
            "The same input gives the same bytes.",
            "Exit status: 0, 1 if the curated data does not parse, 2 for a bad option or --out."})
final class GenerateCmd implements Callable<Integer> {

    @Option(names = "--scale", paramLabel = "N", required = true,
            description = "How many times the curated data: 1 is the curated data alone.")
    int scale;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write, which must not exist or be empty.")
    Path out;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = DataOptions.DEFAULT_ROOT,
            description = "Project folder to copy, holding ontology/, data/ and queries/ (default: ${DEFAULT-VALUE}).")
    Path root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        long written;
        try {
            written = SyntheticDataLib.generate(root, out, scale, (fmt, args) -> {
                stdout.println("stalin-kg: " + String.format(fmt, args));
                stdout.flush();
            });
        } catch (IllegalArgumentException ex) {
            err.println("stalin-kg: generate: " + ex.getMessage());
            err.flush();
            return 2;
        } catch (GraphLoadException ex) {
            err.println("stalin-kg: generate: the curated data does not parse: " + ex.getMessage());
            err.flush();
            return 1;
        }
        stdout.printf("stalin-kg: wrote %s: the curated data and %,d synthetic copies (%,d synthetic triples) in %.1f s%n",
                out, scale - 1, written, (System.nanoTime() - started) / 1e9);
        stdout.flush();
        return 0;
    }
}
