package org.w3id.stalinkg.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The query editor's pure parts: the prefixes it knows and the ontology terms it completes. */
class TestQueryServlet {

    private static final String THINGS = "https://w3id.org/stalin-kg/id/";

    @Test
    void prefixesAreTheVocabularyTheKindsThenTheStandardOnes() {
        Map<String, String> m = QueryServlet.prefixMap(THINGS, List.of("goal", "policy", "time"));
        List<String> order = new ArrayList<>(m.keySet());
        assertEquals(List.of("skg", "goal", "policy", "rdf"), order.subList(0, 4));
        assertEquals(THINGS + "policy/", m.get("policy"));
        assertEquals("http://www.w3.org/2006/time#", m.get("time"), "a kind never hides a standard prefix");
        for (String p : new String[] {"rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "prov", "time", "geo", "wd",
            "bibo"}) {
            assertTrue(m.containsKey(p), p);
        }
    }

    @Test
    void termsAreNamedClassesAndPropertiesWithLabelsAndDefinitions() {
        Graph ontology = GraphFactory.createDefaultGraph();
        RDFParser.fromString("""
                @prefix skg: <https://w3id.org/stalin-kg/ontology#> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                skg:Policy a owl:Class ; rdfs:label "Policy"@en, "Политика"@ru ;
                    skos:definition "A course of action."@en ; rdfs:comment "Not the definition."@en .
                skg:servesGoal a owl:ObjectProperty ; rdfs:label "serves goal"@en ; rdfs:comment "Its goal."@en .
                skg:Old a owl:Class ; owl:deprecated true .
                [] a owl:Class .
                """, Lang.TURTLE).parse(ontology);
        JsonObject doc = JsonParser.parseString(new String(QueryServlet.terms(ontology), StandardCharsets.UTF_8))
                .getAsJsonObject();
        Map<String, JsonObject> byIri = new HashMap<>();
        for (JsonElement e : doc.getAsJsonArray("terms")) {
            byIri.put(e.getAsJsonObject().get("iri").getAsString(), e.getAsJsonObject());
        }
        assertEquals(2, byIri.size(), "no deprecated term, no blank node: " + byIri.keySet());
        JsonObject policy = byIri.get("https://w3id.org/stalin-kg/ontology#Policy");
        assertEquals("class", policy.get("kind").getAsString());
        assertEquals("Политика", policy.getAsJsonObject("labels").get("ru").getAsString());
        assertEquals("A course of action.", policy.get("definition").getAsString());
        JsonObject serves = byIri.get("https://w3id.org/stalin-kg/ontology#servesGoal");
        assertEquals("property", serves.get("kind").getAsString());
        assertEquals("Its goal.", serves.get("definition").getAsString(), "rdfs:comment where there is no definition");
        assertFalse(byIri.containsKey("https://w3id.org/stalin-kg/ontology#Old"));
    }
}
