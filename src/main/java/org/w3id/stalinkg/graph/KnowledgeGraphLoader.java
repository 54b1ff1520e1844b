package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFCountingBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.stalinkg.vocab.SKG;

/**
 * Turns the curated files into one validated, read-only {@link KnowledgeGraph}, in one pass: parse every Turtle
 * file (strictly: a warning is an error), derive the integer years of dated statements, validate the whole graph
 * against the SHACL shapes, add what the ontology entails ({@link InferenceLib}), freeze. The default graph serves
 * everything; the named graph {@code .../graph/asserted} holds what the files state and {@code .../graph/inferred}
 * what was derived, so that a user can tell them apart. Any problem stops the load with a {@link GraphLoadException} that names each
 * file, line and column, or each shape result's focus node, path and message; a half-loaded graph is never returned.
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

    /** Focus nodes of one shape validated together, as one task of the parallel validation. */
    private static final int VALIDATION_BATCH = 64;

    private final List<Path> folders;
    private final Path shapesFile;
    private MonitorOutput progress;

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
     * Loads, derives, validates and freezes.
     *
     * @throws GraphLoadException if a folder or file cannot be read, a file does not parse, or the graph breaks a
     *         shape (severity sh:Violation; warnings are logged)
     */
    public KnowledgeGraph load() {
        long started = System.nanoTime();
        Validated v = validated();
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            dsg.prefixes().putAll(v.asserted().getPrefixMapping());
            GraphUtil.addInto(dsg.getDefaultGraph(), v.asserted());
            GraphUtil.addInto(dsg.getDefaultGraph(), v.derived());
            GraphUtil.addInto(dsg.getGraph(SKG.GRAPH_ASSERTED.asNode()), v.asserted());
            GraphUtil.addInto(dsg.getGraph(SKG.GRAPH_INFERRED.asNode()), v.derived());
        });
        KnowledgeGraph kg = new KnowledgeGraph(new DatasetGraphReadOnly(dsg), new GraphReadOnly(v.ontology()),
                v.triplesPerFile(), v.contentHash());
        LOG.info("Loaded {} triples from {} files ({} asserted, {} inferred) in {} ms: parsed in {} ms, validated and"
                + " inferred in {} ms (inference alone {} ms)", kg.size(), v.triplesPerFile().size(),
                v.asserted().size(), v.derived().size(), (System.nanoTime() - started) / 1_000_000, v.parseMs(),
                v.checkMs(), v.inferenceMs());
        return kg;
    }

    /**
     * What {@link #load()} freezes, before it is put in a dataset: the asserted graph (the files, with their
     * prefixes), the derived graph (years of dates and entailments that the asserted graph does not hold), the
     * ontology, the triples of each file and the content hash. Mutable graphs: the caller owns them.
     */
    record Validated(Graph asserted, Graph derived, Graph ontology, Map<Path, Long> triplesPerFile,
                     String contentHash, long parseMs, long checkMs, long inferenceMs) {}

    /**
     * A loader that reports each stage (files parsed, validation, inference) to {@code progress}, as well as to
     * the log. {@code null} for none.
     */
    public KnowledgeGraphLoader progress(MonitorOutput progress) {
        KnowledgeGraphLoader copy = new KnowledgeGraphLoader(folders, shapesFile);
        copy.progress = progress;
        return copy;
    }

    private void report(String fmt, Object... args) {
        if (progress != null) {
            progress.print(fmt, args);
        }
    }

    /**
     * Parses, derives years, validates and infers: everything {@link #load()} does but building the dataset. The
     * files are parsed side by side, then added in load order; validation and inference then run side by side, on
     * a pool of one thread per core.
     */
    Validated validated() {
        // Jena initialises itself on first use; threads that first touch it at the same time can deadlock in class
        // initialisation (seen: parsers stuck in GraphBase.createPrefixMapping). Initialise here, on one thread.
        JenaSystem.init();
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            return validated(workers);
        } finally {
            workers.shutdownNow();
        }
    }

    private Validated validated(ExecutorService workers) {
        long started = System.nanoTime();
        List<Path> files = dataFiles();
        Map<Path, Long> triplesPerFile = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Graph asserted = GraphFactory.createDefaultGraph();
        Graph ontology = GraphFactory.createDefaultGraph();
        long parsed = 0;
        long nextReport = PROGRESS_TRIPLES;
        List<Future<Parsed>> parsing = new ArrayList<>();
        for (Path file : files) {
            parsing.add(workers.submit(() -> {
                Graph one = GraphFactory.createDefaultGraph();
                long triples = parseInto(file, one);
                return new Parsed(one, triples);
            }));
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            try {
                Parsed p = result(parsing.get(i));
                parsing.set(i, null);   // the file's own graph can go once added
                if (file.getParent().equals(folders.get(0))) {
                    // The first folder is the ontology: kept apart too, to be served as one document.
                    GraphUtil.addInto(ontology, p.graph());
                }
                GraphUtil.addInto(asserted, p.graph());
                triplesPerFile.put(file, p.triples());
                parsed += p.triples();
                if (parsed >= nextReport) {
                    report("parsed %,d triples from %,d files (%s)", parsed, triplesPerFile.size(), rate(parsed, started));
                    nextReport = (parsed / PROGRESS_TRIPLES + 1) * PROGRESS_TRIPLES;
                }
            } catch (GraphLoadException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new GraphLoadException(problems.size() + " file(s) did not parse", problems);
        }
        long parseMs = (System.nanoTime() - started) / 1_000_000;
        report("parsed %,d triples from %,d files in %.1f s", parsed, files.size(), parseMs / 1000.0);
        // The shapes and the rules see the asserted statements with the years derived from their dates: the years
        // are added to the asserted graph for that, and taken out again after (rather than copying the graph).
        Graph derived = GraphFactory.createDefaultGraph();
        deriveYears(asserted, derived);
        List<Triple> added = new ArrayList<>();
        derived.find().forEachRemaining(t -> {
            if (!asserted.contains(t)) {
                added.add(t);
            }
        });
        added.forEach(asserted::add);
        try {
            // Validation and inference only read the graph: they run side by side.
            long checkStarted = System.nanoTime();
            long[] inferenceMs = new long[1];
            Future<Graph> inference = workers.submit(() -> {
                long t = System.nanoTime();
                Graph g = InferenceLib.entailments(asserted);
                inferenceMs[0] = (System.nanoTime() - t) / 1_000_000;
                return g;
            });
            validate(asserted, workers);
            report("validated against the shapes in %.1f s", seconds(checkStarted));
            Graph entailed = result(inference);
            GraphUtil.addInto(derived, entailed);
            long checkMs = (System.nanoTime() - checkStarted) / 1_000_000;
            report("inferred %,d triples in %.1f s", derived.size(), inferenceMs[0] / 1000.0);
            return new Validated(asserted, derived, ontology, triplesPerFile, contentHash(files), parseMs, checkMs,
                    inferenceMs[0]);
        } finally {
            added.forEach(asserted::delete);
        }
    }

    /** One file's triples and how many statements the parser read (duplicates included). */
    private record Parsed(Graph graph, long triples) {}

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String rate(long n, long startedNanos) {
        double s = seconds(startedNanos);
        return s > 0 ? String.format("%,.0f/s", n / s) : "-/s";
    }

    /**
     * The ontology alone: the files of the first folder ({@code ontology/}, shapes excepted), parsed as
     * {@link #load()} parses them, with no data, validation or inference; read-only, with the files' prefixes. What
     * {@code serve --sparql-endpoint} reads here while the data is in an external store.
     *
     * @throws GraphLoadException if the folder cannot be read, holds no {@code .ttl} file, or a file does not parse
     */
    public Graph loadOntology() {
        Path folder = folders.get(0);
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            throw new GraphLoadException("Cannot find the ontology", List.of(folder + ": no such folder"));
        }
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(p -> p.getFileName().toString().endsWith(".ttl")).filter(Files::isRegularFile)
                   .filter(p -> !isShapesFile(p)).sorted().forEach(files::add);
        } catch (IOException ex) {
            throw new GraphLoadException("Cannot find the ontology", List.of(folder + ": cannot list: " + ex.getMessage()));
        }
        if (files.isEmpty()) {
            throw new GraphLoadException("Cannot find the ontology", List.of(folder + ": no .ttl files"));
        }
        Graph ontology = GraphFactory.createDefaultGraph();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                // As load() does, file by file: the same triples added in the same order make the same graph, which
                // Jena writes in the same order (the documents of /ontology are then the same bytes in both modes).
                Graph one = GraphFactory.createDefaultGraph();
                parseInto(file, one);
                GraphUtil.addInto(ontology, one);
            } catch (GraphLoadException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new GraphLoadException(problems.size() + " file(s) did not parse", problems);
        }
        return new GraphReadOnly(ontology);
    }

    /** SHA-256 over every loaded file's name and bytes, in load order: the served data is a function of these. */
    private static String contentHash(List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(file));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private List<Path> dataFiles() {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                problems.add(folder + ": no such folder");
                continue;
            }
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(p -> p.getFileName().toString().endsWith(".ttl"))
                       .filter(Files::isRegularFile)
                       .filter(p -> !isShapesFile(p))
                       .sorted()
                       .forEach(files::add);
            } catch (IOException ex) {
                problems.add(folder + ": cannot list: " + ex.getMessage());
            }
        }
        if (problems.isEmpty() && files.isEmpty()) {
            problems.add(folders + ": no .ttl files");
        }
        if (!problems.isEmpty()) {
            throw new GraphLoadException("Cannot find the data", problems);
        }
        return files;
    }

    private boolean isShapesFile(Path p) {
        try {
            return Files.exists(shapesFile) && Files.isSameFile(p, shapesFile);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Parses one Turtle file into {@code graph}, treating parser warnings (bad IRIs, ill-typed literals) as errors.
     * Returns the number of triples the file holds.
     * <p>
     * Blank nodes get the same identity on every load of the same file: the parser's blank-node allocator is seeded
     * with the file's name instead of a random seed. The graph, and so every answer written from it, is then the
     * same bytes on every replica that loads the same files (Jena orders a graph by its nodes' hashes, and writes
     * blank nodes by their identity), so two replicas behind a load balancer give the same bytes and ETags.
     */
    static long parseInto(Path file, Graph graph) {
        StreamRDFCountingBase counting = new StreamRDFCountingBase(StreamRDFLib.graph(graph));
        UUID seed = UUID.nameUUIDFromBytes(("stalin-kg " + file.getFileName()).getBytes(StandardCharsets.UTF_8));
        try {
            RDFParser.source(file)
                     .forceLang(Lang.TURTLE)
                     .strict(true)
                     .checking(true)
                     .labelToNode(LabelToNode.createScopeByDocumentHash(seed))
                     .errorHandler(ErrorHandlerFactory.errorHandlerExceptions())
                     .parse(counting);
        } catch (RiotParseException ex) {
            throw new GraphLoadException("Parse error", List.of(
                    file + ":" + ex.getLine() + ":" + ex.getCol() + ": " + ex.getOriginalMessage()));
        } catch (RiotException ex) {
            throw new GraphLoadException("Parse error", List.of(file + ": " + ex.getMessage()));
        } catch (UncheckedIOException ex) {
            throw new GraphLoadException("Cannot read", List.of(file + ": " + ex.getMessage()));
        }
        return counting.countTriples();
    }

    /**
     * Adds {@code skg:startYear} and {@code skg:endYear} (xsd:integer) for every {@code skg:startDate} and
     * {@code skg:endDate} of a date type, so that SPARQL users can filter and order by year with any engine,
     * whatever the precision the curator wrote (xsd:date, xsd:gYearMonth, xsd:gYear). Other literals are left
     * for the shapes to report.
     */
    static void deriveYears(Graph graph) {
        deriveYears(graph, graph);
    }

    /** Adds to {@code into} the years of the dates of {@code source}. */
    static void deriveYears(Graph source, Graph into) {
        List<Triple> derived = new ArrayList<>();
        deriveYears(source, SKG.startDate.asNode(), SKG.startYear.asNode(), derived);
        deriveYears(source, SKG.endDate.asNode(), SKG.endYear.asNode(), derived);
        derived.forEach(into::add);
    }

    private static void deriveYears(Graph graph, Node dateProperty, Node yearProperty, List<Triple> out) {
        graph.find(Node.ANY, dateProperty, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isLiteral() && o.getLiteralValue() instanceof XSDDateTime dateTime) {
                Node year = NodeFactory.createLiteralDT(Integer.toString(dateTime.getYears()), XSDDatatype.XSDinteger);
                out.add(Triple.create(t.getSubject(), yearProperty, year));
            }
        });
    }

    /**
     * Validates {@code data} against the shapes as Jena's plain validator does (every target shape, every focus node
     * of it), with the (shape, focus nodes) pairs split into batches that {@code workers} validate in parallel; the
     * data graph is only read. The report lists the results in shape and focus-node order, as one pass would.
     */
    private void validate(Graph data, ExecutorService workers) {
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        parseInto(shapesFile, shapesGraph);
        Shapes shapes = Shapes.parse(shapesGraph);
        List<Future<Collection<ReportEntry>>> batches = new ArrayList<>();
        for (Shape shape : shapes.getTargetShapes()) {
            List<Node> focusNodes = new ArrayList<>(VLib.focusNodes(data, shape));
            for (int i = 0; i < focusNodes.size(); i += VALIDATION_BATCH) {
                List<Node> batch = focusNodes.subList(i, Math.min(focusNodes.size(), i + VALIDATION_BATCH));
                batches.add(workers.submit(() -> {
                    ValidationContext context = ValidationContext.create(shapes, data);
                    batch.forEach(node -> VLib.validateShape(context, data, shape, node));
                    return context.generateReport().getEntries();
                }));
            }
        }
        List<ReportEntry> entries = new ArrayList<>();
        for (Future<Collection<ReportEntry>> batch : batches) {
            entries.addAll(result(batch));
        }
        List<String> violations = new ArrayList<>();
        for (ReportEntry entry : entries) {
            String line = describe(entry);
            if (entry.severity().equals(Severity.Violation)) {
                violations.add(line);
            } else {
                LOG.warn("Shape {}: {}", entry.severity().level().getLocalName(), line);
            }
        }
        if (!violations.isEmpty()) {
            throw new GraphLoadException(violations.size() + " shape violation(s)", violations);
        }
    }

    /** The value of a finished task; what it threw, thrown again as it was (unchecked), or wrapped. */
    private static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (ex.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    private static String describe(ReportEntry entry) {
        String path = entry.resultPath() == null ? "-" : entry.resultPath().toString();
        return "focus " + ShLib.displayStr(entry.focusNode()) + " path " + path + ": " + entry.message();
    }
}
