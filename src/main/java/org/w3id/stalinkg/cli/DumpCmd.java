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
            "Load and validate as validate does, then write the files /dumps/ serves, with canonical IRIs: the "
                + "default graph as gzipped Turtle, N-Triples and JSON-LD, and the whole dataset, named graphs "
                + "included, as gzipped TriG and N-Quads; each with a NAME.sha256 file for sha256sum -c. Print each "
                + "file's size and checksum.",
            "Exit status: 0, or 1 if the folder cannot be written (checked before loading) or the graph does not "
                + "load."})
public final class DumpCmd implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/dumps",
            description = "Folder to write the dumps into, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--dataset",
            description = "Also write " + DumpLib.DATASET_FILE + ", the name earlier versions gave the N-Quads "
                    + "dump: the same bytes as stalin-kg.nq.gz, which is now always written.")
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
        stdout.printf("Wrote %,d triples to %s (each file with NAME.sha256 beside it; TriG and N-Quads with the "
                + "named graphs too):%n", kg.size(), out);
        for (DumpLib.Format format : DumpLib.FORMATS) {
            String name = format.fileName();
            stdout.printf("  %-24s %,12d bytes  sha256 %s%n", name, files.get(name).length,
                    DumpLib.checksumOf(files, name));
        }
        if (dataset) {
            Path file = DumpLib.writeDataset(files, out);
            stdout.printf("Wrote %s too (the same bytes as %s)%n", file, DumpLib.NQUADS.fileName());
        }
        stdout.flush();
        return 0;
    }
}
