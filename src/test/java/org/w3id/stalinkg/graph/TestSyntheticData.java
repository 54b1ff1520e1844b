package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.api.CannedQuery;
import org.w3id.stalinkg.api.CannedQueryRunner;
import org.w3id.stalinkg.api.ResultFormat;
import org.w3id.stalinkg.cli.StalinKgCmd;
import org.w3id.stalinkg.store.LocalStore;

import picocli.CommandLine;

/** {@code generate}: a project folder with N times the curated data that loads, validates and answers as the project. */
class TestSyntheticData {

    @TempDir
    static Path tmp;

    private static Path scale3;
    private static String generateOutput;

    @BeforeAll
    static void generate() {
        scale3 = tmp.resolve("scale-3");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "generate", "--scale", "3", "--out", scale3.toString()), err.toString());
        generateOutput = out.toString();
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cmd = StalinKgCmd.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void generatedProjectValidatesWithAboutThreeTimesTheCuratedTriples() {
        KnowledgeGraph curated = ProjectFiles.bundledGraph();
        KnowledgeGraph kg = KnowledgeGraphLoader.forProject(scale3).load();
        double ratio = (double) kg.assertedSize() / curated.assertedSize();
        // The ontology is not copied, and identity links are left out of the copies: a little under 3.
        assertTrue(ratio > 2.7 && ratio <= 3.0, "asserted " + kg.assertedSize() + " vs curated " + curated.assertedSize());
        assertTrue(kg.size() > 2.7 * curated.size(), kg.size() + " vs " + curated.size());
        assertTrue(Files.isRegularFile(scale3.resolve("data/synthetic-0001.ttl")));
        assertTrue(Files.isRegularFile(scale3.resolve("data/synthetic-0002.ttl")));
        assertFalse(Files.exists(scale3.resolve("data/synthetic-0003.ttl")));
        assertTrue(generateOutput.contains("2 synthetic copies"), generateOutput);
    }

    @Test
    void validateCommandAcceptsTheGeneratedProject() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "validate", "--root", scale3.toString()), err.toString());
        assertTrue(out.toString().contains("data/synthetic-0002.ttl"), out.toString());
    }

    @Test
    void everyCannedQueryAnswersOnTheGeneratedProject() {
        KnowledgeGraph kg = KnowledgeGraphLoader.forProject(scale3).load();
        CannedQueries queries = CannedQueries.load(scale3.resolve("queries"));
        assertEquals(ProjectFiles.cannedQueries().all().size(), queries.all().size());
        CannedQueryRunner runner = new CannedQueryRunner(new LocalStore(kg), Duration.ofSeconds(30), 10_000);
        for (CannedQuery query : queries.all()) {
            Map<String, String[]> params = new HashMap<>();
            query.params().stream().filter(p -> p.example() != null)
                    .forEach(p -> params.put(p.name(), new String[] {p.example()}));
            Map<String, Node> bindings = CannedQueryRunner.bind(query, params);
            boolean graph = !query.query().isSelectType() && !query.query().isAskType();
            CannedQueryRunner.Result answer = runner.answer(query, bindings, graph ? ResultFormat.N_TRIPLES : ResultFormat.TSV);
            String body = new String(answer.body(), StandardCharsets.UTF_8);
            assertTrue(body.lines().count() > (graph ? 0 : 1), query.name() + " answered nothing:\n" + body);
        }
    }

    @Test
    void copiesRenameThingsMarkLabelsAndClaimNoWikidataEntity() throws IOException {
        String copy = Files.readString(scale3.resolve("data/synthetic-0002.ttl"));
        assertTrue(copy.contains("<https://w3id.org/stalin-kg/id/policy/great-purge-s2>"), "renamed things");
        assertFalse(copy.contains("<https://w3id.org/stalin-kg/id/policy/great-purge>"), "no curated thing");
        assertTrue(copy.contains("<https://w3id.org/stalin-kg/ontology#RepressionCampaign>"), "ontology terms kept");
        assertTrue(copy.contains("\"Great Purge (synthetic 2)\"@en"), "labels marked");
        assertFalse(copy.contains("wikidata.org/entity"), "no Wikidata entity");
        assertFalse(copy.contains("owl#sameAs"), "no owl:sameAs");
        for (String line : copy.lines().filter(l -> l.contains("rdf-schema#label>")).toList()) {
            assertTrue(line.contains("(synthetic 2)"), line);
        }
        assertTrue(Files.readString(scale3.resolve("README.txt")).contains("SYNTHETIC"));
    }

    @Test
    void blankNodesAreDistinctPerCopy() throws IOException {
        Pattern blank = Pattern.compile("_:[A-Za-z0-9]+");
        Set<String> first = blanks(scale3.resolve("data/synthetic-0001.ttl"), blank);
        Set<String> second = blanks(scale3.resolve("data/synthetic-0002.ttl"), blank);
        assertFalse(first.isEmpty());
        assertEquals(first.size(), second.size());
        Set<String> both = new HashSet<>(first);
        both.retainAll(second);
        assertTrue(both.isEmpty(), "shared blank node labels: " + both);
    }

    private static Set<String> blanks(Path file, Pattern blank) throws IOException {
        Set<String> labels = new HashSet<>();
        Matcher m = blank.matcher(Files.readString(file));
        while (m.find()) {
            labels.add(m.group());
        }
        return labels;
    }

    @Test
    void sameInputGivesTheSameBytes() throws IOException {
        Path again = tmp.resolve("again");
        SyntheticDataLib.generate(ProjectFiles.ROOT, again, 3, null);
        List<Path> files;
        try (Stream<Path> s = Files.walk(scale3)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            Path other = again.resolve(scale3.relativize(f).toString());
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), f.toString());
        }
    }

    @Test
    void nonEmptyOutputFolderAndBadScaleAreRefusedWithOneLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "generate", "--scale", "2", "--out", scale3.toString()));
        assertTrue(err.toString().contains("not an empty folder"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticDataLib.generate(ProjectFiles.ROOT, tmp.resolve("zero"), 0, null));
    }
}
