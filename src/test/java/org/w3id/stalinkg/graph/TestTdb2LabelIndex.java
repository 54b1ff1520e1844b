package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.system.Txn;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The label index kept on disk beside a TDB2 database: a load writes it and the manifest names it; opened, it
 * answers as the index built in memory from the same data; a database written without it still opens and searches;
 * closing the graphs of a folder closes its files.
 */
class TestTdb2LabelIndex {

    @TempDir
    static Path tmp;

    private static Path db;
    private static String loadOutput;

    @BeforeAll
    static void load() {
        db = tmp.resolve("db");
        StringBuilder out = new StringBuilder();
        Tdb2Lib.load(KnowledgeGraphLoader.forProject(ProjectFiles.ROOT), db, false, 500_000,
                (fmt, args) -> out.append(String.format(fmt, args)).append('\n'));
        loadOutput = out.toString();
    }

    @Test
    void loadWritesTheIndexBesideTheDatabaseAndTheManifestNamesIt() {
        var manifest = Tdb2Manifest.read(db);
        String text = manifest.getProperty(Tdb2LabelIndex.MANIFEST_KEY);
        assertEquals(Tdb2LabelIndex.folderFor(manifest.getProperty("database")), text);
        assertTrue(text.matches("text-[0-9]+"), text);
        assertTrue(Files.isDirectory(db.resolve(text)));
        assertTrue(loadOutput.matches("(?s).*indexed [0-9,]+ names for the label search in [0-9,]+ ms.*"), loadOutput);
    }

    @ParameterizedTest
    @ValueSource(strings = {"famin*", "great pur", "Голодомор", "сталин", "purge", "five-year plan", "zzzqqq"})
    void theIndexOnDiskAnswersAsTheOneBuiltInMemory(String typed) {
        String query = typed.endsWith("*") ? typed : LabelIndex.prefixQuery(typed);
        TextIndex inMemory = LabelIndex.build(ProjectFiles.bundledGraph().dataset());
        try (KnowledgeGraph kg = Tdb2Lib.open(db)) {
            TextIndex onDisk = kg.labelIndex();
            assertInstanceOf(FSDirectory.class, ((TextIndexLucene) onDisk).getDirectory());
            Set<String> expected = hits(inMemory, query);
            assertEquals(expected, hits(onDisk, query), query);
            assertEquals(!typed.equals("zzzqqq"), !expected.isEmpty(), query + " finds " + expected);
        }
    }

    @Test
    void aDatabaseWithoutTheIndexOpensAndBuildsItInMemory() throws IOException {
        Path old = tmp.resolve("old-db");
        copy(db, old);
        Path manifest = old.resolve(Tdb2Lib.MANIFEST);
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest, StandardCharsets.ISO_8859_1));
        assertTrue(lines.removeIf(l -> l.startsWith(Tdb2LabelIndex.MANIFEST_KEY + "=")), lines.toString());
        Files.write(manifest, lines, StandardCharsets.ISO_8859_1);
        try (KnowledgeGraph kg = Tdb2Lib.open(old)) {
            TextIndex index = kg.labelIndex();
            assertInstanceOf(ByteBuffersDirectory.class, ((TextIndexLucene) index).getDirectory());
            assertSame(index, kg.labelIndex(), "built once");
            String query = LabelIndex.prefixQuery("famine");
            assertEquals(hits(LabelIndex.build(ProjectFiles.bundledGraph().dataset()), query), hits(index, query));
        }
    }

    @Test
    void aManifestNamingAMissingIndexIsRefusedWithOneLine() throws IOException {
        Path broken = tmp.resolve("broken-db");
        copy(db, broken);
        String text = Tdb2Manifest.read(broken).getProperty(Tdb2LabelIndex.MANIFEST_KEY);
        FolderLib.deleteTree(broken.resolve(text));
        GraphLoadException ex = assertThrows(GraphLoadException.class, () -> Tdb2Lib.open(broken));
        assertTrue(ex.getMessage().contains("the label index"), ex.getMessage());
        assertEquals(1, ex.getMessage().lines().count(), ex.getMessage());
        // Refused before the database was opened: nothing of it is held.
        assertEquals(List.of(), OpenFiles.under(broken));
    }

    @Test
    void graphsOfOneFolderShareItsFilesAndTheLastToCloseReleasesThem() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
        Path own = tmp.resolve("shared-db");
        copy(db, own);
        KnowledgeGraph first = Tdb2Lib.open(own);
        KnowledgeGraph second = Tdb2Lib.open(own);
        assertNotSame(first, second);
        assertSame(first.labelIndex(), second.labelIndex(), "one index per folder");
        String query = LabelIndex.prefixQuery("famine");
        Set<String> expected = hits(first.labelIndex(), query);
        assertFalse(OpenFiles.under(own).isEmpty(), "the database and its index are open");
        first.close();
        first.close();
        assertEquals(expected, hits(second.labelIndex(), query), "still open for the second graph");
        assertEquals(second.size(), (long) Txn.calculateRead(second.dataset(),
                () -> second.dataset().getDefaultGraph().size()));
        second.close();
        assertEquals(List.of(), OpenFiles.under(own));
        try (KnowledgeGraph again = Tdb2Lib.open(own)) {
            assertEquals(expected, hits(again.labelIndex(), query), "opens again once closed");
        }
        assertEquals(List.of(), OpenFiles.under(own));
    }

    /** IRI and name of each hit. */
    private static Set<String> hits(TextIndex index, String query) {
        return index.query(null, query, null, null, 10_000).stream()
                .map(h -> h.getNode() + " " + h.getLiteral()).collect(Collectors.toSet());
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock")) {
                    Files.copy(p, target);
                }
            }
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }
}
