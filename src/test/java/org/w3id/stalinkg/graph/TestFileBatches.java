package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batches a large load is checked in: which files belong together ({@link FileBatches}), and that a load in
 * batches writes exactly the graph the in-memory load makes.
 */
class TestFileBatches {

    private static final String PREFIXES = """
            @prefix ex: <http://example.org/> .
            @prefix o: <http://example.org/onto#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            """;

    @TempDir
    Path dir;

    /**
     * A project whose files belong together in known ways: a and b (a points to what b describes), c and f (both
     * describe c), d alone (it shares with c only an ontology class and an outside IRI nobody describes), e with the
     * ontology (which points to what e describes).
     */
    private KnowledgeGraphLoader project() throws IOException {
        write("ontology/o.ttl", "o:Policy a owl:Class ; rdfs:seeAlso ex:e . o:link a owl:ObjectProperty .");
        write("data/a.ttl", "ex:a o:link ex:b .");
        write("data/b.ttl", "ex:b rdfs:label \"b\" . ex:b o:link ex:b2 .");
        write("data/c.ttl", "ex:c a o:Policy ; o:link <http://outside.example/x> .");
        write("data/d.ttl", "ex:d a o:Policy ; o:link <http://outside.example/x> .");
        write("data/e.ttl", "ex:e rdfs:label \"e\" .");
        write("data/f.ttl", "ex:c rdfs:label \"c\" .");
        return KnowledgeGraphLoader.forProject(dir);
    }

