package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a thing is written: the file and line at which a subject's statements begin, so that a shape result names
 * {@code data/x.ttl:123} as a syntax error does. It reads the files' text for lines that start with a subject, as
 * {@code <IRI>} or as a prefixed name under the file's own {@code @prefix} lines declared above it (the layout every
 * data file follows: one subject block per thing, starting in column 1). The files are read once, on the first
 * {@link #locate(String)}, into an index of every subject's first line: a load with no shape result reads nothing,
 * and one with many reads each file once.
 */
final class SubjectLocator {

    private static final Pattern PREFIX = Pattern.compile("^@prefix\\s+([A-Za-z][\\w-]*)?:\\s*<([^>]*)>\\s*\\.");

    private final Collection<Path> files;
    /** Each subject IRI's first {@code file:line}, in file order; null until the first locate. */
    private Map<String, String> firstLines;

    SubjectLocator(Collection<Path> files) {
        this.files = files;
    }

    /** {@code file:line} of the first line in the files that starts with {@code iri}'s subject block, if any. */
    synchronized Optional<String> locate(String iri) {
        if (firstLines == null) {
            firstLines = new HashMap<>();
            for (Path file : files) {
                index(file, read(file), firstLines);
            }
        }
        return Optional.ofNullable(firstLines.get(iri));
    }

    /** Adds the subject that each line of {@code text} starts with, if not already known, with its place. */
    private static void index(Path file, List<String> text, Map<String, String> into) {
        Map<String, String> prefixes = new HashMap<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            Matcher m = PREFIX.matcher(line);
            if (m.find()) {
                prefixes.put(m.group(1) == null ? "" : m.group(1), m.group(2));
                continue;
            }
            String subject = subject(line, prefixes);
            if (subject != null) {
                into.putIfAbsent(subject, file + ":" + (i + 1));
            }
        }
    }

    /**
     * The IRI a line starts with: {@code <IRI>} at its start, or a prefixed name under a prefix declared so far that
     * is the whole line or is followed by a space; null for any other line.
     */
    private static String subject(String line, Map<String, String> prefixes) {
        if (line.startsWith("<")) {
            int end = line.indexOf('>');
            return end < 0 ? null : line.substring(1, end);
        }
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        int colon = name.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String namespace = prefixes.get(name.substring(0, colon));
        return namespace == null ? null : namespace + name.substring(colon + 1);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
