package org.w3id.stalinkg.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.graph.GraphFactory;
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
     * as one pass would.
     *
     * @throws GraphLoadException if the shapes file does not parse, or for the violations, one problem each
     */
    static void validate(Path shapesFile, Graph data, ExecutorService workers) {
        Shapes shapes = Shapes.parse(shapesGraph(shapesFile));
        List<Future<Collection<ReportEntry>>> batches = new ArrayList<>();
        for (Shape shape : shapes.getTargetShapes()) {
            List<Node> focusNodes = new ArrayList<>(VLib.focusNodes(data, shape));
            for (int i = 0; i < focusNodes.size(); i += BATCH) {
                List<Node> batch = focusNodes.subList(i, Math.min(focusNodes.size(), i + BATCH));
                batches.add(workers.submit(() -> {
                    ValidationContext context = ValidationContext.create(shapes, data);
                    batch.forEach(node -> VLib.validateShape(context, data, shape, node));
                    return context.generateReport().getEntries();
                }));
            }
        }
        List<String> violations = new ArrayList<>();
        for (Future<Collection<ReportEntry>> batch : batches) {
            for (ReportEntry entry : LoadWorkers.result(batch)) {
                String line = describe(entry);
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

    private static String describe(ReportEntry entry) {
        String path = entry.resultPath() == null ? "-" : entry.resultPath().toString();
        return "focus " + ShLib.displayStr(entry.focusNode()) + " path " + path + ": " + entry.message();
    }
}
