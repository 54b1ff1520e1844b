package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The files this process holds open, from its file descriptors (Linux; memory maps are not counted). */
public final class OpenFiles {

    private OpenFiles() {}

    /** The open files whose path {@code matching} accepts; the test is skipped where there is no /proc/self/fd. */
    public static List<String> matching(Predicate<String> matching) {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
        List<String> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (matching.test(target)) {
                        open.add(target);
                    }
                } catch (IOException ex) {
                    // Closed since listed (the listing's own descriptor, for one).
                }
            }
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
        return open;
    }

    /** The open files under {@code dir}. */
    public static List<String> under(Path dir) {
        String prefix = dir.toAbsolutePath().normalize() + "/";
        return matching(t -> t.startsWith(prefix));
    }
}
