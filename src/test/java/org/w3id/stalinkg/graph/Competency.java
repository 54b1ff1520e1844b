package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.stalinkg.graph.ProjectFiles.column;
import static org.w3id.stalinkg.graph.ProjectFiles.select;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.w3id.stalinkg.vocab.SKG;

/**
 * What the competency questions share: the prefixes a user of /sparql would declare (one per kind of thing), and
 * answers as ids ({@code policy/great-purge}) rather than full IRIs, so that expected answers read plainly.
 */
final class Competency {

    /** The prefixes of the queries: the vocabularies, and one per kind of thing under {@code id/}. */
    static final String PREFIXES = """
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX estimate: <https://w3id.org/stalin-kg/id/estimate/>
            PREFIX event:   <https://w3id.org/stalin-kg/id/event/>
            PREFIX goal:    <https://w3id.org/stalin-kg/id/goal/>
            PREFIX group:   <https://w3id.org/stalin-kg/id/group/>
            PREFIX institution: <https://w3id.org/stalin-kg/id/institution/>
            PREFIX office:  <https://w3id.org/stalin-kg/id/office/>
            PREFIX outcome: <https://w3id.org/stalin-kg/id/outcome/>
            PREFIX owl:     <http://www.w3.org/2002/07/owl#>
            PREFIX person:  <https://w3id.org/stalin-kg/id/person/>
            PREFIX policy:  <https://w3id.org/stalin-kg/id/policy/>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX region:  <https://w3id.org/stalin-kg/id/region/>
            PREFIX skg:     <https://w3id.org/stalin-kg/ontology#>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            PREFIX source:  <https://w3id.org/stalin-kg/id/source/>
            PREFIX term:    <https://w3id.org/stalin-kg/id/office-term/>
            PREFIX wd:      <http://www.wikidata.org/entity/>
            PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
            """;

    /** The namespace of things, to write an expected IRI in full. */
    static final String ID = SKG.ID_BASE;

    private Competency() {}

    /** The values of {@code var} in the answer to {@code query} (prefixes added), things as ids, sorted. */
    static Set<String> ids(String query, String var) {
        return new TreeSet<>(orderedIds(query, var));
    }

    /** The values of {@code var} in the answer to {@code query} (prefixes added), things as ids, in answer order. */
    static List<String> orderedIds(String query, String var) {
        return column(select(PREFIXES + query), var).stream()
                .map(v -> v.startsWith(SKG.ID_BASE) ? v.substring(SKG.ID_BASE.length()) : v).toList();
    }

    static void assertContainsAll(Set<String> actual, String... expected) {
        for (String e : expected) {
            assertTrue(actual.contains(e), "missing " + e + " in " + actual);
        }
    }
}
