package org.w3id.stalinkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.w3id.stalinkg.graph.ProjectFiles;

/** The house rules of api/, as its package-info states them, checked on the source. */
class TestApiPackageRules {

    private static final Path SOURCES = ProjectFiles.ROOT.resolve("src/main/java/org/w3id/stalinkg/api");

    private static final List<String> FORBIDDEN = List.of("graph", "server", "cli", "linkeddata", "pages");

    @Test
    void apiImportsOnlyHttpStoreAndVocabOfOurPackages() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            for (String line : Files.readAllLines(file)) {
                for (String pkg : FORBIDDEN) {
                    if (line.contains("org.w3id.stalinkg." + pkg + ".")) {
                        found.add(file.getFileName() + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void noClassOver300LinesAndNoHandWrittenPlumbing() throws IOException {
        for (Path file : sources()) {
            String text = Files.readString(file);
            assertTrue(text.lines().count() <= 300, file + " has " + text.lines().count() + " lines");
            for (String plumbing : new String[] {"MessageDigest", "DefaultMustacheFactory", "Map<String, Object>",
                "HttpLib.notModified", "HttpLib.sendText", "setHeader(", "Caffeine"}) {
                assertTrue(!text.contains(plumbing), file.getFileName() + " uses " + plumbing);
            }
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
