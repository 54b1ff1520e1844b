package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.api.CannedQueries;

/** The real project files, and copies of them in a temporary folder for tests that spoil one. */
public final class ProjectFiles {

    /** The project root: tests run with it as the working directory (see the surefire configuration). */
    public static final Path ROOT = Path.of("").toAbsolutePath();

    private static KnowledgeGraph bundled;

    private ProjectFiles() {}

    /** The bundled graph, loaded once per test JVM. */
    public static synchronized KnowledgeGraph bundledGraph() {
        if (bundled == null) {
            bundled = KnowledgeGraphLoader.forProject(ROOT).load();
        }
        return bundled;
    }

    /** The bundled canned queries. */
    public static CannedQueries cannedQueries() {
        return CannedQueries.load(ROOT.resolve("queries"));
    }

    /** Runs a SELECT query over the bundled dataset (default graph and named graphs) and returns the rows. */
    public static List<QuerySolution> select(String query) {
        KnowledgeGraph kg = bundledGraph();
        List<QuerySolution> rows = new ArrayList<>();
        Txn.executeRead(kg.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(QueryFactory.create(query, Syntax.syntaxSPARQL_11),
                    DatasetFactory.wrap(kg.dataset()))) {
                qe.execSelect().forEachRemaining(rows::add);
            }
        });
        return rows;
    }

    /** Runs an ASK query over the bundled graph. */
    public static boolean ask(String query) {
        KnowledgeGraph kg = bundledGraph();
        return Txn.calculateRead(kg.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(QueryFactory.create(query, Syntax.syntaxSPARQL_11),
                    DatasetFactory.wrap(kg.dataset()))) {
                return qe.execAsk();
            }
        });
    }

    /** The values of one variable in {@code rows}: IRIs as strings, literals as their lexical form. */
    public static List<String> column(List<QuerySolution> rows, String var) {
        List<String> values = new ArrayList<>();
        for (QuerySolution row : rows) {
            RDFNode n = row.get(var);
            if (n != null) {
                values.add(n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI());
            }
        }
        return values;
    }

    /** Copies ontology/, data/ and queries/ into {@code target}, which then serves as a project root. */
    public static Path copyProjectTo(Path target) {
        for (String folder : new String[] {"ontology", "data", "queries"}) {
            Path from = ROOT.resolve(folder);
            Path to = target.resolve(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path dest = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(f, dest);
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return target;
    }

    /** Writes {@code text} to {@code root/relativePath}. */
    public static Path write(Path root, String relativePath, String text) {
        try {
            Path p = root.resolve(relativePath);
            Files.createDirectories(p.getParent());
            return Files.writeString(p, text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
