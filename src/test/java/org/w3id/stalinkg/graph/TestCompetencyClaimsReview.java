package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.stalinkg.graph.Competency.PREFIXES;
import static org.w3id.stalinkg.graph.Competency.ids;
import static org.w3id.stalinkg.graph.ProjectFiles.ask;
import static org.w3id.stalinkg.graph.ProjectFiles.select;

import java.util.List;
import java.util.Set;

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

/**
 * Questions about the review of the seed's claims (issue 14, items 5 and 6): which sentences of the seed that were
 * first recorded as confirmed are disputed, on what evidence, how the corrections word what happened, and which
 * corrections cite a page. Plain SPARQL 1.1 over the asserted graph, as a user of /sparql would write it.
 */
class TestCompetencyClaimsReview {

    /** The prefixes of claims, corrections and page citations, which the shared prefixes do not declare. */
    private static final String REVIEW = """
            PREFIX bibo:    <http://purl.org/ontology/bibo/>
            PREFIX claim:   <https://w3id.org/stalin-kg/id/claim/>
            PREFIX correction: <https://w3id.org/stalin-kg/id/correction/>
            """;

    private static boolean askReview(String query) {
        return ask(PREFIXES + REVIEW + query);
    }

    @Test
    void threeSentencesOfTheGlobalCommunistInfluenceSectionFirstRecordedAsConfirmedAreDisputed() {
        Set<String> disputed = ids(REVIEW + """
                SELECT ?c WHERE {
                  ?c a skg:Correction ; skg:extractedFrom source:seed-global-communist-influence ;
                     skg:hasStatus skg:disputed .
                  FILTER(STRSTARTS(STR(?c), STR(claim:)))
                }""", "c");
        assertEquals(Set.of("claim/global-communist-influence-03", "claim/global-communist-influence-09",
                "claim/global-communist-influence-17"), disputed);
    }

    @Test
    void nineReviewedClaimsAreDisputedAndEachHasACorrectFactAndAPublishedSource() {
        Set<String> disputed = ids(REVIEW + """
                SELECT ?c WHERE {
                  ?c skg:hasStatus skg:disputed . FILTER(STRSTARTS(STR(?c), STR(claim:)))
                }""", "c");
        assertEquals(9, disputed.size(), disputed.toString());
        Set<String> lacking = ids(REVIEW + """
                SELECT ?c WHERE {
                  ?c skg:hasStatus skg:disputed . FILTER(STRSTARTS(STR(?c), STR(claim:)))
                  FILTER NOT EXISTS {
                    ?c a skg:Correction ; skg:correctFact ?fact ; dcterms:source ?work .
                    ?work a skg:Source ; dcterms:creator ?author ; dcterms:date ?year .
                  }
                }""", "c");
        assertTrue(lacking.isEmpty(), "disputed claims without a correct fact or a published source: " + lacking);
    }

    @Test
    void theAgriculturalSurplusSentenceIsDisputedOnEllmansReadingOfBarsov() {
        assertTrue(askReview("""
                ASK {
                  claim:collectivization-policy-04 a skg:Correction ; skg:hasStatus skg:disputed ;
                      dcterms:source source:ellman-1975-agricultural-surplus ; skg:correctFact ?fact .
                  source:ellman-1975-agricultural-surplus dcterms:creator "Michael Ellman" ;
                      dcterms:date "1975"^^xsd:gYear .
                  FILTER(CONTAINS(?fact, "Barsov") && CONTAINS(?fact, "Millar") && CONTAINS(?fact, "real wages"))
                }"""));
    }

    @Test
    void redirectingGrainToTheTownsAtTheVillagesExpenseStaysConfirmed() {
        assertTrue(askReview("""
                ASK {
                  claim:collectivization-policy-17 a skg:Claim ; skg:hasStatus skg:confirmed ;
                      dcterms:source source:davies-wheatcroft-2004-years-of-hunger .
                  FILTER NOT EXISTS { claim:collectivization-policy-17 a skg:Correction }
                }"""));
    }

    @Test
    void molotovAndRibbentropSignedThePactWithStalinPresent() {
        assertTrue(askReview("""
                ASK {
                  correction:foreign-policy-not-relentless skg:correctFact ?fact .
                  FILTER(CONTAINS(?fact, "Molotov and Ribbentrop") && CONTAINS(?fact, "with Stalin present"))
                }"""));
        assertFalse(askReview("""
                ASK {
                  ?c a skg:Correction ; skg:correctFact ?fact .
                  FILTER(REGEX(?fact, "(Stalin|he) signed the (non-aggression )?pact", "i"))
                }"""), "a correction says Stalin signed the 1939 pact");
    }

    @Test
    void theCultCalledStalinFatherOfPeoplesNotFatherOfTheNation() {
        Set<String> corrected = ids(REVIEW + """
                SELECT ?c WHERE {
                  ?c a skg:Correction ; skg:hasStatus skg:corrected ; skg:concerns policy:cult-of-personality ;
                     skg:correctFact ?fact .
                  FILTER(CONTAINS(?fact, "'Father of Peoples' (отец народов)"))
                }""", "c");
        assertEquals(Set.of("claim/consolidating-power-21", "correction/father-of-peoples"), corrected);
        assertFalse(askReview("""
                ASK {
                  ?c skg:hasStatus skg:confirmed ; skg:claimText ?text .
                  FILTER(CONTAINS(LCASE(?text), "father of the nation"))
                }"""), "a confirmed claim still calls Stalin the father of the nation");
    }

    @Test
    void theRussianLabelsOfTwoCorrectionsAgreeInCase() {
        List<QuerySolution> rows = select(PREFIXES + REVIEW + """
                SELECT ?aid ?industry WHERE {
                  correction:military-aid-not-worldwide rdfs:label ?aid . FILTER(LANG(?aid) = "ru")
                  correction:industrialization-not-efficient rdfs:label ?industry . FILTER(LANG(?industry) = "ru")
                }""");
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getLiteral("aid").getString().startsWith("Военную помощь"), rows.toString());
        String industry = rows.get(0).getLiteral("industry").getString();
        assertTrue(industry.endsWith("но неэффективной"), industry);
    }

    @Test
    void theAgriculturalSurplusCorrectionCitesNovesChapterOnThePeasantryAndTheState() {
        List<QuerySolution> rows = select(PREFIXES + REVIEW + """
                SELECT ?work ?pages WHERE {
                  claim:collectivization-policy-04 skg:citation ?cite ; dcterms:source ?work .
                  ?cite skg:citedSource ?work ; bibo:pages ?pages .
                }""");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(Competency.ID + "source/nove-1969-economic-history", rows.get(0).getResource("work").getURI());
        assertEquals("148-186", rows.get(0).getLiteral("pages").getString());
    }

    @Test
    void theConsolidatingPowerSectionHasTwoDisputedSentencesAndOneCorrected() {
        List<QuerySolution> rows = select(PREFIXES + REVIEW + """
                SELECT ?position ?status WHERE {
                  ?c a skg:Correction ; skg:extractedFrom source:seed-consolidating-power ;
                     skg:positionInSource ?position ; skg:hasStatus ?status .
                  FILTER(STRSTARTS(STR(?c), STR(claim:)))
                } ORDER BY ?position""");
        assertEquals(List.of("16 disputed", "17 disputed", "21 corrected"), rows.stream()
                .map(r -> r.getLiteral("position").getInt() + " "
                        + r.getResource("status").getLocalName())
                .toList());
    }
}
