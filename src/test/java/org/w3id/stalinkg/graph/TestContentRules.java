package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of content v2, each broken once in one small file added to the real data: the load is refused, and
 * each problem names the file and line of the thing that breaks it, the rule (the shape), and what is wrong. One
 * load for all the rules; every statement in the file carries a source, so that only the rule under test fails.
 */
class TestContentRules {

    private static final String FILE = "data/zz-broken.ttl";

    private static final String TTL = """
            @prefix bibo:        <http://purl.org/ontology/bibo/> .
            @prefix dcterms:     <http://purl.org/dc/terms/> .
            @prefix estimate:    <https://w3id.org/stalin-kg/id/estimate/> .
            @prefix geo:         <http://www.opengis.net/ont/geosparql#> .
            @prefix outcome:     <https://w3id.org/stalin-kg/id/outcome/> .
            @prefix owl:         <http://www.w3.org/2002/07/owl#> .
            @prefix person:      <https://w3id.org/stalin-kg/id/person/> .
            @prefix policy:      <https://w3id.org/stalin-kg/id/policy/> .
            @prefix rdfs:        <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix region:      <https://w3id.org/stalin-kg/id/region/> .
            @prefix skg:         <https://w3id.org/stalin-kg/ontology#> .
            @prefix source:      <https://w3id.org/stalin-kg/id/source/> .
            @prefix xsd:         <http://www.w3.org/2001/XMLSchema#> .

            estimate:no-measure
                a skg:Estimate ;
                rdfs:label "Test estimate"@en ;
                rdfs:label "Тестовая оценка"@ru ;
                rdfs:comment "An estimate that does not say what it counts."@en ;
                dcterms:source source:conquest-1990-great-terror-reassessment ;
                skg:minimumValue 1 ;
            .

            estimate:page-of-another-work
                a skg:Estimate ;
                rdfs:label "Test estimate with a citation"@en ;
                rdfs:label "Тестовая оценка со ссылкой"@ru ;
                rdfs:comment "An estimate whose page citation points into a work it does not name as its source."@en ;
                dcterms:source source:conquest-1990-great-terror-reassessment ;
                skg:citation [ skg:citedSource source:applebaum-2003-gulag ; bibo:pages "12" ] ;
                skg:measure "People counted for a test."@en ;
                skg:minimumValue 1 ;
            .

            person:joseph-stalin skg:epithet "Test epithet"@en .
            [] a owl:Axiom ;
                owl:annotatedSource person:joseph-stalin ;
                owl:annotatedProperty skg:epithet ;
                owl:annotatedTarget "Test epithet"@en ;
                skg:validFrom "1950"^^xsd:gYear ;
                skg:validUntil "1940"^^xsd:gYear ;
                dcterms:source source:seed-summary .

            policy:collectivization skg:affectedRegion region:kazakh-ssr .
            [] a owl:Axiom ;
                owl:annotatedSource policy:collectivization ;
                owl:annotatedProperty skg:affectedRegion ;
                owl:annotatedTarget region:kazakh-ssr ;
                skg:validFrom "1910"^^xsd:gYear ;
                dcterms:source source:seed-summary .

            region:ukrainian-ssr geo:hasGeometry <https://w3id.org/stalin-kg/id/geometry/test> .
            <https://w3id.org/stalin-kg/id/geometry/test> geo:asWKT "30.5 50.4" .

            region:test-region
                a skg:Region ;
                rdfs:label "Test region"@en ;
                rdfs:label "Тестовый регион"@ru ;
                rdfs:comment "A region with no location."@en ;
            .

            source:test-book
                a skg:Source ;
                rdfs:label "A test book"@en ;
                rdfs:label "Тестовая книга"@ru ;
                rdfs:comment "A book with a mistyped ISBN."@en ;
                bibo:isbn13 "9780195071321" ;
                dcterms:creator "Test Author" ;
                dcterms:date "1990"^^xsd:gYear ;
                dcterms:publisher "Test Press" ;
                dcterms:title "A Test Book"@en ;
            .
            """;

    @TempDir
    static Path tmp;

    private static List<String> problems;

    @BeforeAll
    static void loadTheBrokenFile() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, FILE, TTL);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load());
        problems = ex.problems();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an estimate without what it counts      | estimate:no-measure         | EstimateShape             | skg:measure",
        "a page in a work the node does not cite | estimate:page-of-another    | CitationShape             | not a dcterms:source",
        "a period that ends before it starts     | person:joseph-stalin        | TimeQualifiedStatement    | before it starts",
        "a statement outside its subject's life  | policy:collectivization     | TimeQualifiedStatement    | outside its subject's own period",
        "a location that is not WKT              | region:ukrainian-ssr        | GeometryShape             | geo:asWKT",
        "an ISBN with a wrong check digit        | source:test-book            | SourceIdentifierShape     | check digit",
        "a region without a location             | region:test-region          | RegionLocationShape       | needs a location",
    })
    void eachBrokenRuleStopsTheLoadNamingFileLineAndRule(String why, String subject, String rule, String message) {
        List<String> about = problems.stream().filter(p -> p.contains(rule) && p.contains(message)).toList();
        assertTrue(!about.isEmpty(), why + ": no problem from " + rule + " saying '" + message + "' in " + problems);
        assertTrue(about.stream().anyMatch(p -> p.matches("(?s).*\\.ttl:\\d+: \\[" + rule + ".*")),
                why + ": the problem does not name a file and line, then the rule: " + about);
    }
}
