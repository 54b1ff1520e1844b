package org.w3id.stalinkg.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.w3id.stalinkg.vocab.SKG;

/**
 * Every canned query of a folder, read and checked once at start-up, in name order. Adding a file adds an endpoint.
 *
 * <pre>
 * CannedQueries queries = CannedQueries.load(Path.of("queries"));
 * </pre>
 */
public final class CannedQueries {

    private final Map<String, CannedQuery> byName;

    private CannedQueries(Map<String, CannedQuery> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Reads every {@code *.rq} directly in {@code folder}.
     *
     * @throws CannedQueryException listing every malformed file, each with its line
     */
    public static CannedQueries load(Path folder) {
        return load(folder, SKG.ID_BASE);
    }

    /**
     * Reads every {@code *.rq} directly in {@code folder}, asking of things under {@code things} (the namespace the
     * data were loaded under: {@code --base-url}).
     *
     * @throws CannedQueryException listing every malformed file, each with its line
     */
    public static CannedQueries load(Path folder, String things) {
        if (!Files.isDirectory(folder)) {
            throw new CannedQueryException(folder + ": no such folder");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, CannedQuery> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                CannedQuery q = CannedQuery.read(file, things);
                byName.put(q.name(), q);
            } catch (CannedQueryException ex) {
                problems.add(ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CannedQueryException(problems.size() + " canned query file(s) are malformed:\n  "
                    + String.join("\n  ", problems));
        }
        return new CannedQueries(byName);
    }

    /** The query called {@code name}, or null. */
    public CannedQuery get(String name) {
        return byName.get(name);
    }

    /** All queries, in name order. */
    public Collection<CannedQuery> all() {
        return byName.values();
    }
}
