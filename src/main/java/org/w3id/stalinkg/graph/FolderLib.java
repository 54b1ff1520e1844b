package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Folders as a load writes them: whether one is empty, putting a finished one in place, deleting one. */
final class FolderLib {

    private static final Logger LOG = LoggerFactory.getLogger(Tdb2Lib.class);

    private FolderLib() {}

    /** Puts the finished folder {@code work} at {@code dir}, replacing what is there; the old one is deleted after. */
    static void moveIntoPlace(Path work, Path dir) throws IOException {
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

    /** Whether the folder {@code dir} holds nothing. */
    static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Deletes {@code root} and all it holds, if it exists; a failure is logged, not thrown. */
    static void deleteTree(Path root) {
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
