package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;
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

    private final List<Path> folders;
    private final Path shapesFile;

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
        List<Path> files = dataFiles();
        Map<Path, Long> triplesPerFile = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Graph asserted = GraphFactory.createDefaultGraph();
        Graph ontology = GraphFactory.createDefaultGraph();
        for (Path file : files) {
            try {
                if (file.getParent().equals(folders.get(0))) {
                    // The first folder is the ontology: kept apart too, to be served as one document.
                    Graph one = GraphFactory.createDefaultGraph();
                    triplesPerFile.put(file, parseInto(file, one));
                    GraphUtil.addInto(ontology, one);
                    GraphUtil.addInto(asserted, one);
                } else {
                    triplesPerFile.put(file, parseInto(file, asserted));
                }
            } catch (GraphLoadException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new GraphLoadException(problems.size() + " file(s) did not parse", problems);
        }
        // The shapes see the asserted statements and the years derived from their dates.
        Graph derived = GraphFactory.createDefaultGraph();
        deriveYears(asserted, derived);
        Graph checked = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(checked, asserted);
        GraphUtil.addInto(checked, derived);
        validate(checked);
        long inferenceStarted = System.nanoTime();
        GraphUtil.addInto(derived, InferenceLib.entailments(checked));
        long inferenceMs = (System.nanoTime() - inferenceStarted) / 1_000_000;
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            dsg.prefixes().putAll(asserted.getPrefixMapping());
            GraphUtil.addInto(dsg.getDefaultGraph(), checked);
            GraphUtil.addInto(dsg.getDefaultGraph(), derived);
            GraphUtil.addInto(dsg.getGraph(SKG.GRAPH_ASSERTED.asNode()), asserted);
            GraphUtil.addInto(dsg.getGraph(SKG.GRAPH_INFERRED.asNode()), derived);
        });
        KnowledgeGraph kg = new KnowledgeGraph(new DatasetGraphReadOnly(dsg), new GraphReadOnly(ontology),
                triplesPerFile, contentHash(files));
        LOG.info("Loaded {} triples from {} files ({} asserted, {} inferred in {} ms) in {} ms", kg.size(),
                files.size(), asserted.size(), derived.size(), inferenceMs, (System.nanoTime() - started) / 1_000_000);
        return kg;
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

    private void validate(Graph data) {
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        parseInto(shapesFile, shapesGraph);
        Shapes shapes = Shapes.parse(shapesGraph);
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<String> violations = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
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

    private static String describe(ReportEntry entry) {
        String path = entry.resultPath() == null ? "-" : entry.resultPath().toString();
        return "focus " + ShLib.displayStr(entry.focusNode()) + " path " + path + ": " + entry.message();
    }
}
