package org.w3id.stalinkg.graph;

import static org.w3id.stalinkg.graph.Competency.PREFIXES;
import static org.w3id.stalinkg.graph.Competency.assertContainsAll;
import static org.w3id.stalinkg.graph.Competency.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.stalinkg.graph.ProjectFiles.ask;
import static org.w3id.stalinkg.graph.ProjectFiles.column;
import static org.w3id.stalinkg.graph.ProjectFiles.select;

import java.util.List;
import java.util.Set;

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

/**
 * Questions about the human cost of Stalin's rule, each as a SPARQL query with its expected answer: every figure an
 * estimate attached to the outcome it measures, saying what it counts and whose it is, several side by side where
 * scholars differ. Plain SPARQL 1.1 over the asserted graph (no inference).
 */
class TestCompetencyHumanCost {

    private static final String BIBO = "PREFIX bibo: <http://purl.org/ontology/bibo/>\n";

    @Test
    void theNkvdCountedSixHundredEightyOneThousandSixHundredNinetyTwoPeopleShotIn1937And1938() {
        List<String> values = column(select(PREFIXES + """
                SELECT ?min WHERE {
                  outcome:great-terror-executions skg:hasEstimate ?e .
                  ?e skg:minimumValue ?min ; skg:measure ?m .
                  FILTER(CONTAINS(?m, "NKVD") && CONTAINS(LCASE(?m), "shot"))
                }"""), "min");
        assertTrue(values.contains("681692"), values.toString());
    }

    @Test
    void theNkvdCountedOneMillionFiveHundredSeventyFiveThousandArrestsIn1937And1938() {
        assertTrue(ask(PREFIXES + """
                ASK { outcome:great-terror-arrests skg:hasEstimate ?e .
                      ?e skg:minimumValue 1575259 ; skg:measure ?m .
                      FILTER(CONTAINS(LCASE(?m), "arrested")) }"""));
    }

    @Test
    void executionEstimatesOfTheGreatTerrorDifferBetweenTheArchivalCountAndConquest() {
        Set<String> sources = ids("""
                SELECT DISTINCT ?s WHERE { outcome:great-terror-executions skg:hasEstimate ?e . ?e dcterms:source ?s }
                """, "s");
        assertContainsAll(sources, "source/getty-rittersporn-zemskov-1993-victims",
                "source/conquest-1990-great-terror-reassessment");
    }

    @Test
    void ellmansRepressionDeathsMeasureThePeakYearsNotTheWholeStalinEra() {
        assertFalse(ask(PREFIXES + "ASK { outcome:mass-repression skg:hasEstimate estimate:great-terror-repression-deaths }"));
        QuerySolution row = select(PREFIXES + """
                SELECT ?outcome ?start ?end ?min ?max WHERE {
                  ?outcome skg:hasEstimate estimate:great-terror-repression-deaths ;
                           skg:startDate ?start ; skg:endDate ?end ; skg:partOf outcome:mass-repression .
                  estimate:great-terror-repression-deaths skg:minimumValue ?min ; skg:maximumValue ?max .
                }""").get(0);
        assertEquals("1937", row.getLiteral("start").getLexicalForm());
        assertEquals("1938", row.getLiteral("end").getLexicalForm());
        assertEquals(950000, row.getLiteral("min").getInt());
        assertEquals(1200000, row.getLiteral("max").getInt());
    }

