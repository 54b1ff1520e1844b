package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SPARQL constraints run once over the graph ({@link SparqlPrefilter}) give the report Jena's per-focus-node
 * runs give, entry for entry and in order, on the real data with the SPARQL-based rules broken; and the queries
 * where the two ways differ are left to Jena.
 */
class TestSparqlPrefilter {

    private static final String PREFIXES = """
            @prefix dcterms:     <http://purl.org/dc/terms/> .
            @prefix institution: <https://w3id.org/stalin-kg/id/institution/> .
            @prefix outcome:     <https://w3id.org/stalin-kg/id/outcome/> .
            @prefix owl:         <http://www.w3.org/2002/07/owl#> .
            @prefix person:      <https://w3id.org/stalin-kg/id/person/> .
            @prefix policy:      <https://w3id.org/stalin-kg/id/policy/> .
            @prefix skg:         <https://w3id.org/stalin-kg/ontology#> .
            @prefix source:      <https://w3id.org/stalin-kg/id/source/> .
            @prefix xsd:         <http://www.w3.org/2001/XMLSchema#> .
            """;

    /** Breaks the SPARQL-based rules: sources, axioms, anachronisms, periods, published sources, claims. */
    private static final String BROKEN = PREFIXES + """
            person:joseph-stalin skg:epithet "Unsourced epithet"@en .
            [] a owl:Axiom ; owl:annotatedSource person:joseph-stalin ; owl:annotatedProperty skg:epithet ;
                owl:annotatedTarget "Never stated"@en ; dcterms:source source:seed-summary .
            source:test-untitled a skg:Source ; dcterms:creator "Author A" , "Author B" .
            person:test-person a skg:Person ; skg:birthDate "1950"^^xsd:gYear ; skg:deathDate "1940-01-01"^^xsd:date .
            policy:test-policy a skg:Policy ; skg:startDate "1950"^^xsd:gYear ; skg:endDate "1940"^^xsd:gYear ;
                skg:ledTo outcome:test-outcome ; skg:initiatedBy person:test-person ;
                skg:supportedOrganization institution:comintern .
            outcome:test-outcome a skg:Outcome ; skg:startDate "1900"^^xsd:gYear ; skg:endDate "1901"^^xsd:gYear .
            [] a owl:Axiom ; owl:annotatedSource policy:test-policy ; owl:annotatedProperty skg:ledTo ;
                owl:annotatedTarget outcome:test-outcome ; skg:validFrom "1960"^^xsd:gYear ;
                skg:validUntil "1955"^^xsd:gYear ; dcterms:source source:seed-summary .
            <https://w3id.org/stalin-kg/id/claim/test-claim> a skg:Claim ; skg:hasStatus skg:disputed .
            """;

    @Test
    void theReportIsJenasEntryForEntry() {
        Graph data = brokenData();
        Shapes shapes = Shapes.parse(shapesGraph());
        List<String> plain = new ArrayList<>();
        List<String> split = new ArrayList<>();
        int reduced = 0;
        for (Shape shape : shapes.getTargetShapes()) {
            List<Node> focusNodes = new ArrayList<>(VLib.focusNodes(data, shape));
            SparqlPrefilter.Split s = SparqlPrefilter.split(shape, data, focusNodes);
            ValidationContext jena = ValidationContext.create(shapes, data);
            ValidationContext ours = ValidationContext.create(shapes, data);
            for (Node node : focusNodes) {
                VLib.validateShape(jena, data, shape, node);
                VLib.validateShape(ours, data, s.forNode(node), node);
                reduced += s.forNode(node) == shape ? 0 : 1;
            }
            jena.generateReport().getEntries().forEach(e -> plain.add(e.toString()));
            ours.generateReport().getEntries().forEach(e -> split.add(e.toString()));
        }
        assertEquals(plain, split);
        assertTrue(reduced > 1000, "few focus nodes skipped a constraint: " + reduced);
        for (String rule : List.of("not in the graph", "has no source", "needs a dcterms:title", "Anachronism",
                "is after skg:deathDate", "is after skg:endDate", "ends (1955)", "must be a skg:Correction")) {
            assertTrue(plain.stream().anyMatch(e -> e.contains(rule)), "nothing broke '" + rule + "': " + plain);
        }
    }

    @Test
    void aSelectWhoseTopTripleBindsThisQualifies() {
        assertTrue(SparqlPrefilter.qualifies(QueryFactory.create("""
                SELECT $this ?v WHERE {
                    $this <urn:p> ?v . OPTIONAL { ?v <urn:label> ?l . FILTER (?l != STR($this)) }
                    FILTER NOT EXISTS { $this <urn:q> ?v } BIND (STR($this) AS ?name)
                }""")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT $this WHERE { FILTER NOT EXISTS { $this a <urn:C> } }",
        "SELECT $this WHERE { $this <urn:p> ?v . { FILTER NOT EXISTS { $this <urn:q> ?w } } UNION { BIND (1 AS ?x) } }",
        "SELECT $this WHERE { BIND (STR($this) AS ?s) $this <urn:p> ?v }",
        "SELECT $this WHERE { OPTIONAL { $this <urn:q> ?w } $this <urn:p> ?v }",
        "SELECT $this WHERE { $this <urn:p> ?v . OPTIONAL { ?v <urn:q> ?w BIND (STR($this) AS ?s) } }",
        "SELECT $this WHERE { $this <urn:p> ?v . MINUS { $this <urn:q> ?v } }",
        "SELECT $this WHERE { $this <urn:p> ?v . { SELECT ?v WHERE { ?v <urn:q> $this } } }",
        "SELECT $this WHERE { $this <urn:p> ?v . FILTER (?v != $currentShape) }",
        "SELECT ?v WHERE { $this <urn:p> ?v }",
        "ASK { $this <urn:p> ?v }",
    })
    void aQueryWhereUnboundThisDiffersIsLeftToJena(String query) {
        assertFalse(SparqlPrefilter.qualifies(QueryFactory.create(query)), query);
    }

    private static Graph brokenData() {
        Graph asserted = new GraphMem2Fast();
        Path root = ProjectFiles.ROOT;
        Path shapes = root.resolve("ontology").resolve(KnowledgeGraphLoader.SHAPES_FILE);
        for (Path file : TurtleFiles.list(List.of(root.resolve("ontology"), root.resolve("data")),
                shapes::equals, "Cannot find the data")) {
            TurtleFiles.read(file).addTo(asserted);
        }
        RDFParser.fromString(BROKEN, Lang.TURTLE).parse(asserted);
        Graph derived = new GraphMem2Fast();
        YearLib.deriveYears(asserted, derived);
        return new DisjointUnion(asserted, derived, asserted.getPrefixMapping());
    }

    private static Graph shapesGraph() {
        Graph graph = new GraphMem2Fast();
        TurtleFiles.read(ProjectFiles.ROOT.resolve("ontology").resolve(KnowledgeGraphLoader.SHAPES_FILE)).addTo(graph);
        return graph;
    }
}
