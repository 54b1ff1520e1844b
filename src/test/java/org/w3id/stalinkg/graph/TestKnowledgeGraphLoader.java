package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.vocab.SKG;

class TestKnowledgeGraphLoader {

    private static final String PREFIXES = """
            @prefix goal:   <https://w3id.org/stalin-kg/id/goal/> .
            @prefix policy: <https://w3id.org/stalin-kg/id/policy/> .
            @prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skg:    <https://w3id.org/stalin-kg/ontology#> .
            @prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
            """;

    @TempDir
    Path tmp;

    @Test
    void everyBundledFileParsesAndTheGraphConformsToTheShapes() throws Exception {
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        List<Path> expected;
        try (Stream<Path> data = Files.list(ProjectFiles.ROOT.resolve("data"))) {
            expected = data.filter(p -> p.toString().endsWith(".ttl")).toList();
        }
        assertFalse(expected.isEmpty(), "data/ holds no Turtle");
        for (Path file : expected) {
            Long triples = kg.triplesPerFile().get(file);
            assertTrue(triples != null && triples > 0, file + " was not loaded or is empty");
        }
        assertTrue(kg.triplesPerFile().containsKey(ProjectFiles.ROOT.resolve("ontology/stalin-kg.ttl")));
    }

    @Test
    void shapesAreNotServedAsData() {
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        boolean hasShapes = Txn.calculateRead(kg.dataset(), () ->
                kg.dataset().getDefaultGraph().contains(Node.ANY, RDF.type.asNode(), SHACL.NodeShape));
        assertFalse(hasShapes, "shapes.ttl is the shapes graph, not data");
        assertFalse(kg.triplesPerFile().containsKey(ProjectFiles.ROOT.resolve("ontology/shapes.ttl")));
    }

