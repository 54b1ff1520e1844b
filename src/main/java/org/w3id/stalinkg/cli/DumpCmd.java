package org.w3id.stalinkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.DumpLib;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dump}: load and validate the graph, then write the files {@code /dumps/} serves ({@link DumpLib}) into a
 * folder, for a release or a mirror. Public so that tests of other packages can run it.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {
            "Load and validate as validate does, then write the whole graph as gzipped Turtle, N-Triples, TriG and "
                + "JSON-LD with canonical IRIs, each with a NAME.sha256 file for sha256sum -c; print each file's size "
                + "and checksum.",
            "With --dataset, also the whole dataset (named graphs too) as N-Quads, for another store.",
            "Exit status: 0, or 1 if the folder cannot be written (checked before loading) or the graph does not "
                + "load."})
public final class DumpCmd implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/dumps",
            description = "Folder to write the dumps into, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--dataset",
            description = "Also write " + DumpLib.DATASET_FILE + ": the whole dataset as N-Quads, with the named "
                    + "graphs of stated and derived triples, to load into another SPARQL store for "
                    + "serve --sparql-endpoint.")
    boolean dataset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String unwritable = CliErrors.unwritableFolder(out);
        if (unwritable != null) {
            err.println("stalin-kg: nothing dumped: " + unwritable);
            err.flush();
            return 1;
        }
        KnowledgeGraph kg = data.graphOrExplain(err);
        if (kg == null) {
            return 1;
        }
        Map<String, byte[]> files = DumpLib.write(kg, out);
        stdout.printf("Wrote %,d triples to %s (each file with NAME.sha256 beside it):%n", kg.size(), out);
        for (DumpLib.Format format : DumpLib.FORMATS) {
            String name = format.fileName();
            stdout.printf("  %-24s %,12d bytes  sha256 %s%n", name, files.get(name).length,
                    DumpLib.checksumOf(files, name));
        }
        if (dataset) {
            Path file = DumpLib.writeDataset(kg, out);
            stdout.printf("Wrote the whole dataset, named graphs included, to %s%n", file);
        }
        stdout.flush();
        return 0;
    }
}
