package org.w3id.stalinkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The arrows between our packages, read from the sources: data flows one way,
 * {@code cli -> server -> {api, linkeddata, pages} -> http -> store -> graph -> vocab} (docs and each
 * {@code package-info.java}). A reference of a package to one it may not use fails here, whether by an import or by
 * a fully qualified name in code (comments and string literals are not read).
 */
class TestPackageRules {

    private static final Path SOURCES = Path.of("src/main/java/org/w3id/stalinkg");

    /** What each package may not use. A package not named here may use any other. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "server", Set.of("cli"),
            "api", Set.of("graph", "server", "cli"),
            "linkeddata", Set.of("graph", "server", "cli"),
            "pages", Set.of("graph", "server", "cli"),
            "http", Set.of("server", "cli", "api", "linkeddata", "pages"),
            "store", Set.of("http", "server", "cli", "api", "linkeddata", "pages"),
            "graph", Set.of("store", "http", "server", "cli", "api", "linkeddata", "pages"),
            "vocab", Set.of("graph", "store", "http", "server", "cli", "api", "linkeddata", "pages"));

    /** Classes a package may use although their package is forbidden to it: the one SHA-256 helper for http. */
    private static final Map<String, Set<String>> ALLOWED_CLASSES = Map.of(
            "http", Set.of("graph.DigestLib"));

    /**
     * Arrows broken today, each "FILE -> package.Class", while the store seam is being closed (issue 13, item 4).
     * This list may only shrink: remove a line when its reference goes; a new breach is never added here.
     */
    private static final Set<String> KNOWN_BREACHES = Set.of();

    /**
     * Packages without a package-info.java today: their owners are writing them (issue 13, item 5). This list may
     * only shrink, as {@link #KNOWN_BREACHES}.
     */
    private static final Set<String> KNOWN_WITHOUT_PACKAGE_INFO = Set.of();

    /** A reference to a class of ours: {@code org.w3id.stalinkg.PACKAGE.Class}. */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.w3id\\.stalinkg\\.([a-z]+)\\.([A-Z]\\w*)");

    /** Comments, text blocks, string and char literals: what is not code. */
    private static final Pattern NOT_CODE = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'",
            Pattern.DOTALL);

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        List<String> breaches = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Path file : sources()) {
            String from = SOURCES.relativize(file).getName(0).toString();
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            Matcher m = REFERENCE.matcher(NOT_CODE.matcher(Files.readString(file)).replaceAll(" "));
            while (m.find()) {
                String to = m.group(1);
                String target = to + "." + m.group(2);
                if (!FORBIDDEN.getOrDefault(from, Set.of()).contains(to)
                        || ALLOWED_CLASSES.getOrDefault(from, Set.of()).contains(target)) {
                    continue;
                }
                String breach = name + " -> " + target;
                if (KNOWN_BREACHES.contains(breach)) {
                    seen.add(breach);
                } else if (!breaches.contains(breach)) {
                    breaches.add(breach);
                }
            }
        }
        assertEquals(List.of(), breaches, "references against the flow cli -> server -> {api, linkeddata, pages} "
                + "-> http -> store -> graph -> vocab");
        Set<String> gone = new TreeSet<>(KNOWN_BREACHES);
        gone.removeAll(seen);
        assertEquals(Set.of(), gone, "known breaches that are mended: remove them from KNOWN_BREACHES");
    }

    @Test
    void everyPackageSaysWhatItIsForInAPackageInfo() throws IOException {
        Set<String> without = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                if (!Files.exists(dir.resolve("package-info.java"))) {
                    without.add(dir.getFileName().toString());
                }
            }
        }
        assertEquals(new TreeSet<>(KNOWN_WITHOUT_PACKAGE_INFO), without,
                "packages without a package-info.java (remove from KNOWN_WITHOUT_PACKAGE_INFO those that have one)");
    }

    @Test
    void theRuleSeesAnImportAndAQualifiedNameButNotAComment() {
        String code = "import org.w3id.stalinkg.graph.KnowledgeGraph;\n"
                + "/** {@link org.w3id.stalinkg.server.KgServer} */ // org.w3id.stalinkg.cli.StalinKgCmd\n"
                + "String s = \"org.w3id.stalinkg.cli.X\"; var x = org.w3id.stalinkg.vocab.SKG.NS;\n";
        Matcher m = REFERENCE.matcher(NOT_CODE.matcher(code).replaceAll(" "));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + "." + m.group(2));
        }
        assertEquals(List.of("graph.KnowledgeGraph", "vocab.SKG"), found);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
