package org.w3id.stalinkg.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.system.progress.ProgressMonitor;
import org.apache.jena.system.progress.ProgressMonitorOutput;
import org.apache.jena.system.progress.ProgressStreamRDF;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.w3id.stalinkg.vocab.SKG;

/**
 * Writes a load into a new TDB2 database a batch of files at a time ({@link FileBatches}), so that the heap holds one
 * batch, its validation and its inference, never the whole graph: the core is parsed, validated and inferred alone
 * and written; then each batch with the core, written less what the core wrote. All of it goes through one run of
 * TDB2's phased bulk loader. Each statement is written to the default graph and to the named graph
 * ({@link SKG#GRAPH_ASSERTED} or {@link SKG#GRAPH_INFERRED}) it belongs to; the sizes are counted from the database
 * at the end, so a statement two batches both make (only possible for one about ontology terms alone) counts once.
 */
final class Tdb2BatchWriter {

    /** What was written: the ontology, the sizes of the three graphs, time spent checking and in all. */
    record Written(Graph ontology, long triples, long asserted, long inferred, long checkMs, long totalMs) {}

    private static final long PROGRESS_TICK = 1_000_000;

    private final KnowledgeGraphLoader loader;
    private final MonitorOutput out;
    private long checkMs;

    private Tdb2BatchWriter(KnowledgeGraphLoader loader, MonitorOutput out) {
        this.loader = loader;
        this.out = out;
    }

    /**
     * Checks and writes the batches of {@code plan} into a new database at {@code location}.
     *
     * @throws GraphLoadException if a batch does not conform; the database is then incomplete, for the caller to
     *         delete
     */
    static Written write(KnowledgeGraphLoader loader, FileBatches.Plan plan, Path location, MonitorOutput out) {
        return new Tdb2BatchWriter(loader, out).run(plan, location);
    }

    private Written run(FileBatches.Plan plan, Path location) {
        long started = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(location));
        try {
            DataLoader bulk = LoaderFactory.phasedLoader(dsg, out);
            ProgressMonitor monitor = ProgressMonitorOutput.create(out, "quads", PROGRESS_TICK, 10);
            StreamRDF stream = new ProgressStreamRDF(bulk.stream(), monitor);
            Graph ontology;
            bulk.startBulk();
            try {
                monitor.start();
                stream.start();
                KnowledgeGraphLoader.Validated core = checked(plan.core(), "the core", plan);
                ontology = core.ontology();
                emit(core, null, stream);
                for (int i = 0; i < plan.batches().size(); i++) {
                    List<Path> files = new ArrayList<>(plan.core());
                    files.addAll(plan.batches().get(i));
                    String name = String.format("batch %,d of %,d", i + 1, plan.batches().size());
                    emit(checked(files, name, plan), core, stream);
                }
                stream.finish();
                monitor.finish();
                monitor.finishMessage("sent to the bulk loader");
                bulk.finishBulk();
            } catch (RuntimeException ex) {
                bulk.finishException(ex);
                throw ex;
            }
            return Txn.calculateRead(dsg, () -> new Written(ontology, dsg.getDefaultGraph().size(),
                    dsg.getGraph(SKG.GRAPH_ASSERTED.asNode()).size(), dsg.getGraph(SKG.GRAPH_INFERRED.asNode()).size(),
                    checkMs, LoadWorkers.millis(started)));
        } finally {
            // Closes the files and releases the lock, so the folder can be moved and opened afresh.
            Tdb2Storage.release(dsg, location);
        }
    }

    /** Parses, validates and infers {@code files} as one graph. */
    private KnowledgeGraphLoader.Validated checked(List<Path> files, String name, FileBatches.Plan plan) {
        long started = System.nanoTime();
        KnowledgeGraphLoader.Validated v = loader.validated(files);
        long ms = LoadWorkers.millis(started);
        checkMs += ms;
        out.print("%s: %,d files, %,d triples stated, %,d derived: checked in %.1f s", name, files.size(),
                plan.triples(files), v.derived().size(), ms / 1000.0);
        return v;
    }

    /** Sends the statements of {@code v} that {@code core} (null for none) does not hold to the bulk loader. */
    private static void emit(KnowledgeGraphLoader.Validated v, KnowledgeGraphLoader.Validated core, StreamRDF stream) {
        Node assertedName = SKG.GRAPH_ASSERTED.asNode();
        Node inferredName = SKG.GRAPH_INFERRED.asNode();
        // Each batch's prefixes, the core's and its own in load order: the database then has the prefixes of every
        // file, a later file's winning, as the in-memory graph has.
        v.asserted().getPrefixMapping().getNsPrefixMap().forEach(stream::prefix);
        v.asserted().find().forEachRemaining(t -> {
            if (core == null || !core.asserted().contains(t)) {
                stream.triple(t);
                stream.quad(Quad.create(assertedName, t));
            }
        });
        v.derived().find().forEachRemaining(t -> {
            if (core == null || !(core.derived().contains(t) || core.asserted().contains(t))) {
                stream.triple(t);
                stream.quad(Quad.create(inferredName, t));
            }
        });
    }
}
