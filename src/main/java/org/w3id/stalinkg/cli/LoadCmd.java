package org.w3id.stalinkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.w3id.stalinkg.graph.GraphLoadException;
import org.w3id.stalinkg.graph.Tdb2Lib;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code load}: check the files as {@code validate} does and write the graph into a TDB2 database ({@link Tdb2Lib}),
 * which {@code serve --tdb2} then serves without parsing anything.
 *
 * <pre>
 * java -jar target/stalin-kg.jar load --tdb2 db
 * java -jar target/stalin-kg.jar serve --tdb2 db
 * </pre>
 */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {
            "Load ontology/ and data/, validate them against ontology/shapes.ttl and infer, as serve does, then write "
                + "the graph into a TDB2 database in --tdb2 DIR (TDB2's bulk loader), with the ontology and a "
                + "manifest, for serve --tdb2 DIR.",
            "The database is written beside DIR and moved into place only when complete.",
            "Prints progress, the triple counts and the time taken.",
            "Exit status: 0; 1 if the files do not parse or conform, or DIR already holds a database (add --replace) "
                + "or something else; 2 for a bad option."})
final class LoadCmd implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--replace",
            description = "Replace the database already in --tdb2 DIR (once the new one is complete).")
    boolean replace;

    @Option(names = "--batch-triples", paramLabel = "N", defaultValue = "250000",
            description = "Validate and infer the files in batches of at most N stated triples (default: "
                + "${DEFAULT-VALUE}), each with the ontology and the files it reaches: files that state or point to "
                + "the same things are always in one batch. The heap a load needs grows with N, not with the data.")
    long batchTriples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (batchTriples < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-triples must be at least 1");
        }
        if (data.tdb2 == null) {
            throw new ParameterException(spec.commandLine(), "load needs --tdb2 DIR: the database folder to write");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        Tdb2Lib.LoadReport report;
        try {
            report = Tdb2Lib.load(data.loader(), data.tdb2, replace, batchTriples, (fmt, args) -> {
                out.println("stalin-kg: " + String.format(fmt, args));
                out.flush();
            });
        } catch (IllegalArgumentException ex) {
            err.println("stalin-kg: not loaded: " + ex.getMessage());
            err.flush();
            return 1;
        } catch (GraphLoadException ex) {
            err.println("stalin-kg: not loaded: " + ex.getMessage());
            err.flush();
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("stalin-kg: loaded %,d triples (%,d asserted, %,d inferred) from %,d files into %s in %.1f s "
                + "in %,d batch(es) (parse, validation and inference %.1f s, TDB2 bulk load %.1f s; %,.0f triples/s)%n",
                report.triples(), report.asserted(), report.inferred(), report.files(), data.tdb2, seconds,
                report.batches(),
                report.pipelineMs() / 1000.0, report.writeMs() / 1000.0, report.triples() / Math.max(seconds, 0.001));
        out.flush();
        return 0;
    }
}
