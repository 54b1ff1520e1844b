package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /** Copies ontology/ and data/ into {@code target}, which then serves as a project root. */
    public static Path copyProjectTo(Path target) {
        for (String folder : new String[] {"ontology", "data"}) {
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
