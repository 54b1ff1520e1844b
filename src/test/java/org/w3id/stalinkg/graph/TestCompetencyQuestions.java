package org.w3id.stalinkg.graph;

import static org.w3id.stalinkg.graph.Competency.ID;
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
import java.util.TreeSet;

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

/**
 * Questions a historian, a teacher or a student would ask of the graph, each as a SPARQL query with its expected
 * answer. Plain SPARQL 1.1 over the asserted graph (no inference), as a user of /sparql would write it.
 */
class TestCompetencyQuestions {

    // --- Goals and policies ---

    @Test
    void stalinPursuedThirteenGoals() {
        assertEquals(13, ids("SELECT ?g WHERE { person:joseph-stalin skg:pursuedGoal ?g }", "g").size());
    }

    @Test
    void policiesThatServedIndustrialization() {
        Set<String> policies = ids("SELECT ?p WHERE { ?p skg:servesGoal goal:industrialization }", "p");
        assertContainsAll(policies, "policy/five-year-plans", "policy/first-five-year-plan",
                "policy/second-five-year-plan", "policy/collectivization");
        assertFalse(policies.contains("policy/great-purge"), policies.toString());
    }

    @Test
    void goalsThatCollectivizationServed() {
        assertContainsAll(ids("SELECT ?g WHERE { policy:collectivization skg:servesGoal ?g }", "g"),
                "goal/collectivization-of-agriculture", "goal/industrialization");
    }

    @Test
    void theFiveYearPlansUnderStalinInOrder() {
        List<String> plans = column(select(PREFIXES + """
                SELECT ?plan WHERE {
                  ?plan a skg:EconomicPlan ; skg:partOf policy:five-year-plans ; skg:startYear ?y .
                } ORDER BY ?y"""), "plan");
        assertEquals(List.of(ID + "policy/first-five-year-plan", ID + "policy/second-five-year-plan",
                ID + "policy/third-five-year-plan", ID + "policy/fourth-five-year-plan",
                ID + "policy/fifth-five-year-plan"), plans);
    }

    @Test
    void theFirstFiveYearPlanRanFromOctober1928ToDecember1932() {
        QuerySolution row = select(PREFIXES + """
                SELECT ?start ?end WHERE { policy:first-five-year-plan skg:startDate ?start ; skg:endDate ?end }
                """).get(0);
        assertEquals("1928-10-01", row.getLiteral("start").getLexicalForm());
        assertEquals("1932-12-31", row.getLiteral("end").getLexicalForm());
    }

    @Test
    void theThirdFiveYearPlanWasCutShortByTheGermanInvasion() {
        assertTrue(ask(PREFIXES + """
                ASK { policy:third-five-year-plan skg:endDate ?end .
                      event:german-invasion-of-the-soviet-union skg:startDate ?invasion .
                      FILTER(STR(?end) = SUBSTR(STR(?invasion), 1, 7)) }"""));
    }

    @Test
    void policiesInEffectIn1937() {
        Set<String> policies = ids("""
                SELECT ?p WHERE {
                  ?p a/rdfs:subClassOf* skg:Policy ; skg:startYear ?s .
                  OPTIONAL { ?p skg:endYear ?e }
                  FILTER(?s <= 1937 && (!BOUND(?e) || ?e >= 1937))
                }""", "p");
        assertContainsAll(policies, "policy/second-five-year-plan", "policy/great-purge", "policy/collectivization",
                "policy/gulag-forced-labour", "policy/stakhanovite-movement");
        assertFalse(policies.contains("policy/first-five-year-plan"), policies.toString());
        assertFalse(policies.contains("policy/fourth-five-year-plan"), policies.toString());
    }

    @Test
    void policiesThatTargetedTheKulaks() {
        assertContainsAll(ids("SELECT ?p WHERE { ?p skg:targetedGroup group:kulaks }", "p"),
                "policy/dekulakization", "policy/collectivization");
    }

    @Test
    void groupsTargetedInTheGreatPurge() {
        assertContainsAll(ids("SELECT ?g WHERE { policy:great-purge skg:targetedGroup ?g }", "g"),
                "group/old-bolsheviks", "group/military-leaders", "group/intellectuals", "group/ordinary-citizens");
    }

    @Test
    void theNkvdCarriedOutTheGreatPurge() {
        assertContainsAll(ids("SELECT ?who WHERE { policy:great-purge skg:carriedOutBy ?who }", "who"),
                "institution/nkvd");
    }

