package org.w3id.stalinkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.stalinkg.graph.ProjectFiles;

/** Reading query files: their headers and their SPARQL, and refusing malformed ones by file and line. */
class TestCannedQueryFiles {

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void theBundledQueriesAreAtLeastFifteenAndAllWellFormed() {
        CannedQueries queries = ProjectFiles.cannedQueries();
        assertTrue(queries.all().size() >= 15, "only " + queries.all().size());
        for (String name : new String[] {"goals", "policies-for-goal", "goals-of-policy", "outcomes-of-policy",
            "in-region", "timeline", "in-effect-in-year", "groups-targeted", "human-cost", "sources-of-statement",
            "corrections", "search", "describe", "satellite-states", "movements-supported", "counts-per-class"}) {
            assertTrue(queries.get(name) != null, "no query " + name);
        }
    }

    @Test
    void headerDeclaresSummaryDescriptionTagsAndTypedParameters() throws IOException {
        CannedQuery q = CannedQuery.read(write("q.rq", """
                # Title here
                #+ summary: What it answers
                #+ description: First part
                #+   and second part
                #+ param: goal iri:goal required e.g. industrialization -- the goal
                #+ param: from year optional default 1922 e.g. 1930
                #+ tags: a, b
                SELECT ?x WHERE { ?x ?p ?goal FILTER(?from > 0) } ORDER BY ?x
                """));
        assertEquals("q", q.name());
        assertEquals("Title here", q.title());
        assertEquals("What it answers", q.summary());
        assertEquals("First part and second part", q.description());
        assertEquals(java.util.List.of("a", "b"), q.tags());
        QueryParam goal = q.param("goal");
        assertEquals(ParamType.IRI, goal.type());
        assertEquals("goal", goal.kind());
        assertTrue(goal.required());
        assertEquals("the goal", goal.description());
        QueryParam from = q.param("from");
        assertEquals(ParamType.YEAR, from.type());
        assertEquals("1922", from.defaultValue());
        assertNull(q.param("nope"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no summary                 | #+ description: x                                  | :1: no '#+ summary:'",
        "unknown key                | #+ summary: s\\n#+ sumary: t                        | :2: unknown header key 'sumary'",
        "unknown type               | #+ summary: s\\n#+ param: x number required e.g. 1 | :2: unknown type 'number'",
        "required without example   | #+ summary: s\\n#+ param: x iri required            | :2: a required parameter needs an example",
        "example of the wrong type  | #+ summary: s\\n#+ param: x year required e.g. 19x7 | :2: parameter 'x': the value is not a year",
        "reserved name              | #+ summary: s\\n#+ param: format string optional    | :2: bad parameter name 'format'",
        "parameter the query lacks  | #+ summary: s\\n#+ param: y string optional         | :2: parameter 'y' binds ?y, which the query does not use",
        "dangling continuation      | #+ summary: s\\n#+   more                           | :2: a continuation line must follow",
    })
    void malformedHeaderIsRefusedNamingFileAndLine(String why, String header, String expected) throws IOException {
        Path file = write("bad.rq", header.replace("\\n", "\n") + "\nSELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n");
        CannedQueryException ex = assertThrows(CannedQueryException.class, () -> CannedQuery.read(file));
        assertTrue(ex.getMessage().startsWith(file.toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains(expected), why + ": " + ex.getMessage());
    }

    @Test
    void queryThatDoesNotParseIsRefusedNamingFileLineAndColumn() throws IOException {
        Path file = write("broken.rq", "#+ summary: s\nSELECT ?x WHERE { ?x ?p }\n");
        CannedQueryException ex = assertThrows(CannedQueryException.class, () -> CannedQuery.read(file));
        assertTrue(ex.getMessage().startsWith(file + ":2:"), ex.getMessage());
    }

    @Test
    void arqExtensionsAreRefusedBecauseOtherToolsReadTheseFiles() throws IOException {
        Path file = write("arq.rq", "#+ summary: s\nSELECT ?x WHERE { ?x ?p ?o LET (?y := 1) } ORDER BY ?x\n");
        assertThrows(CannedQueryException.class, () -> CannedQuery.read(file));
    }

    @Test
    void everyMalformedFileOfAFolderIsReported() throws IOException {
        write("a.rq", "#+ summary: s\nSELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n");
        write("b.rq", "#+ summry: s\nSELECT ?x WHERE { ?x ?p ?o }\n");
        write("c.rq", "#+ summary: s\nSELEC ?x\n");
        CannedQueryException ex = assertThrows(CannedQueryException.class, () -> CannedQueries.load(tmp));
        assertTrue(ex.getMessage().contains("b.rq:1:") && ex.getMessage().contains("c.rq:2:"), ex.getMessage());
    }

    @Test
    void fileNameMustBeKebabCase() throws IOException {
        Path file = write("Bad_Name.rq", "#+ summary: s\nSELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n");
        assertThrows(CannedQueryException.class, () -> CannedQuery.read(file));
    }
}
