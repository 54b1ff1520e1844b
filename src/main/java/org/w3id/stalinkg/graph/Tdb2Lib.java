package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.system.progress.ProgressMonitor;
import org.apache.jena.system.progress.ProgressMonitorOutput;
import org.apache.jena.system.progress.ProgressStreamRDF;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The knowledge graph kept in an Apache Jena TDB2 database, for graphs too large to parse at every start. A database
 * folder holds the TDB2 database ({@code tdb2-*}), the ontology ({@value #ONTOLOGY}) and, written last, the manifest
 * ({@value #MANIFEST}: the content hash, the triples of each file and the sizes): a folder without a manifest is
 * not a database, so a load that fails or is killed leaves nothing that {@link #open} accepts.
 *
 * <pre>
 * Tdb2Lib.load(KnowledgeGraphLoader.forProject(Path.of(".")), Path.of("db"), false, null);  // null: no progress
 * KnowledgeGraph kg = Tdb2Lib.open(Path.of("db"));      // read-only, as the loader's
 * </pre>
 *
 * {@link #load} runs the loader's whole pipeline (strict parse, years, SHACL, inference) in memory, then writes the
 * result with TDB2's phased bulk loader into a new folder beside the target, and moves it into place only when
 * complete. The layout is the in-memory one: the default graph holds everything, the named graphs
 * {@link SKG#GRAPH_ASSERTED} and {@link SKG#GRAPH_INFERRED} each part.
 */
public final class Tdb2Lib {

    /** The manifest file of a database folder: a load writes it last. */
    public static final String MANIFEST = "manifest.properties";

    /** The ontology of a database folder, in Turtle with its prefixes. */
    public static final String ONTOLOGY = "ontology.ttl";

    private static final String FORMAT = "stalin-kg-tdb2/1";
    private static final long PROGRESS_TICK = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(Tdb2Lib.class);

    private Tdb2Lib() {}

    /** What a load wrote, and how long it took. */
    public record LoadReport(long files, long triples, long asserted, long inferred, long pipelineMs, long writeMs) {}

    /** Whether {@code dir} holds a complete database (a manifest). */
    public static boolean isDatabase(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * Loads and checks the files of {@code loader} and writes them as a database into {@code dir}.
     *
     * @param replace  whether a database already in {@code dir} may be replaced (only once the new one is complete)
     * @param output   progress lines (each stage, and the bulk loader's), or null
     * @throws IllegalArgumentException if {@code dir} holds a database and {@code replace} is false, or holds
     *         something other than a database; nothing is read or written then
     * @throws GraphLoadException if the files do not parse or conform; {@code dir} is left as it was
     */
    public static LoadReport load(KnowledgeGraphLoader loader, Path dir, boolean replace, MonitorOutput output) {
        MonitorOutput out = output != null ? output : (fmt, args) -> {};
        checkTarget(dir, replace);
        long started = System.nanoTime();
        KnowledgeGraphLoader.Validated v = loader.progress(out).validated();
        long pipelineMs = (System.nanoTime() - started) / 1_000_000;
        Path parent = dir.toAbsolutePath().getParent();
        Path work = parent.resolve("." + dir.getFileName() + ".loading-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        long writeStarted = System.nanoTime();
        long triples;
        try {
            Files.createDirectories(work);
            String database = "tdb2-" + Instant.now().toEpochMilli();
            triples = write(v, work.resolve(database), out);
            try (OutputStream os = Files.newOutputStream(work.resolve(ONTOLOGY))) {
                RDFDataMgr.write(os, v.ontology(), Lang.TURTLE);
            }
            writeManifest(work.resolve(MANIFEST), database, v, triples);
            // Checked again: another load may have finished in the meantime.
            checkTarget(dir, replace);
            moveIntoPlace(work, dir);
        } catch (IOException ex) {
            deleteTree(work);
            throw new UncheckedIOException(ex);
        } catch (RuntimeException ex) {
            deleteTree(work);
            throw ex;
        }
        long writeMs = (System.nanoTime() - writeStarted) / 1_000_000;
        return new LoadReport(v.triplesPerFile().size(), triples, v.asserted().size(), v.derived().size(),
                pipelineMs, writeMs);
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
        if (isEmpty(dir)) {
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

    /** Streams the validated graphs into a new TDB2 database with the bulk loader; returns the default graph's size. */
    private static long write(KnowledgeGraphLoader.Validated v, Path location, MonitorOutput out) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(location));
        try {
            DataLoader loader = LoaderFactory.phasedLoader(dsg, out);
            ProgressMonitor monitor = ProgressMonitorOutput.create(out, "quads", PROGRESS_TICK, 10);
            StreamRDF stream = new ProgressStreamRDF(loader.stream(), monitor);
            Graph asserted = v.asserted();
            Graph derived = v.derived();
            long[] inDefault = {0};
            out.print("writing %,d asserted and %,d inferred triples into TDB2 at %s", asserted.size(), derived.size(),
                    location);
            loader.startBulk();
            try {
                monitor.start();
                stream.start();
                asserted.getPrefixMapping().getNsPrefixMap().forEach(stream::prefix);
                Node assertedName = SKG.GRAPH_ASSERTED.asNode();
                Node inferredName = SKG.GRAPH_INFERRED.asNode();
                asserted.find().forEachRemaining(t -> {
                    stream.triple(t);
                    stream.quad(Quad.create(assertedName, t));
                    inDefault[0]++;
                });
                derived.find().forEachRemaining(t -> {
                    if (!asserted.contains(t)) {
                        stream.triple(t);
                        inDefault[0]++;
                    }
                    stream.quad(Quad.create(inferredName, t));
                });
                stream.finish();
                monitor.finish();
                monitor.finishMessage("sent to the bulk loader");
                loader.finishBulk();
            } catch (RuntimeException ex) {
                loader.finishException(ex);
                throw ex;
            }
            return inDefault[0];
        } finally {
            // Closes the files and releases the lock, so the folder can be moved and opened afresh; the lock file
            // would name this process, whose number another may have later.
            TDBInternal.expel(dsg, true);
            try {
                Files.deleteIfExists(location.resolve("tdb.lock"));
            } catch (IOException ex) {
                LOG.warn("Could not delete the lock file of {}: {}", location, ex.getMessage());
            }
        }
    }

    private static void writeManifest(Path file, String database, KnowledgeGraphLoader.Validated v, long triples)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# stalin-kg TDB2 database, written by load; written last, so a folder without it is no database\n");
        sb.append("format=").append(FORMAT).append('\n');
        sb.append("database=").append(database).append('\n');
        sb.append("loaded=").append(Instant.now()).append('\n');
        sb.append("contentHash=").append(v.contentHash()).append('\n');
        sb.append("triples=").append(triples).append('\n');
        sb.append("triples.asserted=").append(v.asserted().size()).append('\n');
        sb.append("triples.inferred=").append(v.derived().size()).append('\n');
        sb.append("files=").append(v.triplesPerFile().size()).append('\n');
        int i = 0;
        for (Map.Entry<Path, Long> e : v.triplesPerFile().entrySet()) {
            i++;
            sb.append("file.").append(i).append(".path=").append(escape(e.getKey().toString())).append('\n');
            sb.append("file.").append(i).append(".triples=").append(e.getValue()).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.ISO_8859_1);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Escapes a value for a properties file (backslashes, and any character outside ISO 8859-1 as \\uXXXX). */
    private static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c > 0xff || c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Puts the finished folder {@code work} at {@code dir}, replacing what is there; the old one is deleted after. */
    private static void moveIntoPlace(Path work, Path dir) throws IOException {
        if (Files.isDirectory(dir) && isEmpty(dir)) {
            Files.delete(dir);
        }
        if (!Files.exists(dir)) {
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = work.resolveSibling("." + dir.getFileName() + ".old-" + System.nanoTime());
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
            throw ex;
        }
        deleteTree(old);
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
        Properties m = manifest(dir);
        if (!FORMAT.equals(m.getProperty("format"))) {
            throw new GraphLoadException(dir + ": " + MANIFEST + " is of format " + m.getProperty("format") + ", not "
                    + FORMAT + "; load the data again");
        }
        String database = m.getProperty("database", "");
        Path location = dir.resolve(database);
        if (database.isEmpty() || database.contains("/") || !Files.isDirectory(location) || isEmpty(location)) {
            throw new GraphLoadException(dir + ": the TDB2 database " + MANIFEST + " names (" + database
                    + ") is missing");
        }
        try {
            Graph ontology = GraphFactory.createDefaultGraph();
            RDFParser.source(dir.resolve(ONTOLOGY)).lang(Lang.TURTLE).parse(ontology);
            int files = Integer.parseInt(m.getProperty("files"));
            Map<Path, Long> triplesPerFile = new LinkedHashMap<>();
            for (int i = 1; i <= files; i++) {
                triplesPerFile.put(Path.of(m.getProperty("file." + i + ".path")),
                        Long.parseLong(m.getProperty("file." + i + ".triples")));
            }
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(location.toAbsolutePath()));
            LOG.info("Opened TDB2 database {} ({} triples, loaded {})", location, m.getProperty("triples"),
                    m.getProperty("loaded"));
            return new KnowledgeGraph(new DatasetGraphReadOnly(dsg), new GraphReadOnly(ontology), triplesPerFile,
                    m.getProperty("contentHash"), Long.parseLong(m.getProperty("triples")),
                    Long.parseLong(m.getProperty("triples.asserted")), Long.parseLong(m.getProperty("triples.inferred")));
        } catch (RuntimeException ex) {
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            throw new GraphLoadException(dir + ": cannot open the database: " + message.lines().findFirst().orElse(""));
        }
    }

    private static Properties manifest(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(MANIFEST), StandardCharsets.ISO_8859_1)) {
            p.load(r);
        } catch (IOException ex) {
            throw new GraphLoadException(dir.resolve(MANIFEST) + ": cannot read: " + ex.getMessage());
        }
        return p;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ex) {
            LOG.warn("Could not delete {}: {}", root, ex.getMessage());
        }
    }
}