    private void write(String file, String turtle) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, PREFIXES + turtle + "\n");
    }

    private FileBatches.Plan plan(KnowledgeGraphLoader loader, long batchTriples) {
        List<String> progress = new ArrayList<>();
        FileBatches.Plan plan = LoadWorkers.with(w -> FileBatches.plan(loader.files(), loader::isOntologyFile,
                batchTriples, w, (fmt, args) -> progress.add(String.format(fmt, args))));
        assertEquals(1, progress.size(), "one line says what was planned: " + progress);
        return plan;
    }

    private List<String> names(List<Path> files) {
        return files.stream().map(p -> dir.relativize(p).toString()).toList();
    }

    @Test
    void filesThatDescribeOrPointToTheSameThingsAreOneComponentAndTheOntologysAreTheCore() throws IOException {
        FileBatches.Plan plan = plan(project(), 1);
        assertEquals(List.of("ontology/o.ttl", "data/e.ttl"), names(plan.core()));
        List<List<String>> batches = plan.batches().stream().map(this::names).toList();
        assertEquals(List.of(List.of("data/a.ttl", "data/b.ttl"), List.of("data/c.ttl", "data/f.ttl"),
                List.of("data/d.ttl")), batches, "one component a batch, in the load order of their first files");
    }

    @Test
    void componentsArePackedUpToTheBatchSizeAndNeverSplit() throws IOException {
        KnowledgeGraphLoader loader = project();
        FileBatches.Plan all = plan(loader, 1_000);
        assertEquals(List.of(List.of("data/a.ttl", "data/b.ttl", "data/c.ttl", "data/d.ttl", "data/f.ttl")),
                all.batches().stream().map(this::names).toList());
        // a+b hold 3 triples, c+f 3, d 2: with at most 5, c+f would make 6 with a+b, so it starts a new batch, which d
        // joins (5).
        FileBatches.Plan five = plan(loader, 5);
        assertEquals(List.of(List.of("data/a.ttl", "data/b.ttl"), List.of("data/c.ttl", "data/d.ttl", "data/f.ttl")),
                five.batches().stream().map(this::names).toList());
        assertEquals(Map.of("a.ttl", 1L, "b.ttl", 2L), Map.of("a.ttl", five.triplesPerFile().get(dir.resolve(
                "data/a.ttl")), "b.ttl", five.triplesPerFile().get(dir.resolve("data/b.ttl"))));
    }

    @Test
    void aFileThatDoesNotParseIsNamedWithLineAndColumnBeforeAnythingIsChecked() throws IOException {
        KnowledgeGraphLoader loader = project();
        write("data/g.ttl", "ex:g ex:p .");
        GraphLoadException ex = assertThrows(GraphLoadException.class, () -> plan(loader, 1));
        assertEquals(1, ex.problems().size(), ex.problems().toString());
        assertTrue(ex.problems().get(0).startsWith(dir.resolve("data/g.ttl") + ":5:"), ex.problems().get(0));
    }

    @Test
    void theHashIsStableAnd43Bits() {
        long h = FileBatches.hash("https://w3id.org/stalin-kg/id/person/joseph-stalin");
        assertEquals(h, FileBatches.hash("https://w3id.org/stalin-kg/id/person/joseph-stalin"));
        assertTrue(h >= 0 && h < (1L << 43));
        assertFalse(h == FileBatches.hash("https://w3id.org/stalin-kg/id/person/joseph-stalin-s1"));
    }

    /**
     * The proof that batches lose nothing: the curated data and a synthetic copy, loaded into TDB2 one component a
     * batch (the core, the curated files, the copy), give the same dataset as the in-memory load, byte for byte in
     * the N-Quads dump (default graph, asserted and inferred), and the same counts.
     */
    @Test
    void aLoadInBatchesWritesTheGraphTheInMemoryLoadMakes() {
        Path project = dir.resolve("scale-2");
        SyntheticDataLib.generate(Path.of("."), project, 2, null);
        Path db = dir.resolve("db");
        List<String> progress = new ArrayList<>();
        Tdb2Lib.LoadReport report = Tdb2Lib.load(KnowledgeGraphLoader.forProject(project), db, false, 1,
                (fmt, args) -> progress.add(String.format(fmt, args)));
        assertEquals(2, report.batches(), "the curated files, and the copy: " + progress);
        KnowledgeGraph inMemory = KnowledgeGraphLoader.forProject(project).load();
        KnowledgeGraph fromDisk = Tdb2Lib.open(db);
        assertEquals(inMemory.size(), report.triples());
        assertEquals(inMemory.assertedSize(), report.asserted());
        assertEquals(inMemory.inferredSize(), report.inferred());
        assertEquals(inMemory.contentHash(), fromDisk.contentHash());
        assertEquals(inMemory.triplesPerFile(), fromDisk.triplesPerFile());
        String nq = DumpLib.NQUADS.fileName();
        assertArrayEquals(inMemory.dumps().get(nq), fromDisk.dumps().get(nq), "the N-Quads dumps differ");
        String ttl = DumpLib.FORMATS.get(0).fileName();
        assertArrayEquals(inMemory.dumps().get(ttl), fromDisk.dumps().get(ttl), "the prefixes or triples differ");
    }

    @Test
    void aViolationInABatchStopsTheLoadNamingItsFileAndLeavesNoDatabase() throws IOException {
        Path project = dir.resolve("broken-2");
        SyntheticDataLib.generate(Path.of("."), project, 2, null);
        Path copy = project.resolve("data").resolve(SyntheticDataLib.fileName(1, 2));
        // A year that is not a year, in the copy only: the curated batch passes, the copy's fails.
        Files.writeString(copy, Files.readString(copy) + "<https://w3id.org/stalin-kg/id/person/joseph-stalin-s1> "
                + "<https://w3id.org/stalin-kg/ontology#birthDate> \"not a date\" .\n");
        Path db = dir.resolve("db2");
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> Tdb2Lib.load(KnowledgeGraphLoader.forProject(project), db, false, 1, null));
        assertTrue(ex.problems().stream().anyMatch(p -> p.startsWith(copy.toString() + ":")), ex.problems().toString());
        assertFalse(Tdb2Lib.isDatabase(db));
        try (var listing = Files.list(dir)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().contains(".loading-")),
                    "the half-written database is deleted");
        }
    }
}
