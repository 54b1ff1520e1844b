package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What the ontology entails is served, and kept apart from what the files state: the default graph answers
 * queries that need inference, {@code graph/asserted} holds the stated statements, {@code graph/inferred} the rest.
 */
class TestInference {

    private static final String PREFIXES = """
            PREFIX goal:    <https://w3id.org/stalin-kg/id/goal/>
            PREFIX outcome: <https://w3id.org/stalin-kg/id/outcome/>
            PREFIX policy:  <https://w3id.org/stalin-kg/id/policy/>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            PREFIX region:  <https://w3id.org/stalin-kg/id/region/>
            PREFIX skg:     <https://w3id.org/stalin-kg/ontology#>
            """;
    private static final String ASSERTED = "<https://w3id.org/stalin-kg/graph/asserted>";
    private static final String INFERRED = "<https://w3id.org/stalin-kg/graph/inferred>";

    /** True for the default graph, and tells whether the statement was stated or inferred. */
    private static void assertInferredOnly(String triple) {
        assertTrue(ProjectFiles.ask(PREFIXES + "ASK { " + triple + " }"), "not served: " + triple);
        assertFalse(ProjectFiles.ask(PREFIXES + "ASK { GRAPH " + ASSERTED + " { " + triple + " } }"),
                "stated, not inferred: " + triple);
        assertTrue(ProjectFiles.ask(PREFIXES + "ASK { GRAPH " + INFERRED + " { " + triple + " } }"),
                "not in the inferred graph: " + triple);
    }

    @Test
    void aPlanIsFoundAsAPolicyOnlyThroughTheClassHierarchy() {
        assertInferredOnly("policy:first-five-year-plan a skg:Policy");
        assertInferredOnly("policy:first-five-year-plan a prov:Activity");
        long plansAsPolicies = ProjectFiles.select(PREFIXES + "SELECT ?p WHERE { ?p a skg:Policy }").size();
        assertTrue(plansAsPolicies >= 19, "policies found with a plain query: " + plansAsPolicies);
    }

    @Test
    void anOutcomeIsFoundFromTheInverseProperty() {
        assertInferredOnly("outcome:holodomor skg:resultedFrom policy:collectivization");
        assertInferredOnly("goal:industrialization skg:goalServedBy policy:first-five-year-plan");
    }

    @Test
    void partOfIsTransitive() {
        assertInferredOnly("region:north-caucasus skg:partOf region:soviet-union");
    }

    @Test
    void statedAndInferredAreDisjointAndTogetherAreTheServedGraph() {
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        assertFalse(ProjectFiles.ask("ASK { GRAPH " + ASSERTED + " { ?s ?p ?o } GRAPH " + INFERRED + " { ?s ?p ?o } }"));
        assertEquals(kg.size(), kg.assertedSize() + kg.inferredSize());
        assertTrue(kg.inferredSize() > 200, "inferred: " + kg.inferredSize());
    }

    @Test
    void unionDomainsGiveNoBlankNodeTypes() {
        assertFalse(ProjectFiles.ask("ASK { GRAPH " + INFERRED + " { ?x a ?class FILTER(isBlank(?class)) } }"));
        assertFalse(ProjectFiles.ask("ASK { GRAPH " + INFERRED + " { ?x a ?class FILTER(isLiteral(?x)) } }"));
    }
}
