package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The anachronism checks of the shapes, each broken by a small graph added to the real data: the load is refused
 * with that check's message about that thing. Every statement in these graphs carries a source, so that only the
 * anachronism can be what fails.
 */
class TestAnachronisms {

    private static final String PREFIXES = """
            @prefix dcterms:     <http://purl.org/dc/terms/> .
            @prefix goal:        <https://w3id.org/stalin-kg/id/goal/> .
            @prefix institution: <https://w3id.org/stalin-kg/id/institution/> .
            @prefix outcome:     <https://w3id.org/stalin-kg/id/outcome/> .
            @prefix owl:         <http://www.w3.org/2002/07/owl#> .
            @prefix person:      <https://w3id.org/stalin-kg/id/person/> .
            @prefix policy:      <https://w3id.org/stalin-kg/id/policy/> .
            @prefix rdfs:        <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skg:         <https://w3id.org/stalin-kg/ontology#> .
            @prefix source:      <https://w3id.org/stalin-kg/id/source/> .
            @prefix xsd:         <http://www.w3.org/2001/XMLSchema#> .
            """;

    @TempDir
    Path tmp;

    /** A policy with labels, a description, a goal and a start, each statement sourced. */
    private static String policy(String slug, String start, String end, String extra) {
        StringBuilder ttl = new StringBuilder();
        ttl.append("policy:").append(slug).append(" a skg:EconomicPolicy ; rdfs:label \"Test ").append(slug)
                .append("\"@en , \"Тест ").append(slug).append("\"@ru ; rdfs:comment \"A test policy.\"@en ;\n")
                .append("    skg:servesGoal goal:industrialization ; skg:startDate \"").append(start)
                .append("\"^^xsd:gYear").append(end == null ? "" : " ; skg:endDate \"" + end + "\"^^xsd:gYear")
                .append(" .\n");
        ttl.append(sourced("policy:" + slug, "skg:servesGoal", "goal:industrialization"));
        ttl.append(sourced("policy:" + slug, "skg:startDate", "\"" + start + "\"^^xsd:gYear"));
        if (end != null) {
            ttl.append(sourced("policy:" + slug, "skg:endDate", "\"" + end + "\"^^xsd:gYear"));
        }
        return ttl + extra;
    }

    /** The triple and its owl:Axiom with a source. */
    private static String link(String s, String p, String o) {
        return s + " " + p + " " + o + " .\n" + sourced(s, p, o);
    }

    private static String sourced(String s, String p, String o) {
        return "[] a owl:Axiom ; owl:annotatedSource " + s + " ; owl:annotatedProperty " + p
                + " ; owl:annotatedTarget " + o + " ; dcterms:source source:seed-summary .\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an act after the person's death       | after-death     | died on",
        "the Comintern acting after 1943       | comintern-1950  | which existed",
        "the Warsaw Pact acting before 1955    | warsaw-1950     | which existed",
        "an outcome wholly before its policy   | late-policy     | lies wholly before it",
        "a period that ends before it starts   | backwards       | is after skg:endDate",
    })
    void eachAnachronismIsRefused(String why, String slug, String message) {
        String ttl = switch (slug) {
            case "after-death" -> policy(slug, "1960", null, link("policy:" + slug, "skg:initiatedBy", "person:joseph-stalin"));
            case "comintern-1950" -> policy(slug, "1950", "1951", link("policy:" + slug, "skg:carriedOutBy", "institution:comintern"));
            case "warsaw-1950" -> policy(slug, "1949", "1950", link("policy:" + slug, "skg:carriedOutBy", "institution:warsaw-pact"));
            case "late-policy" -> policy(slug, "1950", null, link("policy:" + slug, "skg:ledTo", "outcome:holodomor"));
            default -> policy(slug, "1937", "1933", "");
        };
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-anachronism.ttl", PREFIXES + ttl);
        GraphLoadException ex = assertThrows(GraphLoadException.class,
                () -> KnowledgeGraphLoader.forProject(root).load(), why);
        List<String> about = ex.problems().stream().filter(p -> p.contains("policy/" + slug)).toList();
        assertTrue(about.stream().anyMatch(p -> p.contains(message)), why + ": " + ex.getMessage());
        assertTrue(ex.problems().stream().noneMatch(p -> p.contains("has no source")), "a test graph mistake: "
                + ex.getMessage());
    }
}