    @Test
    void brokenTurtleIsRefusedNamingFileLineAndColumn() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-broken.ttl", PREFIXES + """
                policy:x a skg:Policy ;
                    rdfs:label "X"@en
                policy:y a skg:Policy .
                """);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertEquals(1, ex.problems().size(), ex.getMessage());
        String problem = ex.problems().get(0);
        assertTrue(problem.startsWith(root.resolve("data/zz-broken.ttl") + ":8:"), problem);
    }

    @Test
    void everyBrokenFileIsReportedNotOnlyTheFirst() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-broken-1.ttl", "@prefix : <http://example.org/> .\n:a :b :c\n");
        ProjectFiles.write(root, "data/zz-broken-2.ttl", "@prefix : <http://example.org/> .\n:a :b \"unclosed .\n");
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertEquals(2, ex.problems().size(), ex.getMessage());
        assertTrue(ex.problems().get(0).matches(".*zz-broken-1\\.ttl:3:1: Triples not terminated by DOT"), ex.getMessage());
        assertTrue(ex.problems().get(1).matches(".*zz-broken-2\\.ttl:\\d+:\\d+: .*string.*"), ex.getMessage());
    }

    @Test
    void illTypedLiteralIsAnErrorNotAWarning() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-ill-typed.ttl", PREFIXES + """
                policy:x skg:startDate "the thirties"^^xsd:gYear .
                """);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertTrue(ex.problems().get(0).startsWith(root.resolve("data/zz-ill-typed.ttl") + ":6:"), ex.getMessage());
    }

    @Test
    void policyServingNoGoalIsRefusedNamingFocusNodeAndPath() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-goalless.ttl", PREFIXES + """
                policy:goalless a skg:EconomicPlan ;
                    rdfs:label "Goalless plan"@en , "План без цели"@ru ;
                    skg:startDate "1930"^^xsd:gYear .
                """);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertTrue(ex.problems().stream().anyMatch(p ->
                        p.contains("policy/goalless") && p.contains(SKG.NS + "servesGoal")),
                ex.getMessage());
    }

    @Test
    void periodEndingBeforeItStartsIsRefused() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-backwards.ttl", PREFIXES + """
                policy:backwards a skg:EconomicPlan ;
                    rdfs:label "Backwards plan"@en , "Обратный план"@ru ;
                    skg:servesGoal goal:industrialization ;
                    skg:startDate "1937"^^xsd:gYear ;
                    skg:endDate "1933"^^xsd:gYear .
                """);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertTrue(ex.problems().stream().anyMatch(p -> p.contains("policy/backwards")), ex.getMessage());
    }

    @Test
    void outcomeThatNoPolicyLedToIsRefused() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-orphan.ttl", PREFIXES + """
                <https://w3id.org/stalin-kg/id/outcome/orphan> a skg:EconomicOutcome ;
                    rdfs:label "Orphan outcome"@en , "Исход без политики"@ru .
                """);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertTrue(ex.problems().stream().anyMatch(p -> p.contains("outcome/orphan")), ex.getMessage());
    }

    @Test
    void dateWithoutADateDatatypeIsRefused() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-string-date.ttl", PREFIXES + """
                policy:string-dated a skg:EconomicPlan ;
                    rdfs:label "String-dated plan"@en , "План с датой-строкой"@ru ;
                    skg:servesGoal goal:industrialization ;
                    skg:startDate "1930" .
                """);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertTrue(ex.problems().stream().anyMatch(p ->
                p.contains("policy/string-dated") && p.contains(SKG.NS + "startDate")), ex.getMessage());
    }

    @Test
    void policyWithoutAnEnglishLabelIsRefused() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-unlabelled.ttl", PREFIXES + """
                policy:unlabelled a skg:EconomicPlan ;
                    rdfs:label "План без английского названия"@ru ;
                    skg:servesGoal goal:industrialization ;
                    skg:startDate "1930"^^xsd:gYear .
                """);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertTrue(ex.problems().stream().anyMatch(p -> p.contains("policy/unlabelled") && p.contains("label")),
                ex.getMessage());
    }

    @Test
    void missingDataFolderIsRefused() {
        ProjectFiles.copyProjectTo(tmp);
        Path root = tmp.resolve("elsewhere");
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        assertTrue(ex.getMessage().contains("no such folder"), ex.getMessage());
    }

    @Test
    void yearsAreDerivedFromDatesOfEveryPrecision() {
        Graph g = GraphFactory.createDefaultGraph();
        Node a = NodeFactory.createURI("http://example.org/a");
        Node b = NodeFactory.createURI("http://example.org/b");
        Node c = NodeFactory.createURI("http://example.org/c");
        g.add(Triple.create(a, SKG.startDate.asNode(), NodeFactory.createLiteralDT("1928-10-01", XSDDatatype.XSDdate)));
        g.add(Triple.create(b, SKG.startDate.asNode(), NodeFactory.createLiteralDT("1936-08", XSDDatatype.XSDgYearMonth)));
        g.add(Triple.create(c, SKG.endDate.asNode(), NodeFactory.createLiteralDT("1941", XSDDatatype.XSDgYear)));
        YearLib.deriveYears(g);
        assertEquals(Map.of("a", 1928, "b", 1936), Map.of(
                "a", year(g, a, SKG.startYear.asNode()), "b", year(g, b, SKG.startYear.asNode())));
        assertEquals(1941, year(g, c, SKG.endYear.asNode()));
    }

    @Test
    void servedDatasetCannotBeChanged() {
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        long before = kg.size();
        Triple t = Triple.create(NodeFactory.createURI("http://example.org/s"), RDF.type.asNode(), SKG.Policy.asNode());
        assertThrows(RuntimeException.class, () -> Txn.executeWrite(kg.dataset(), () -> kg.dataset().getDefaultGraph().add(t)));
        assertThrows(RuntimeException.class, () -> Txn.executeWrite(kg.dataset(), () -> kg.dataset().add(
                NodeFactory.createURI("http://example.org/g"), t.getSubject(), t.getPredicate(), t.getObject())));
        assertEquals(before, kg.size());
    }

    private static int year(Graph g, Node s, Node p) {
        List<Triple> found = g.find(s, p, Node.ANY).toList();
        assertEquals(1, found.size(), "one " + p + " for " + s);
        return ((Number) found.get(0).getObject().getLiteralValue()).intValue();
    }
}
