package org.w3id.stalinkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.store.LocalStore;

/**
 * Every canned query, run with the example values of its header, gives exactly its stored expected result:
 * {@code src/test/resources/expected-results/NAME.tsv} (N-Triples, blank nodes renamed and lines sorted, for a
 * graph). A query without a stored result fails. After a deliberate change of data or query, rewrite the stored
 * results with {@code mvn test -Dtest=TestExpectedResults -Dexpected.update=true} and review the diff.
 * <p>
 * The one part of an answer SPARQL leaves undefined, the order in which a GROUP_CONCAT joins its values, is left out
 * of the comparison ({@link ConcatOrder}): it is the order the storage gives a pattern's matches, not part of the
 * answer. Rows, their order and every other cell are compared byte for byte.
 */
class TestExpectedResults {

    private static final Path EXPECTED = ProjectFiles.ROOT.resolve("src/test/resources/expected-results");
    private static final boolean UPDATE = Boolean.getBoolean("expected.update");

    static Stream<String> queryNames() {
        return ProjectFiles.cannedQueries().all().stream().map(CannedQuery::name);
    }

    @ParameterizedTest
    @MethodSource("queryNames")
    void queryGivesItsStoredResult(String name) throws IOException {
        CannedQuery query = ProjectFiles.cannedQueries().get(name);
        Map<String, String[]> params = new HashMap<>();
        query.params().stream().filter(p -> p.example() != null)
                .forEach(p -> params.put(p.name(), new String[] {p.example()}));
        Map<String, Node> bindings = CannedQueryRunner.bind(query, params);
        CannedQueryRunner runner = new CannedQueryRunner(new LocalStore(ProjectFiles.bundledGraph()), Duration.ofSeconds(30), 10_000);
        boolean graph = !query.query().isSelectType() && !query.query().isAskType();
        String actual = new String(runner.answer(query, bindings, graph ? ResultFormat.N_TRIPLES : ResultFormat.TSV)
                .body(), StandardCharsets.UTF_8);
        if (graph) {
            actual = canonicalNTriples(actual);
        }
        Path file = EXPECTED.resolve(name + ".tsv");
        if (UPDATE) {
            Files.createDirectories(EXPECTED);
            Files.writeString(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("no stored expected result for " + name + ": " + file
                    + " (write it with -Dexpected.update=true and review it)");
        }
        ConcatOrder concat = ConcatOrder.of(query.query());
        assertEquals(concat.tsv(Files.readString(file)), concat.tsv(actual), name + " differs from " + file);
        assertTrue(actual.lines().count() > 1, name + " returned no rows with its examples");
    }

    /** Blank nodes renamed in order of first appearance after sorting the lines without them. */
    private static String canonicalNTriples(String nt) {
        List<String> lines = nt.lines().map(l -> l.replaceAll("_:[A-Za-z0-9]+", "_:b")).sorted().toList();
        return String.join("\n", lines) + "\n";
    }
}
