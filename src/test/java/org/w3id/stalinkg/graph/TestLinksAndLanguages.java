package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every individual is named in English and Russian, described in English, and linked to Wikidata soundly. */
class TestLinksAndLanguages {

    private static final String PREFIXES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skg:  <https://w3id.org/stalin-kg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    @Test
    void everyIndividualHasOneEnglishLabelAndARussianOne() {
        List<String> unnamed = ProjectFiles.column(ProjectFiles.select(PREFIXES + """
                SELECT DISTINCT ?x WHERE {
                  ?x a ?class . FILTER(STRSTARTS(STR(?class), STR(skg:)))
                  FILTER(STRSTARTS(STR(?x), "https://w3id.org/stalin-kg/id/"))
                  FILTER(NOT EXISTS { ?x rdfs:label ?ru . FILTER(LANGMATCHES(LANG(?ru), "ru")) }
                         || NOT EXISTS { ?x rdfs:label ?en . FILTER(LANGMATCHES(LANG(?en), "en")) })
                } ORDER BY ?x"""), "x");
        assertTrue(unnamed.isEmpty(), "without an English or a Russian label: " + unnamed);
    }

    @Test
    void everyIndividualButAClaimHasAnEnglishDescription() {
        List<String> undescribed = ProjectFiles.column(ProjectFiles.select(PREFIXES + """
                SELECT DISTINCT ?x WHERE {
                  ?x a ?class . FILTER(STRSTARTS(STR(?class), STR(skg:)) && ?class != skg:Claim)
                  FILTER(STRSTARTS(STR(?x), "https://w3id.org/stalin-kg/id/"))
                  FILTER NOT EXISTS { ?x rdfs:comment ?d . FILTER(LANGMATCHES(LANG(?d), "en")) }
                } ORDER BY ?x"""), "x");
        assertTrue(undescribed.isEmpty(), "without an English description (a claim's text is its own): " + undescribed);
    }

    @Test
    void ukrainianAndKazakhThingsAreNamedInTheirLanguages() {
        for (String[] thing : new String[][] {
            {"region/ukrainian-ssr", "uk"}, {"outcome/holodomor", "uk"}, {"region/ukraine", "uk"},
            {"region/kazakh-assr", "kk"}, {"region/kazakhstan", "kk"}, {"outcome/kazakh-famine-1930-1933", "kk"}}) {
            assertTrue(ProjectFiles.ask(PREFIXES + "ASK { <https://w3id.org/stalin-kg/id/" + thing[0]
                    + "> rdfs:label ?l . FILTER(LANGMATCHES(LANG(?l), \"" + thing[1] + "\")) }"),
                    thing[0] + " has no @" + thing[1] + " label");
        }
    }

    @Test
    void wikidataLinksAreEntityIrisAndTheConfirmedOnesAreRight() {
        List<String> bad = ProjectFiles.column(ProjectFiles.select(PREFIXES + """
                SELECT ?target WHERE { ?x skos:exactMatch ?target .
                  FILTER(!REGEX(STR(?target), "^http://www\\\\.wikidata\\\\.org/entity/Q[1-9][0-9]*$")) }"""), "target");
        assertTrue(bad.isEmpty(), "not a Wikidata entity IRI: " + bad);
        // From shared/reference/wikidata-qids.tsv: the identifiers confirmed for these entities.
        String[][] confirmed = {
            {"person/joseph-stalin", "Q855"}, {"region/soviet-union", "Q15180"}, {"region/ukrainian-ssr", "Q133356"},
            {"outcome/holodomor", "Q165058"}, {"institution/nkvd", "Q182449"}, {"institution/warsaw-pact", "Q41644"},
            {"region/polish-peoples-republic", "Q211274"}, {"region/german-democratic-republic", "Q16957"},
            {"policy/great-purge", "Q187650"}, {"institution/gulag", "Q161448"}};
        for (String[] link : confirmed) {
            List<String> targets = ProjectFiles.column(ProjectFiles.select(PREFIXES
                    + "SELECT ?t WHERE { <https://w3id.org/stalin-kg/id/" + link[0] + "> skos:exactMatch ?t }"), "t");
            assertEquals(List.of("http://www.wikidata.org/entity/" + link[1]), targets, link[0]);
        }
    }
}
