package org.w3id.stalinkg.graph;

import static org.w3id.stalinkg.graph.Competency.PREFIXES;
import static org.w3id.stalinkg.graph.Competency.assertContainsAll;
import static org.w3id.stalinkg.graph.Competency.ids;
import static org.w3id.stalinkg.graph.Competency.orderedIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.stalinkg.graph.ProjectFiles.ask;
import static org.w3id.stalinkg.graph.ProjectFiles.column;
import static org.w3id.stalinkg.graph.ProjectFiles.select;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Questions about late Stalinism (1945-1953), the Cold War under Stalin, and Stalin's death and legacy, each as a
 * SPARQL query over the real data files with its expected answer from data/late-stalinism.ttl, data/cold-war.ttl
 * and data/legacy.ttl. Plain SPARQL 1.1 over the bundled graph, as a user of /sparql would write it.
 */
class TestCompetencyPostwarAndLegacy {

    // --- Late Stalinism ---

    @Test
    void theResolutionOnZvezdaAndLeningradOpenedTheZhdanovshchina() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:decree-on-the-journals-zvezda-and-leningrad skg:partOf policy:zhdanovshchina ;
                      skg:startDate "1946-08-14"^^xsd:date .
                  policy:zhdanovshchina skg:startDate "1946-08-14"^^xsd:date ;
                      skg:initiatedBy person:andrei-zhdanov ; skg:targetedGroup group:intellectuals .
                }"""));
    }

    @Test
    void theJacCaseAndTheDoctorsPlotBelongToTheAntiCosmopolitanCampaignAndTargetedSovietJews() {
        Set<String> parts = ids("SELECT ?p WHERE { ?p a/rdfs:subClassOf* skg:Policy ;"
                + " skg:partOf policy:anti-cosmopolitan-campaign ; skg:targetedGroup group:soviet-jews }", "p");
        assertEquals(Set.of("policy/doctors-plot", "policy/jewish-anti-fascist-committee-case"), parts);
    }

    @Test
    void mikhoelsWasMurderedBeforeTheJewishAntiFascistCommitteeWasClosed() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:murder-of-solomon-mikhoels skg:startDate ?murder ; skg:initiatedBy person:joseph-stalin .
                  event:dissolution-of-the-jewish-anti-fascist-committee skg:startDate ?closed .
                  institution:jewish-anti-fascist-committee skg:endDate ?closed .
                  person:solomon-mikhoels skg:deathDate ?death .
                  FILTER(STR(?murder) = "1948-01" && STR(?death) = "1948-01" && ?closed = "1948-11-20"^^xsd:date)
                }"""));
    }

    @Test
    void thirteenDefendantsOfTheJacCaseWereShotOnTwelveAugust1952() {
        List<String> rows = column(select(PREFIXES + """
                SELECT ?min ?max WHERE {
                  policy:jewish-anti-fascist-committee-case skg:ledTo ?o .
                  ?o skg:startDate "1952-08-12"^^xsd:date ; skg:hasEstimate ?e .
                  ?e skg:minimumValue ?min ; skg:maximumValue ?max ; dcterms:source ?s .
                  FILTER(?s = source:rubenstein-naumov-2001-stalins-secret-pogrom)
                }"""), "min");
        assertEquals(List.of("13"), rows);
    }

    @Test
    void theDoctorsPlotWasAnnouncedOnThirteenJanuaryAndDroppedWithinThreeMonths() {
        List<String> steps = orderedIds("""
                SELECT ?e WHERE { ?e skg:partOf policy:doctors-plot ; skg:startDate ?d } ORDER BY ?d""", "e");
        assertEquals(List.of("event/doctors-plot-announcement", "event/doctors-plot-exoneration"), steps);
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:doctors-plot-announcement skg:startDate "1953-01-13"^^xsd:date .
                  event:doctors-plot-exoneration skg:startDate ?end .
                  event:death-of-stalin skg:startDate ?death .
                  FILTER(?death < ?end && ?end < "1953-05-01"^^xsd:date)
                }"""));
    }

    @Test
    void theMgbCarriedOutThePostwarRepressionCampaignsAndExistedWhileTheyRan() {
        Set<String> policies = ids("SELECT ?p WHERE { ?p skg:carriedOutBy institution:mgb }", "p");
        assertContainsAll(policies, "policy/leningrad-affair", "policy/doctors-plot",
                "policy/jewish-anti-fascist-committee-case");
        assertFalse(ask(PREFIXES + """
                ASK {
                  ?p skg:carriedOutBy institution:mgb ; skg:startYear ?ps .
                  institution:mgb skg:startYear ?is ; skg:endYear ?ie .
                  FILTER(?ps < ?is || ?ps > ?ie)
                }"""), "a policy is said to be carried out by the MGB outside its lifetime, 1946-1953");
    }

    @Test
    void theLeningradAffairEndedInTheExecutionsOfOneOctober1950() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  policy:leningrad-affair skg:targetedGroup group:party-members ;
                      skg:carriedOutBy person:georgy-malenkov ; skg:startYear 1949 ; skg:endYear 1950 .
                  event:leningrad-affair-executions skg:partOf policy:leningrad-affair ;
                      skg:startDate "1950-10-01"^^xsd:date .
                }"""));
    }

    @Test
    void theFamineOf1946HasAnEstimateOfExcessDeathsWithItsPageAndResultedFromGrainProcurement() {
        List<String> rows = column(select(PREFIXES + """
                SELECT ?measure WHERE {
                  policy:grain-procurement skg:ledTo outcome:soviet-famine-1946-1947 .
                  outcome:soviet-famine-1946-1947 a skg:Famine ; skg:startYear 1946 ; skg:endYear 1947 ;
                      skg:affectedRegion region:ukrainian-ssr ; skg:hasEstimate ?e .
                  ?e skg:minimumValue 1000000 ; skg:maximumValue 1500000 ; skg:measure ?measure ;
                     dcterms:source source:ellman-2000-1947-soviet-famine .
                }"""), "measure");
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("Excess deaths") && rows.get(0).contains("p. 603"), rows.get(0));
    }

    @Test
    void theFourthPlanLedToThePostwarIndustrialRecovery() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  policy:fourth-five-year-plan skg:ledTo outcome:postwar-industrial-recovery .
                  outcome:postwar-industrial-recovery a skg:EconomicOutcome ; skg:endYear 1950 .
                }"""));
    }

    // --- The Cold War under Stalin ---

    @Test
    void coldWarEventsOfStalinsLifetimeInOrder() {
        // Dates of mixed precision (a day, a month) compare as ISO strings; the filter uses the derived year.
        List<String> events = orderedIds("""
                SELECT ?e WHERE {
                  ?e skg:partOf event:cold-war ; skg:startDate ?d ; skg:startYear ?y .
                  FILTER(?y >= 1947 && ?y <= 1953 && STR(?d) < "1953-03-05")
                } ORDER BY STR(?d)""", "e");
        List<String> expected = List.of("event/founding-conference-of-the-cominform",
                "event/berlin-blockade", "event/expulsion-of-yugoslavia-from-the-cominform",
                "event/founding-of-comecon", "event/first-soviet-atomic-bomb-test",
                "event/sino-soviet-treaty-of-friendship", "event/korean-war");
        assertEquals(expected, events.stream().filter(expected::contains).toList());
        assertTrue(events.containsAll(expected), events.toString());
    }

    @Test
    void yugoslaviaWasExpelledFromTheCominformNineMonthsAfterItsFoundingAndWasNoSatellite() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  institution:cominform skg:initiatedBy person:andrei-zhdanov .
                  event:expulsion-of-yugoslavia-from-the-cominform skg:startDate "1948-06-28"^^xsd:date ;
                      skg:affectedRegion region:federal-peoples-republic-of-yugoslavia .
                  policy:eastern-bloc-satellite-states skg:ledTo outcome:tito-stalin-split .
                  outcome:tito-stalin-split skg:endDate "1955-06-02"^^xsd:date .
                }"""));
        assertFalse(ask(PREFIXES
                + "ASK { region:federal-peoples-republic-of-yugoslavia skg:satelliteOf region:soviet-union }"));
    }

    @Test
    void theBerlinBlockadeLastedFromJune1948ToMay1949() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:berlin-blockade skg:startDate "1948-06-24"^^xsd:date ; skg:endDate "1949-05-12"^^xsd:date ;
                      skg:initiatedBy person:joseph-stalin ; skg:affectedRegion region:germany .
                }"""));
    }

    @Test
    void theAtomicProjectEndedTheAmericanMonopolyWithTheTestInTheKazakhSsr() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  policy:soviet-atomic-bomb-project skg:servesGoal goal:military-strength ;
                      skg:ledTo outcome:end-of-the-american-atomic-monopoly .
                  event:first-soviet-atomic-bomb-test skg:partOf policy:soviet-atomic-bomb-project ;
                      skg:startDate "1949-08-29"^^xsd:date ; skg:affectedRegion region:kazakh-ssr .
                }"""));
    }

    @Test
    void theTreatyWithThePeoplesRepublicOfChinaFollowedItsProclamationByFourMonths() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  region:peoples-republic-of-china skg:partOf region:china ; skg:startDate ?prc ;
                      skos:exactMatch wd:Q148 .
                  event:proclamation-of-the-peoples-republic-of-china skg:startDate ?prc ;
                      skg:initiatedBy person:mao-zedong .
                  event:sino-soviet-treaty-of-friendship skg:startDate "1950-02-14"^^xsd:date ;
                      skg:initiatedBy person:joseph-stalin , person:mao-zedong .
                  FILTER(?prc = "1949-10-01"^^xsd:date)
                }"""));
    }

    @Test
    void kimIlSungStartedTheKoreanWarWithStalinsBacking() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:korean-war skg:initiatedBy person:kim-il-sung ; skg:startDate "1950-06-25"^^xsd:date ;
                      skg:endDate "1953-07-27"^^xsd:date ; skos:exactMatch wd:Q8663 ;
                      skg:affectedRegion region:north-korea , region:south-korea .
                  policy:soviet-backing-of-the-north-korean-invasion skg:initiatedBy person:joseph-stalin ;
                      skg:affectedRegion region:north-korea .
                  region:north-korea skg:startDate "1948-09-09"^^xsd:date .
                }"""));
    }

    @Test
    void theMongolianPeoplesRepublicIsAPeriodEntityOfTodaysMongolia() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  region:mongolian-peoples-republic skg:presentDayCounterpart region:mongolia ;
                      skg:startDate "1924-11-26"^^xsd:date ; skg:endYear 1992 .
                }"""));
    }

    // --- Death and legacy ---

    @Test
    void stalinWasBuriedFourDaysAfterHisDeathAndRemovedFromTheMausoleumIn1961() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:death-of-stalin skg:startDate "1953-03-05"^^xsd:date .
                  event:funeral-of-stalin skg:startDate "1953-03-09"^^xsd:date ; skg:affectedRegion region:moscow .
                  event:removal-of-stalins-body-from-the-mausoleum skg:startDate "1961-10-31"^^xsd:date ;
                      skg:partOf policy:de-stalinisation .
                }"""));
    }

    @Test
    void theSecretSpeechWasGivenByKhrushchevAtTheTwentiethCongress() {
        List<String> dates = column(select(PREFIXES + """
                SELECT ?d WHERE {
                  event:secret-speech skg:initiatedBy person:nikita-khrushchev ;
                      skg:partOf event:twentieth-party-congress , policy:de-stalinisation ; skg:startDate ?d .
                  event:twentieth-party-congress skg:endDate ?d .
                  ?a owl:annotatedSource event:secret-speech ; owl:annotatedProperty skg:startDate ;
                     dcterms:source source:taubman-2003-khrushchev .
                }"""), "d");
        assertEquals(List.of("1956-02-25"), dates);
    }

    @Test
    void deStalinisationLedToTheRehabilitationsAndNothingAfterStalinsDeathIsCreditedToHim() {
        assertTrue(ask(PREFIXES + """
                ASK { policy:de-stalinisation skg:initiatedBy person:nikita-khrushchev ;
                          skg:ledTo outcome:rehabilitation-of-repression-victims ; skg:startYear 1953 ; skg:endYear 1964 . }"""));
        assertFalse(ask(PREFIXES + """
                ASK {
                  ?x skg:initiatedBy person:joseph-stalin ; skg:startDate ?d .
                  person:joseph-stalin skg:deathDate ?death .
                  FILTER(?d > ?death)
                }"""));
    }

    @Test
    void theBeriaArrestPrecededKhrushchevsElectionAsFirstSecretary() {
        List<String> order = orderedIds("""
                SELECT ?e WHERE {
                  VALUES ?e { event:arrest-of-beria event:khrushchev-elected-first-secretary
                              event:malenkov-removed-as-chairman-of-the-council-of-ministers event:secret-speech }
                  ?e skg:startDate ?d ; skg:initiatedBy person:nikita-khrushchev .
                } ORDER BY ?d""", "e");
        assertEquals(List.of("event/arrest-of-beria", "event/malenkov-removed-as-chairman-of-the-council-of-ministers",
                "event/secret-speech"), order);
        assertTrue(ask(PREFIXES + """
                ASK { event:arrest-of-beria skg:startDate "1953-06-26"^^xsd:date .
                      event:khrushchev-elected-first-secretary skg:startDate "1953-09-07"^^xsd:date . }"""));
    }

    @Test
    void atLeastTwentyTwoDatedEventsFrom1945To1961() {
        List<String> events = column(select(PREFIXES + """
                SELECT DISTINCT ?e WHERE {
                  ?e a skg:HistoricalEvent ; skg:startDate ?d ; skg:startYear ?y .
                  FILTER(?y >= 1945 && ?y <= 1961 && DATATYPE(?d) = xsd:date)
                }"""), "e");
        assertTrue(events.size() >= 22, events.size() + " day-dated events: " + events);
    }
}
