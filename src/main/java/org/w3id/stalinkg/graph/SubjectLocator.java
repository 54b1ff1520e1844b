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
 * Where a thing is written: the file and line at which a subject's statements begin, so that a shape violation
 * names {@code data/x.ttl:123} as a syntax error does. Read only after validation has failed; it scans the files'
 * text for a line that starts with the subject, as {@code <IRI>} or as a prefixed name under the file's own
 * {@code @prefix} lines (the layout every data file follows: one subject block per thing, starting in column 1).
 */
final class SubjectLocator {

    private static final Pattern PREFIX = Pattern.compile("^@prefix\\s+([A-Za-z][\\w-]*)?:\\s*<([^>]*)>\\s*\\.");

    private final Collection<Path> files;
    private final Map<Path, List<String>> lines = new HashMap<>();

    SubjectLocator(Collection<Path> files) {
        this.files = files;
    }

    /** {@code file:line} of the first line in the files that starts with {@code iri}'s subject block, if any. */
    Optional<String> locate(String iri) {
        for (Path file : files) {
            List<String> text = lines.computeIfAbsent(file, SubjectLocator::read);
            Map<String, String> prefixes = new HashMap<>();
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i);
                Matcher m = PREFIX.matcher(line);
                if (m.find()) {
                    prefixes.put(m.group(1) == null ? "" : m.group(1), m.group(2));
                } else if (startsWith(line, iri, prefixes)) {
                    return Optional.of(file + ":" + (i + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(String line, String iri, Map<String, String> prefixes) {
        if (line.startsWith("<" + iri + ">")) {
            return true;
        }
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            if (iri.startsWith(prefix.getValue())) {
                String name = prefix.getKey() + ":" + iri.substring(prefix.getValue().length());
                if (line.equals(name) || line.startsWith(name + " ")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
