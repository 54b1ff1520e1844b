package org.w3id.stalinkg.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.OWL2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validation of a graph against the SHACL shapes file, in parallel: violations stop the load with a
 * {@link GraphLoadException} listing each result's focus node, path and message; warnings and infos are logged.
 */
final class ShapeValidation {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeGraphLoader.class);

    /** Focus nodes of one shape validated together, as one task of the parallel validation. */
    private static final int BATCH = 64;

    private ShapeValidation() {}

    /**
     * Validates {@code data} against the shapes of {@code shapesFile} as Jena's plain validator does (every target
     * shape, every focus node of it), with the (shape, focus nodes) pairs split into batches that {@code workers}
     * validate in parallel; the data graph is only read. The report lists the results in shape and focus-node order,
     * as one pass would. A shape's SPARQL constraints run once over the graph first where that finds the only focus
     * nodes they can report ({@link SparqlPrefilter}); the others skip them.
     *
     * @throws GraphLoadException if the shapes file does not parse, or for the violations, one problem each
     */
    static void validate(Path shapesFile, Graph data, ExecutorService workers, Collection<Path> files) {
        Shapes shapes = Shapes.parse(shapesGraph(shapesFile));
        List<Future<SparqlPrefilter.Split>> splits = new ArrayList<>();
        List<List<Node>> focusNodesOfShapes = new ArrayList<>();
        for (Shape shape : shapes.getTargetShapes()) {
            List<Node> focusNodes = new ArrayList<>(VLib.focusNodes(data, shape));
            focusNodesOfShapes.add(focusNodes);
            splits.add(workers.submit(() -> SparqlPrefilter.split(shape, data, focusNodes)));
        }
        List<Future<Collection<ReportEntry>>> batches = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            SparqlPrefilter.Split split = LoadWorkers.result(splits.get(s));
            List<Node> focusNodes = focusNodesOfShapes.get(s);
            for (int i = 0; i < focusNodes.size(); i += BATCH) {
                List<Node> batch = focusNodes.subList(i, Math.min(focusNodes.size(), i + BATCH));
                batches.add(workers.submit(() -> {
                    ValidationContext context = ValidationContext.create(shapes, data);
                    batch.forEach(node -> VLib.validateShape(context, data, split.forNode(node), node));
                    return context.generateReport().getEntries();
                }));
            }
        }
        List<String> violations = new ArrayList<>();
        SubjectLocator locator = new SubjectLocator(files);
        for (Future<Collection<ReportEntry>> batch : batches) {
            for (ReportEntry entry : LoadWorkers.result(batch)) {
                String line = describe(entry, data, shapes.getGraph(), locator);
                if (entry.severity().equals(Severity.Violation)) {
                    violations.add(line);
                } else {
                    LOG.warn("Shape {}: {}", entry.severity().level().getLocalName(), line);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new GraphLoadException(violations.size() + " shape violation(s)", violations);
        }
    }

    private static Graph shapesGraph(Path shapesFile) {
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        TurtleFiles.read(shapesFile).addTo(shapesGraph);
        return shapesGraph;
    }

    /**
     * One line per result: where the thing is written ({@code file:line}, when it can be found), the rule (the
     * shape's name), the focus node, the path and the message. The focus of a result about an owl:Axiom or a
     * citation node is a blank node; the line given is then that of the statement's subject.
     */
    private static String describe(ReportEntry entry, Graph data, Graph shapesGraph, SubjectLocator locator) {
        String path = entry.resultPath() == null ? "-" : entry.resultPath().toString();
        String where = subject(entry.focusNode(), data)
                .flatMap(subject -> locator.locate(subject.getURI()))
                .map(at -> at + ": ")
                .orElse("");
        String rule = rule(entry.source(), shapesGraph).map(name -> "[" + name + "] ").orElse("");
        return where + rule + "focus " + ShLib.displayStr(entry.focusNode()) + " path " + path + ": " + entry.message();
    }

    /** The name of the shape that reported a result: the node shape itself, or the one a property shape is part of. */
    private static Optional<String> rule(Node shape, Graph shapesGraph) {
        Node named = shape;
        if (named != null && named.isBlank()) {
            Node blank = named;
            named = shapesGraph.find(Node.ANY, SHACL.property, blank).nextOptional()
                    .map(Triple::getSubject).orElse(null);
        }
        return named != null && named.isURI() ? Optional.of(named.getLocalName()) : Optional.empty();
    }

    /** The IRI a result is about: the focus itself, or the subject of the axiom or citation it annotates. */
    private static Optional<Node> subject(Node focus, Graph data) {
        Node node = focus;
        for (int hops = 0; hops < 3 && node.isBlank(); hops++) {
            Node blank = node;
            node = Optional.ofNullable(G.getZeroOrOneSP(data, blank, OWL2.annotatedSource.asNode()))
                    .or(() -> data.find(Node.ANY, Node.ANY, blank).nextOptional().map(Triple::getSubject))
                    .orElse(blank);
            if (node == blank) {
                return Optional.empty();
            }
        }
        return node.isURI() ? Optional.of(node) : Optional.empty();
    }
}
