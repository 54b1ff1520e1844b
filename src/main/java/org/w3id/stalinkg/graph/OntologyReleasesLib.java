package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.vocabulary.OWL2;

/**
 * The released versions of the ontology, kept as files {@code ontology/releases/stalin-kg-X.Y.Z.ttl}, so that every
 * {@code owl:versionIRI} and {@code owl:priorVersion} the ontology names can be served.
 */
public final class OntologyReleasesLib {

    private static final Pattern RELEASE = Pattern.compile("stalin-kg-(\\d+\\.\\d+\\.\\d+)\\.ttl");

    private OntologyReleasesLib() {}

    /** The version ({@code owl:versionInfo}) of {@code ontology}. */
    public static String versionOf(Graph ontology) {
        return ontology.find(Node.ANY, OWL2.versionInfo.asNode(), Node.ANY).nextOptional()
                .map(Triple::getObject).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                .orElseThrow(() -> new IllegalStateException("The ontology has no owl:versionInfo"));
    }

    /**
     * Every release in {@code dir} (which may be absent) by version, read-only, with {@code current} under its own
     * version (the file being served wins over a release file of the same version).
     */
    public static Map<String, Graph> load(Path dir, Graph current) {
        Map<String, Graph> versions = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> {
                    Matcher m = RELEASE.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        versions.put(m.group(1), new GraphReadOnly(RDFDataMgr.loadGraph(f.toString())));
                    }
                });
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        versions.put(versionOf(current), current);
        return versions;
    }
}
