package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.system.progress.MonitorOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The knowledge graph kept in an Apache Jena TDB2 database, for graphs too large to parse at every start. A database
 * folder holds the TDB2 database ({@code tdb2-*}), the label index of the search ({@code text-*},
 * {@link Tdb2LabelIndex}), the ontology ({@value #ONTOLOGY}) and, written last, the manifest ({@value #MANIFEST}:
 * the content hash, the triples of each file and the sizes): a folder without a manifest is
 * not a database, so a load that fails or is killed leaves nothing that {@link #open} accepts.
 *
 * <pre>
 * Tdb2Lib.load(KnowledgeGraphLoader.forProject(Path.of(".")), Path.of("db"), false, 250_000, null);  // no progress
 * KnowledgeGraph kg = Tdb2Lib.open(Path.of("db"));      // read-only, as the loader's
 * </pre>
 *
 * {@link #load} runs the loader's pipeline (strict parse, years, SHACL, inference) a batch of files at a time
 * ({@link FileBatches}: files that state or point to the same things are checked together, with the ontology's),
 * streaming each batch's result into TDB2's phased bulk loader ({@link Tdb2BatchWriter}), so the heap it needs grows
 * with the batch, not the graph. It writes into a new folder beside the target, and moves it into place only when
 * complete. The answers are the in-memory ones: the default graph holds everything, the named graphs
 * {@link SKG#GRAPH_ASSERTED} and {@link SKG#GRAPH_INFERRED} each part. Unlike the in-memory dataset, whose default
 * graph is a view of the two, TDB2 stores the default graph's quads too (its query engine then answers default-graph
 * patterns from its own indexes), so each triple is on disk twice.
 */
public final class Tdb2Lib {

    /** The manifest file of a database folder: a load writes it last. */
    public static final String MANIFEST = "manifest.properties";

    /** The ontology of a database folder, in Turtle with its prefixes. */
    public static final String ONTOLOGY = "ontology.ttl";

    private static final Logger LOG = LoggerFactory.getLogger(Tdb2Lib.class);

    private Tdb2Lib() {}

    /** What a load wrote, and how long it took. */
    public record LoadReport(long files, long batches, long triples, long asserted, long inferred, long pipelineMs,
                             long writeMs) {}

    /** Whether {@code dir} holds a complete database (a manifest). */
    public static boolean isDatabase(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * Loads and checks the files of {@code loader} and writes them as a database into {@code dir}.
     *
     * @param replace  whether a database already in {@code dir} may be replaced (only once the new one is complete)
     * @param batchTriples the most triples of the files checked together besides the core ({@link FileBatches})
     * @param output   progress lines (each stage, and the bulk loader's), or null
     * @throws IllegalArgumentException if {@code dir} holds a database and {@code replace} is false, or holds
     *         something other than a database; nothing is read or written then
     * @throws GraphLoadException if the files do not parse or conform; {@code dir} is left as it was
     */
    public static LoadReport load(KnowledgeGraphLoader loader, Path dir, boolean replace, long batchTriples,
                                  MonitorOutput output) {
        MonitorOutput out = output != null ? output : (fmt, args) -> {};
        checkTarget(dir, replace);
        KnowledgeGraphLoader progress = loader.progress(out);
        String contentHash = loader.contentHashOfFiles();
        FileBatches.Plan plan = LoadWorkers.with(workers -> FileBatches.plan(loader.files(), loader::isOntologyFile,
                batchTriples, workers, out));
        Path parent = dir.toAbsolutePath().getParent();
        Path work = parent.resolve("." + dir.getFileName() + ".loading-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        Tdb2BatchWriter.Written w;
        try {
            Files.createDirectories(work);
            String database = "tdb2-" + Instant.now().toEpochMilli();
            w = Tdb2BatchWriter.write(progress, plan, work.resolve(database), out);
            Tdb2LabelIndex.writeBeside(work, database, out);
            try (OutputStream os = Files.newOutputStream(work.resolve(ONTOLOGY))) {
                RDFDataMgr.write(os, w.ontology(), Lang.TURTLE);
            }
            Tdb2Manifest.write(work.resolve(MANIFEST), database, contentHash, plan.triplesPerFile(), w);
            // Checked again: another load may have finished in the meantime.
            checkTarget(dir, replace);
            FolderLib.moveIntoPlace(work, dir);
        } catch (IOException ex) {
            FolderLib.deleteTree(work);
            throw new UncheckedIOException(ex);
        } catch (RuntimeException ex) {
            FolderLib.deleteTree(work);
            throw ex;
        }
        return new LoadReport(plan.triplesPerFile().size(), plan.batches().size(), w.triples(), w.asserted(),
                w.inferred(), w.checkMs(), w.totalMs() - w.checkMs());
    }

    private static void checkTarget(Path dir, boolean replace) {
        if (!Files.exists(dir)) {
            if (dir.toAbsolutePath().getParent() == null) {
                throw new IllegalArgumentException(dir + ": cannot write a database at the root of the file system");
            }
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file, not a folder");
        }
        if (FolderLib.isEmpty(dir)) {
            return;
        }
        if (!isDatabase(dir)) {
            throw new IllegalArgumentException(dir + " is not empty and holds no stalin-kg database (no " + MANIFEST
                    + "); choose an empty or new folder");
        }
        if (!replace) {
            throw new IllegalArgumentException(dir + " already holds a database; add --replace to replace it");
        }
    }

    /**
     * The database in {@code dir}, read-only, as {@link KnowledgeGraphLoader#load()} would give it.
     *
     * @throws GraphLoadException with one line saying what is wrong, if {@code dir} is missing, is not a complete
     *         database, or cannot be opened (another process holds it)
     */
    public static KnowledgeGraph open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new GraphLoadException(dir + ": no such folder (write a database there with: load --tdb2 " + dir + ")");
        }
        if (!isDatabase(dir)) {
            throw new GraphLoadException(dir + ": not a complete stalin-kg database: no " + MANIFEST
                    + " (a load that did not finish, or not a database folder)");
        }
        Properties m = Tdb2Manifest.read(dir);
        if (!Tdb2Manifest.FORMAT.equals(m.getProperty("format"))) {
            throw new GraphLoadException(dir + ": " + MANIFEST + " is of format " + m.getProperty("format") + ", not "
                    + Tdb2Manifest.FORMAT + "; load the data again");
        }
        String database = m.getProperty("database", "");
        Path location = dir.resolve(database);
        if (database.isEmpty() || database.contains("/") || !Files.isDirectory(location) || FolderLib.isEmpty(location)) {
            throw new GraphLoadException(dir + ": the TDB2 database " + MANIFEST + " names (" + database
                    + ") is missing");
        }
        Path text = labelIndexFolder(dir, m);
        Tdb2Storage.Opened opened = null;
        try {
            Graph ontology = GraphFactory.createDefaultGraph();
            RDFParser.source(dir.resolve(ONTOLOGY)).lang(Lang.TURTLE).parse(ontology);
            Map<Path, Long> triplesPerFile = Tdb2Manifest.triplesPerFile(m);
            opened = Tdb2Storage.open(location, text);
            Tdb2QueryEngine.register();   // queries on the read-only view below go to TDB2's own engine
            LOG.info("Opened TDB2 database {} ({} triples, loaded {})", location, m.getProperty("triples"),
                    m.getProperty("loaded"));
            return new KnowledgeGraph(new DatasetGraphReadOnly(opened.dataset()), new GraphReadOnly(ontology),
                    triplesPerFile, m.getProperty("contentHash"), Long.parseLong(m.getProperty("triples")),
                    Long.parseLong(m.getProperty("triples.asserted")), Long.parseLong(m.getProperty("triples.inferred")),
                    opened.labelIndex(), opened::close);
        } catch (GraphLoadException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            if (opened != null) {
                opened.close();
            }
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            throw new GraphLoadException(dir + ": cannot open the database: " + message.lines().findFirst().orElse(""));
        }
    }

    /**
     * The label index folder the manifest {@code m} of {@code dir} names, or null if it names none (a database
     * written before the index was kept on disk: the index is then built in memory on first use).
     */
    private static Path labelIndexFolder(Path dir, Properties m) {
        String text = m.getProperty(Tdb2LabelIndex.MANIFEST_KEY);
        if (text == null) {
            LOG.info("{}: no label index on disk (written by an older load); it is built in memory on first use", dir);
            return null;
        }
        Path folder = dir.resolve(text);
        if (text.isEmpty() || text.contains("/") || !Files.isDirectory(folder)) {
            throw new GraphLoadException(dir + ": the label index " + MANIFEST + " names (" + text + ") is missing");
        }
        return folder;
    }
}
