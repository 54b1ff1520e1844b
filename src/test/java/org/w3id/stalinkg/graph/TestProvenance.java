package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every substantive statement can be traced to its source. */
class TestProvenance {

    @TempDir
    Path tmp;

    @Test
    void everyStatementThatNeedsASourceHasOne() {
        List<Triple> unsourced = ProvenanceLib.unsourcedStatements(ProjectFiles.bundledGraph());
        assertTrue(unsourced.isEmpty(), unsourced.size() + " statement(s) without a source:\n  "
                + String.join("\n  ", unsourced.stream().map(Triple::toString).toList()));
    }

    @Test
    void theMarkedPropertiesIncludeEveryKindOfSubstantiveStatement() {
        List<String> marked = ProjectFiles.column(ProjectFiles.select("""
                PREFIX skg: <https://w3id.org/stalin-kg/ontology#>
                SELECT ?p WHERE { ?p skg:requiresSource true }
                """), "p");
        for (String p : List.of("servesGoal", "ledTo", "affectedRegion", "targetedGroup", "pursuedGoal",
                "carriedOutBy", "initiatedBy", "startDate", "endDate", "birthDate", "deathDate")) {
            assertTrue(marked.contains("https://w3id.org/stalin-kg/ontology#" + p), "not marked: " + p);
        }
    }

    @Test
    void mostStatementsCarryASource() {
        long[] sourced = ProvenanceLib.sourcedStatements(ProjectFiles.bundledGraph());
        assertTrue(sourced[0] >= 300, "sourced statements: " + sourced[0]);
        assertTrue(sourced[1] >= 100, "statements quoting the seed: " + sourced[1]);
    }

    @Test
    void statementWithoutASourceIsRefusedAtLoad() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-unsourced.ttl", """
                @prefix goal:   <https://w3id.org/stalin-kg/id/goal/> .
                @prefix policy: <https://w3id.org/stalin-kg/id/policy/> .
                policy:great-purge <https://w3id.org/stalin-kg/ontology#servesGoal> goal:modernization .
                """);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertTrue(ex.problems().stream().anyMatch(p -> p.contains("great-purge") && p.contains("servesGoal")),
                ex.getMessage());
    }
}