    @Test
    void theFamineOf1946To1947HasEstimatesByAtLeastTwoAuthorsSideBySide() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?e ?author ?min WHERE {
                  outcome:soviet-famine-1946-1947 skg:hasEstimate ?e .
                  ?e dcterms:source ?s ; skg:minimumValue ?min .
                  ?s dcterms:creator ?author .
                }""");
        Set<String> authors = new java.util.TreeSet<>();
        rows.forEach(r -> authors.add(r.getLiteral("author").getLexicalForm()));
        assertTrue(authors.contains("Michael Ellman"), authors.toString());
        assertTrue(authors.size() >= 2, authors.toString());
        assertTrue(rows.stream().map(r -> r.getResource("e").getURI()).distinct().count() >= 2, rows.toString());
    }

    @Test
    void holodomorEstimatesIncludeTheDemographersThreePointNineMillionExcessDeathsCitedToPage53() {
        QuerySolution row = select(PREFIXES + BIBO + """
                SELECT ?e ?pages WHERE {
                  outcome:holodomor skg:hasEstimate ?e .
                  ?e skg:minimumValue 3900000 ; skg:measure ?m ;
                     skg:citation [ skg:citedSource source:rudnytskyi-et-al-2015-demography-of-a-man-made-catastrophe ;
                                    bibo:pages ?pages ] .
                  FILTER(CONTAINS(LCASE(?m), "excess deaths"))
                }""").get(0);
        assertEquals("53", row.getLiteral("pages").getLexicalForm());
        assertTrue(ids("SELECT ?e WHERE { outcome:holodomor skg:hasEstimate ?e }", "e").size() >= 2);
    }

    @Test
    void noEstimateCallsItselfTheRangeOfPublishedEstimates() {
        assertFalse(ask(PREFIXES + """
                ASK { ?e a skg:Estimate ; ?p ?text .
                      VALUES ?p { rdfs:label rdfs:comment skg:measure }
                      FILTER(CONTAINS(LCASE(STR(?text)), "the range of published estimates")) }"""));
    }

    @Test
    void sovietFamineOf1930To1933AndItsUkrainianAndKazakhPartsEachHaveEstimatesByDifferentScholars() {
        for (String famine : List.of("soviet-famine-1930-1933", "holodomor", "kazakh-famine-1930-1933")) {
            Set<String> sources = ids("SELECT DISTINCT ?s WHERE { outcome:" + famine
                    + " skg:hasEstimate ?e . ?e dcterms:source ?s }", "s");
            assertTrue(sources.size() >= 2, famine + ": " + sources);
        }
        assertTrue(ask(PREFIXES + """
                ASK { outcome:soviet-famine-1930-1933 skg:hasEstimate ?e .
                      ?e dcterms:source source:davies-wheatcroft-2004-years-of-hunger ;
                         skg:minimumValue 5500000 ; skg:maximumValue 6500000 }"""));
    }

    @Test
    void deathsOfDeportedKulaksAreMeasuredOnTheirOwnOutcomeWithinTheDeportation() {
        QuerySolution row = select(PREFIXES + """
                SELECT ?e ?min WHERE {
                  ?deaths skg:partOf outcome:deportation-of-kulaks ; skg:hasEstimate ?e .
                  ?e skg:minimumValue ?min ; skg:measure ?m ; dcterms:source source:werth-2011-dekulakisation-as-mass-violence .
                  FILTER(CONTAINS(LCASE(?m), "deaths"))
                }""").get(0);
        assertEquals(500000, row.getLiteral("min").getInt());
        assertTrue(ask(PREFIXES
                + "ASK { outcome:deportation-of-kulaks skg:hasEstimate ?e . ?e skg:minimumValue 1803392 }"));
    }

    @Test
    void deathsAmongTheDeporteesFromCrimeaAreCountedApartFromTheNumberDeported() {
        assertTrue(ask(PREFIXES + """
                ASK { ?deaths skg:partOf outcome:deported-crimean-tatars ; skg:affectedRegion region:uzbek-ssr ;
                              skg:hasEstimate ?e .
                      ?e skg:minimumValue 44887 .
                      outcome:deported-crimean-tatars skg:hasEstimate ?d .
                      ?d skg:minimumValue 191044 }"""));
    }

    @Test
    void sovietWarDeadHaveAMilitaryCountAndATotalEstimate() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?e ?min ?max WHERE {
                  outcome:soviet-war-dead skg:hasEstimate ?e . ?e skg:minimumValue ?min .
                  OPTIONAL { ?e skg:maximumValue ?max }
                } ORDER BY ?min""");
        assertEquals(8668400, rows.get(0).getLiteral("min").getInt());
        assertEquals(26000000, rows.get(rows.size() - 1).getLiteral("min").getInt());
        assertEquals(27000000, rows.get(rows.size() - 1).getLiteral("max").getInt());
    }

    @Test
    void ellmansFamineEstimateIsCitedToTheFirstPageOfHisArticle() {
        assertEquals(List.of("603"), column(select(PREFIXES + BIBO + """
                SELECT ?pages WHERE {
                  estimate:soviet-famine-1946-1947-deaths-ellman skg:citation ?c .
                  ?c skg:citedSource source:ellman-2000-1947-soviet-famine ; bibo:pages ?pages .
                }"""), "pages"));
    }

    @Test
    void everyEstimateSaysWhatItCountsInIntegersAndMeasuresSomeOutcome() {
        assertFalse(ask(PREFIXES + """
                ASK { ?e a skg:Estimate .
                      FILTER(NOT EXISTS { ?o skg:hasEstimate ?e }
                          || NOT EXISTS { ?e skg:measure ?m . FILTER(LANG(?m) = "en") }
                          || NOT EXISTS { ?e dcterms:source ?s }
                          || EXISTS { ?e skg:minimumValue|skg:maximumValue ?v . FILTER(DATATYPE(?v) != xsd:integer) }) }"""));
    }

    @Test
    void everyPageCitationOfAnEstimatePointsIntoOneOfItsOwnSources() {
        assertFalse(ask(PREFIXES + BIBO + """
                ASK { ?e a skg:Estimate ; skg:citation ?c . ?c skg:citedSource ?s .
                      FILTER NOT EXISTS { ?e dcterms:source ?s } }"""));
    }
}