    @Test
    void theMoscowTrialsWerePartOfTheGreatPurgeAndFellWithinIt() {
        assertTrue(ask(PREFIXES + """
                ASK { event:moscow-trials skg:partOf policy:great-purge ;
                        skg:startYear ?s ; skg:endYear ?e .
                      policy:great-purge skg:startYear ?ps ; skg:endYear ?pe .
                      FILTER(?s >= ?ps && ?e <= ?pe) }"""));
    }

    // --- Outcomes, regions and human cost ---

    @Test
    void theHolodomorStruckTheUkrainianSsrIn1932And1933() {
        assertEquals(Set.of("region/ukrainian-ssr"),
                ids("SELECT ?r WHERE { outcome:holodomor skg:affectedRegion ?r }", "r"));
        assertTrue(ask(PREFIXES + "ASK { outcome:holodomor skg:startYear 1932 ; skg:endYear 1933 }"));
    }

    @Test
    void regionsStruckByTheFaminesOf1930To1933() {
        assertContainsAll(ids("""
                SELECT ?r WHERE { ?part skg:partOf* outcome:soviet-famine-1930-1933 ; skg:affectedRegion ?r }""", "r"),
                "region/ukrainian-ssr", "region/kazakh-assr", "region/north-caucasus", "region/volga-region");
    }

    @Test
    void theFaminesAreExactlyTheFourRecorded() {
        assertEquals(Set.of("outcome/holodomor", "outcome/kazakh-famine-1930-1933", "outcome/soviet-famine-1930-1933",
                        "outcome/soviet-famine-1946-1947"),
                ids("SELECT ?f WHERE { ?f a skg:Famine }", "f"));
    }

    @Test
    void outcomesThatStruckTheKazakhAssr() {
        assertContainsAll(ids("SELECT ?o WHERE { ?o a/rdfs:subClassOf* skg:Outcome ; skg:affectedRegion region:kazakh-assr }", "o"),
                "outcome/kazakh-famine-1930-1933");
    }

    @Test
    void collectivizationLedToTheFamines() {
        assertContainsAll(ids("SELECT ?o WHERE { ?part skg:partOf* policy:collectivization ; skg:ledTo ?o }", "o"),
                "outcome/soviet-famine-1930-1933");
    }

