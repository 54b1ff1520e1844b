package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.jena.graph.Graph;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.system.progress.MonitorOutput;
import org.w3id.stalinkg.vocab.SKG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the curated files into one validated, read-only {@link KnowledgeGraph}, in one pass: read every Turtle file
 * once (hashing and parsing its bytes, strictly: a warning is an error, {@link TurtleFiles}), derive the integer
 * years of dated statements ({@link YearLib}), validate the whole against the SHACL shapes ({@link ShapeValidation})
 * while adding what the ontology entails ({@link InferenceLib}), freeze ({@link FrozenDataset}). The named graph
 * {@code .../graph/asserted} holds what the files state and {@code .../graph/inferred} what was derived (the two
 * share no triple), so that a user can tell them apart; the default graph is their union, a view: each triple is
 * held once. Any problem stops the load with a {@link GraphLoadException} that names each file, line and column, or
 * each shape result's focus node, path and message; a half-loaded graph is never returned.
 *
 * <pre>
 * KnowledgeGraph kg = KnowledgeGraphLoader.forProject(Path.of(".")).load();
 * </pre>
 */
public final class KnowledgeGraphLoader {

    /** The name of the shapes file in the ontology folder; it is the shapes graph, not served data. */
    public static final String SHAPES_FILE = "shapes.ttl";

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeGraphLoader.class);

    /** Triples between two progress reports while parsing. */
    private static final long PROGRESS_TRIPLES = 1_000_000;

    private final List<Path> folders;
    private final Path shapesFile;
    private MonitorOutput progress;
    /** The base things are named under; the canonical one unless {@link #base(String)} says otherwise. */
    private String base = SKG.BASE;

    /**
     * A loader for every {@code *.ttl} file of the given folders (in folder order, files sorted by name), validated
     * against {@code shapesFile}, which is not loaded as data even if it sits in one of the folders.
     */
    public KnowledgeGraphLoader(List<Path> folders, Path shapesFile) {
        this.folders = List.copyOf(folders);
        this.shapesFile = shapesFile;
    }

    /**
     * The project layout: {@code ontology/} and {@code data/} under {@code root}, shapes in {@code ontology/shapes.ttl}.
     * The first folder's files are also kept as the ontology ({@link KnowledgeGraph#ontology()}).
     */
    public static KnowledgeGraphLoader forProject(Path root) {
        Path ontology = root.resolve("ontology");
        return new KnowledgeGraphLoader(List.of(ontology, root.resolve("data")), ontology.resolve(SHAPES_FILE));
    }

    /**
     * A loader that reports each stage (files parsed, validation, inference) to {@code progress}, as well as to
     * the log. {@code null} for none.
     */
    public KnowledgeGraphLoader progress(MonitorOutput progress) {
        KnowledgeGraphLoader copy = new KnowledgeGraphLoader(folders, shapesFile);
        copy.progress = progress;
        copy.base = base;
        return copy;
    }

    /**
     * A loader that names every thing under {@code base} ({@code base + "id/kind/slug"}) instead of the canonical
     * {@code https://w3id.org/stalin-kg/}: the one place a deployment's {@code --base-url} is applied, so that every
     * answer written from the graph (SPARQL, documents, dumps) names things alike. Vocabulary IRIs never move. The
     * content hash covers the base, so answers under different bases have different ETags.
     *
     * @param base an http(s) URL ending in "/"; null for the canonical base
     */
    public KnowledgeGraphLoader base(String base) {
        KnowledgeGraphLoader copy = new KnowledgeGraphLoader(folders, shapesFile);
        copy.progress = progress;
        copy.base = base == null ? SKG.BASE : base;
        return copy;
    }

    private void report(String fmt, Object... args) {
        if (progress != null) {
            progress.print(fmt, args);
        }
    }

    /**
     * Loads, derives, validates and freezes.
     *
     * @throws GraphLoadException if a folder or file cannot be read, a file does not parse, or the graph breaks a
     *         shape (severity sh:Violation; warnings are logged)
     */
    public KnowledgeGraph load() {
        long started = System.nanoTime();
        Validated v = validated();
        long asserted = v.asserted().size();
        long inferred = v.derived().size();
        KnowledgeGraph kg = new KnowledgeGraph(FrozenDataset.of(v.asserted(), v.derived()),
                new GraphReadOnly(v.ontology()), v.triplesPerFile(), v.contentHash(), asserted + inferred, asserted,
                inferred, base + SKG.ID_PATH);
        LOG.info("Loaded {} triples from {} files ({} asserted, {} inferred) in {} ms: parsed in {} ms, validated and"
                + " inferred in {} ms (inference alone {} ms)", kg.size(), v.triplesPerFile().size(), asserted,
                inferred, LoadWorkers.millis(started), v.parseMs(), v.checkMs(), v.inferenceMs());
        return kg;
    }

    /**
     * What {@link #load()} freezes: the asserted graph (the files, with their prefixes), the derived graph (years of
     * dates and entailments; none of them in the asserted graph), the ontology, the triples of each file and the
     * content hash. The caller owns the graphs.
     */
    record Validated(Graph asserted, Graph derived, Graph ontology, Map<Path, Long> triplesPerFile,
                     String contentHash, long parseMs, long checkMs, long inferenceMs) {}

    /** The files as read: the asserted graph, the ontology, the triples of each file, the content hash. */
    private record Parsed(Graph asserted, Graph ontology, Map<Path, Long> triplesPerFile, String contentHash,
                          long parseMs) {}

    /**
     * Parses, derives years, validates and infers: everything {@link #load()} does but freezing. The files are read
     * and parsed side by side, then added in load order; validation and inference then run side by side, on a pool
     * of one thread per core.
     */
    Validated validated() {
        return validated(files());
    }

    /**
     * What {@link #validated()} gives for some of the files alone ({@link FileBatches}): their triples per file and
     * content hash are theirs, not the load's.
     */
    Validated validated(List<Path> files) {
        return LoadWorkers.with(workers -> checked(parsed(workers, files), workers));
    }

    /** Every file a load reads, in load order. */
    List<Path> files() {
        return TurtleFiles.list(folders, this::isShapesFile, "Cannot find the data");
    }

    /** Whether {@code file} is one of the ontology's (the first folder's). */
    boolean isOntologyFile(Path file) {
        return file.getParent().equals(folders.get(0));
    }

    /**
     * The content hash a load of these files would give ({@link KnowledgeGraph#contentHash()}), from their bytes
     * alone: nothing is parsed or checked, so it is quick, and a load of the same files that succeeds has this hash.
     *
     * @throws GraphLoadException naming a folder that is missing or a file that cannot be read
     */
    public String contentHashOfFiles() {
        MessageDigest contentHash = DigestLib.sha256();
        for (Path file : files()) {
            try {
                TurtleFiles.addToHash(contentHash, file, Files.readAllBytes(file));
            } catch (IOException ex) {
                throw new GraphLoadException("Cannot read", List.of(file + ": " + ex.getMessage()));
            }
        }
        if (!base.equals(SKG.BASE)) {
            contentHash.update(base.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(contentHash.digest());
    }

    /**
     * Reads every file once, in parallel; adds each file's statements to the asserted graph (and the ontology's to
     * the ontology) and its name and bytes to the content hash, in load order.
     */
    private Parsed parsed(ExecutorService workers, List<Path> files) {
        long started = System.nanoTime();
        List<Future<TurtleFiles.Read>> reading = new ArrayList<>();
        for (Path file : files) {
            reading.add(workers.submit(() -> TurtleFiles.read(file)));
        }
        Graph asserted = new GraphMem2Fast();
        Graph ontology = GraphFactory.createDefaultGraph();
        Map<Path, Long> triplesPerFile = new LinkedHashMap<>();
        MessageDigest contentHash = DigestLib.sha256();
        List<String> problems = new ArrayList<>();
        long parsed = 0;
        for (int i = 0; i < files.size(); i++) {
            try {
                TurtleFiles.Read read = LoadWorkers.result(reading.get(i));
                reading.set(i, null);   // the file's bytes and statements can go once added
                TurtleFiles.addToHash(contentHash, read.file(), read.bytes());
                if (isOntologyFile(read.file())) {
                    // The first folder is the ontology: kept apart too, to be served as one document.
                    read.addTo(ontology);
                }
                if (base.equals(SKG.BASE)) {
                    read.addTo(asserted);
                } else {
                    RebaseLib.addTo(read, asserted, base);
                }
                triplesPerFile.put(read.file(), (long) read.triples().size());
                long before = parsed;
                parsed += read.triples().size();
                if (parsed / PROGRESS_TRIPLES > before / PROGRESS_TRIPLES) {
                    report("parsed %,d triples from %,d files (%,.0f/s)", parsed, triplesPerFile.size(),
                            parsed / Math.max(LoadWorkers.seconds(started), 1e-9));
                }
            } catch (GraphLoadException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new GraphLoadException(problems.size() + " file(s) did not parse", problems);
        }
        long parseMs = LoadWorkers.millis(started);
        report("parsed %,d triples from %,d files in %.1f s", parsed, files.size(), parseMs / 1000.0);
        if (!base.equals(SKG.BASE)) {
            contentHash.update(base.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Parsed(asserted, ontology, triplesPerFile, HexFormat.of().formatHex(contentHash.digest()), parseMs);
    }

    /**
     * Derives the years, then validates and infers side by side. The shapes and the rules see the asserted
     * statements with the years, through a view of the two graphs: nothing is added to the asserted graph.
     */
    private Validated checked(Parsed p, ExecutorService workers) {
        long started = System.nanoTime();
        Graph derived = new GraphMem2Fast();
        YearLib.deriveYears(p.asserted(), derived);
        Graph withYears = new DisjointUnion(p.asserted(), derived, p.asserted().getPrefixMapping());
        long[] inferenceMs = new long[1];
        Future<Graph> inference = workers.submit(() -> {
            long t = System.nanoTime();
            Graph g = InferenceLib.entailments(withYears);
            inferenceMs[0] = LoadWorkers.millis(t);
            return g;
        });
        ShapeValidation.validate(shapesFile, withYears, workers, p.triplesPerFile().keySet());
        report("validated against the shapes in %.1f s", LoadWorkers.seconds(started));
        Graph entailed = LoadWorkers.result(inference);
        entailed.find().forEachRemaining(derived::add);   // none is in withYears: entailments() leaves those out
        long checkMs = LoadWorkers.millis(started);
        report("inferred %,d triples in %.1f s", derived.size(), inferenceMs[0] / 1000.0);
        return new Validated(p.asserted(), derived, p.ontology(), p.triplesPerFile(), p.contentHash(), p.parseMs(),
                checkMs, inferenceMs[0]);
    }

    /**
     * The ontology alone: the files of the first folder ({@code ontology/}, shapes excepted), parsed as
     * {@link #load()} parses them, with no data, validation or inference; read-only, with the files' prefixes. What
     * {@code serve --sparql-endpoint} reads here while the data is in an external store.
     *
     * @throws GraphLoadException if the folder cannot be read, holds no {@code .ttl} file, or a file does not parse
     */
    public Graph loadOntology() {
        List<Path> files = TurtleFiles.list(List.of(folders.get(0)), this::isShapesFile, "Cannot find the ontology");
        Graph ontology = GraphFactory.createDefaultGraph();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                // As load() does, file by file: the same triples added in the same order make the same graph, which
                // Jena writes in the same order (the documents of /ontology are then the same bytes in both modes).
                TurtleFiles.read(file).addTo(ontology);
            } catch (GraphLoadException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new GraphLoadException(problems.size() + " file(s) did not parse", problems);
        }
        return new GraphReadOnly(ontology);
    }

    private boolean isShapesFile(Path p) {
        try {
            return Files.exists(shapesFile) && Files.isSameFile(p, shapesFile);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