    @Test
    void everyFamineDeathEstimateIsARangeWithASource() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?e ?min ?max ?source ?measure WHERE {
                  ?f a skg:Famine ; skg:hasEstimate ?e .
                  ?e skg:minimumValue ?min ; skg:measure ?measure ; dcterms:source ?source .
                  OPTIONAL { ?e skg:maximumValue ?max }
                }""");
        assertTrue(rows.size() >= 3, rows.toString());
        for (QuerySolution row : rows) {
            long min = row.getLiteral("min").getLong();
            assertTrue(min > 0, row.toString());
            if (row.contains("max")) {
                assertTrue(row.getLiteral("max").getLong() >= min, row.toString());
            }
        }
    }

    @Test
    void theHolodomorEstimatesSpanMillionsAndNameTheirAuthors() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?min ?max ?creator WHERE {
                  outcome:holodomor skg:hasEstimate ?e .
                  ?e skg:minimumValue ?min ; dcterms:source ?source .
                  OPTIONAL { ?e skg:maximumValue ?max }
                  ?source dcterms:creator ?creator .
                }""");
        assertFalse(rows.isEmpty());
        rows.forEach(r -> assertTrue(r.getLiteral("min").getLong() >= 1_000_000, r.toString()));
    }

    // --- Regions and the Eastern Bloc ---

    @Test
    void theUkrainianSsrIsTodaysUkraineAndTheKazakhAssrTodaysKazakhstan() {
        assertEquals(Set.of("region/ukraine"),
                ids("SELECT ?r WHERE { region:ukrainian-ssr skg:presentDayCounterpart ?r }", "r"));
        assertEquals(Set.of("region/kazakhstan"),
                ids("SELECT ?r WHERE { region:kazakh-assr skg:presentDayCounterpart ?r }", "r"));
    }

    @Test
    void theSatelliteStatesOfTheEasternBloc() {
        assertContainsAll(ids("SELECT ?s WHERE { ?s skg:satelliteOf region:soviet-union }", "s"),
                "region/polish-peoples-republic", "region/hungarian-peoples-republic",
                "region/german-democratic-republic");
    }

    @Test
    void movementsAbroadThatStalinsPoliciesSupported() {
        assertContainsAll(ids("SELECT ?m WHERE { ?p skg:supportedOrganization ?m }", "m"),
                "institution/chinese-communist-party", "institution/viet-minh");
    }

    // --- Corrections, sources and dates ---

    @Test
    void theWarsawPactWasFoundedAfterStalinsDeath() {
        assertTrue(ask(PREFIXES + """
                ASK { institution:warsaw-pact skg:startDate ?founded .
                      person:joseph-stalin skg:deathDate ?death .
                      FILTER(?founded > ?death) }"""));
    }

    @Test
    void nothingAssertsThatStalinFormedTheWarsawPact() {
        assertFalse(ask(PREFIXES + """
                ASK { { institution:warsaw-pact ?p ?o . FILTER(?o = person:joseph-stalin) }
                      UNION { ?policy skg:initiatedBy person:joseph-stalin ;
                                      ?link institution:warsaw-pact . }
                      UNION { event:founding-of-the-warsaw-pact skg:initiatedBy person:joseph-stalin } }"""));
    }

    @Test
    void theWarsawPactClaimIsRecordedAsCorrected() {
        assertTrue(ask(PREFIXES + """
                ASK { ?c a skg:Correction ; skg:hasStatus skg:corrected ; skg:concerns institution:warsaw-pact ;
                         skg:claimText ?text ; skg:correctFact ?fact ; dcterms:source ?evidence .
                      FILTER(CONTAINS(?text, "Warsaw Pact")) }"""));
    }

    @Test
    void aSovkhozWasAStateFarmNotACollectiveFarm() {
        assertTrue(ask(PREFIXES + """
                ASK { skg:StateFarm skos:altLabel ?sovkhoz . FILTER(LCASE(STR(?sovkhoz)) = "sovkhoz")
                      skg:CollectiveFarm skos:altLabel ?kolkhoz . FILTER(LCASE(STR(?kolkhoz)) = "kolkhoz")
                      ?disjoint owl:members ?list .
                      { skg:StateFarm owl:disjointWith skg:CollectiveFarm }
                      UNION { skg:CollectiveFarm owl:disjointWith skg:StateFarm }
                      UNION { ?list rdf:rest*/rdf:first skg:StateFarm , skg:CollectiveFarm } }"""
                .replace("ASK {", "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ASK {")));
        assertTrue(ask(PREFIXES + """
                ASK { ?c a skg:Correction ; skg:claimText ?t . FILTER(CONTAINS(?t, "sovkhozes")) }"""));
    }

    @Test
    void theSentenceBehindALinkCanBeQuoted() {
        List<String> quotes = column(select(PREFIXES + """
                SELECT ?quote WHERE {
                  ?a owl:annotatedSource policy:first-five-year-plan ; owl:annotatedProperty skg:servesGoal ;
                     owl:annotatedTarget goal:industrialization ; skg:quotation ?quote .
                }"""), "quote");
        assertTrue(quotes.stream().anyMatch(q -> q.contains("first Five-Year Plan (1928–1932)")), quotes.toString());
    }

    @Test
    void theCominternWasDissolvedIn1943BeforeTheCominformWasFoundedIn1947() {
        assertTrue(ask(PREFIXES + """
                ASK { institution:comintern skg:endYear 1943 . institution:cominform skg:startYear 1947 . }"""));
    }

    @Test
    void theHolodomorIsNamedInUkrainianAndRussian() {
        assertTrue(ask(PREFIXES + """
                ASK { outcome:holodomor rdfs:label "Голодомор"@uk , ?ru . FILTER(LANG(?ru) = "ru") }"""));
    }

    @Test
    void stalinLivedFrom1878To1953() {
        assertTrue(ask(PREFIXES + """
                ASK { person:joseph-stalin skg:birthDate "1878-12-18"^^xsd:date ;
                                           skg:deathDate "1953-03-05"^^xsd:date }"""));
    }

    @Test
    void officesStalinHeld() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?office ?start WHERE {
                  ?term skg:holder person:joseph-stalin ; skg:office ?office ; skg:startDate ?start .
                } ORDER BY ?start""");
        assertTrue(rows.size() >= 3, rows.toString());
        assertTrue(rows.get(0).getLiteral("start").getLexicalForm().startsWith("1922"), rows.toString());
    }

    @Test
    void nothingStalinInitiatedBeganAfterHisDeath() {
        assertFalse(ask(PREFIXES + """
                ASK { ?x skg:initiatedBy person:joseph-stalin ; skg:startYear ?y . FILTER(?y > 1953) }"""));
    }
}
