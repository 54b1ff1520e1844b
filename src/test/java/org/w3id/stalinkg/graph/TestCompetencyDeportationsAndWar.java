package org.w3id.stalinkg.graph;

import static org.w3id.stalinkg.graph.Competency.PREFIXES;
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
 * Questions about the deportations of whole peoples (1936-1944) and about the Soviet Union in 1939-1945, each as a
 * SPARQL query over the real data files (data/deportations.ttl, data/war.ttl) with its expected answer.
 */
class TestCompetencyDeportationsAndWar {

    // --- Deportations of peoples ---

    @Test
    void peoplesDeportedIn1944AreTheNorthCaucasiansCrimeanTatarsAndMeskhetianTurks() {
        Set<String> groups = ids("""
                SELECT DISTINCT ?g WHERE {
                  ?p skg:partOf policy:deportation-of-peoples ; skg:startYear 1944 ; skg:targetedGroup ?g .
                }""", "g");
        assertEquals(Set.of("group/chechens", "group/ingush", "group/balkars", "group/crimean-tatars",
                "group/meskhetian-turks"), groups);
    }

    @Test
    void deportationsOfPeoplesFollowEachOtherInTheOrderOfTheHistories() {
        List<String> order = orderedIds("""
                SELECT ?p WHERE {
                  ?p a skg:RepressionCampaign ; skg:partOf policy:deportation-of-peoples ; skg:startDate ?d .
                } ORDER BY STR(?d)""", "p");
        assertEquals(11, order.size(), order.toString());
        assertEquals("policy/deportation-of-poles-from-the-ukrainian-border-zone", order.get(0));
        assertEquals("policy/deportation-of-the-meskhetian-turks", order.get(order.size() - 1));
        String[] expected = {"policy/deportation-of-soviet-koreans", "policy/deportation-of-polish-citizens-1940-1941",
                "policy/deportation-of-soviet-germans", "policy/deportation-of-the-karachays",
                "policy/deportation-of-the-kalmyks", "policy/deportation-of-the-chechens-and-ingush",
                "policy/deportation-of-the-balkars", "policy/deportation-of-the-crimean-tatars"};
        for (int i = 1; i < expected.length; i++) {
            assertTrue(order.indexOf(expected[i - 1]) < order.indexOf(expected[i]), order.toString());
        }
    }

    @Test
    void theKazakhSsrReceivedMostDeportedPeoplesButNotTheCrimeanTatars() {
        Set<String> groups = ids("""
                SELECT DISTINCT ?g WHERE {
                  ?p skg:partOf policy:deportation-of-peoples ; skg:affectedRegion region:kazakh-ssr ;
                     skg:targetedGroup ?g .
                }""", "g");
        assertTrue(groups.containsAll(Set.of("group/soviet-koreans", "group/soviet-germans", "group/karachays",
                "group/chechens", "group/ingush", "group/balkars", "group/meskhetian-turks")), groups.toString());
        assertFalse(groups.contains("group/crimean-tatars"), groups.toString());
        assertTrue(ask(PREFIXES + """
                ASK { policy:deportation-of-the-crimean-tatars skg:affectedRegion region:crimean-assr , region:uzbek-ssr ;
                        skg:startDate "1944-05-18"^^xsd:date ; skg:endDate "1944-05-20"^^xsd:date . }"""));
    }

    @Test
    void everyDeportationOfAPeopleWasCarriedOutByTheNkvdOnSourcedAuthority() {
        Set<String> unsourced = ids("""
                SELECT ?p WHERE {
                  ?p a skg:RepressionCampaign ; skg:partOf policy:deportation-of-peoples .
                  FILTER NOT EXISTS {
                    ?p skg:carriedOutBy institution:nkvd .
                    ?a owl:annotatedSource ?p ; owl:annotatedProperty skg:carriedOutBy ;
                       owl:annotatedTarget institution:nkvd ; dcterms:source ?s .
                  }
                }""", "p");
        assertTrue(unsourced.isEmpty(), unsourced.toString());
    }

    @Test
    void theChechenAndIngushDeportationIsARangeOfNkvdCountsFromPolianAndNaimark() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  policy:deportation-of-the-chechens-and-ingush skg:ledTo ?o ;
                      skg:startDate "1944-02-23"^^xsd:date ; skos:altLabel "Operation Lentil"@en .
                  ?o skg:hasEstimate ?e .
                  ?e skg:minimumValue 478479 ; skg:maximumValue 496460 ;
                     dcterms:source source:polian-2004-against-their-will , source:naimark-2001-fires-of-hatred .
                }"""));
    }

    @Test
    void everyDeportationEstimateSaysWhatItCountsAndWhoseFigureItIs() {
        Set<String> estimates = ids("""
                SELECT ?e WHERE {
                  ?p skg:partOf policy:deportation-of-peoples ; skg:ledTo ?o .
                  ?o skg:hasEstimate ?e .
                  ?e skg:measure ?m ; skg:minimumValue ?min ; dcterms:source ?s .
                  FILTER (CONTAINS(STR(?m), "deported") || CONTAINS(STR(?m), "Deported") || CONTAINS(STR(?m), "deportees"))
                }""", "e");
        assertTrue(estimates.containsAll(Set.of("estimate/deported-balkars-1944",
                "estimate/deported-chechens-and-ingush-1944", "estimate/deported-crimean-tatars-1944",
                "estimate/deported-kalmyks-1943", "estimate/deported-karachays-1943",
                "estimate/deported-meskhetian-turks-1944", "estimate/deported-polish-citizens-1940-1941",
                "estimate/deported-soviet-koreans-1937", "estimate/deported-volga-germans-1941")),
                estimates.toString());
    }

    @Test
    void theVolgaGermanDecreeOf28August1941OpenedTheDeportationOfTheSovietGermans() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:decree-on-the-resettlement-of-the-volga-germans skg:startDate "1941-08-28"^^xsd:date ;
                      skg:partOf policy:deportation-of-soviet-germans .
                  policy:deportation-of-soviet-germans skg:targetedGroup group:soviet-germans ;
                      skg:affectedRegion region:volga-german-assr .
                  event:german-invasion-of-the-soviet-union skg:startDate ?invasion .
                  FILTER (?invasion < "1941-08-28"^^xsd:date)
                }"""));
    }

    // --- 1939-1945 ---

    @Test
    void molotovAndRibbentropSignedThePactAndItsSecretProtocolThreeWeeksBeforeTheInvasionOfPoland() {
        assertEquals(Set.of("person/vyacheslav-molotov", "person/joachim-von-ribbentrop"), ids("""
                SELECT ?who WHERE { event:secret-protocol-of-the-molotov-ribbentrop-pact skg:initiatedBy ?who }""", "who"));
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:secret-protocol-of-the-molotov-ribbentrop-pact skg:partOf event:molotov-ribbentrop-pact .
                  event:molotov-ribbentrop-pact skg:startDate ?pact .
                  event:soviet-invasion-of-poland skg:startDate ?invasion .
                  FILTER (?pact = "1939-08-23"^^xsd:date && ?invasion = "1939-09-17"^^xsd:date)
                }"""));
    }

    @Test
    void katynWasDecidedByThePolitburoOn5March1940AndCountsTwentyOneThousandEightHundredFiftySevenShot() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:katyn-politburo-decision skg:startDate "1940-03-05"^^xsd:date ;
                      skg:initiatedBy person:joseph-stalin ;
                      skg:partOf policy:repression-in-soviet-occupied-poland .
                  event:katyn-massacre skg:startDate "1940-04"^^xsd:gYearMonth ;
                      skg:partOf policy:repression-in-soviet-occupied-poland .
                  policy:repression-in-soviet-occupied-poland skg:carriedOutBy institution:nkvd ;
                      skg:ledTo outcome:katyn-massacre-victims .
                  outcome:katyn-massacre-victims skg:hasEstimate ?e .
                  ?e skg:minimumValue 21857 ; dcterms:source source:cienciala-lebedeva-materski-2007-katyn .
                }"""));
    }

    @Test
    void theBalticSsrsWereProclaimedOn21July1940AndMapToTodaysStates() {
        Set<String> qids = ids("""
                SELECT ?q WHERE {
                  ?ssr skg:startDate "1940-07-21"^^xsd:date ; skg:partOf region:soviet-union ;
                       skg:presentDayCounterpart ?today .
                  ?today skos:exactMatch ?q .
                }""", "q");
        assertEquals(Set.of("http://www.wikidata.org/entity/Q191", "http://www.wikidata.org/entity/Q211",
                "http://www.wikidata.org/entity/Q37"), qids);
    }

    @Test
    void stalinWasPeoplesCommissarOfDefenceWhenHeSignedOrderNo227() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:order-no-227 skg:initiatedBy person:joseph-stalin ; skg:startDate ?d .
                  term:joseph-stalin-peoples-commissar-of-defence skg:holder person:joseph-stalin ;
                      skg:startDate ?s ; skg:endDate ?e .
                  FILTER (?d = "1942-07-28"^^xsd:date && ?s <= ?d && ?d <= ?e)
                }"""));
    }

    @Test
    void theBigThreeConferencesInOrderAndRooseveltDiedBeforePotsdam() {
        List<String> conferences = orderedIds("""
                SELECT ?c WHERE {
                  ?c skg:initiatedBy person:joseph-stalin , person:winston-churchill ; skg:startDate ?d .
                  FILTER (?c IN (event:tehran-conference, event:yalta-conference, event:potsdam-conference))
                } ORDER BY ?d""", "c");
        assertEquals(List.of("event/tehran-conference", "event/yalta-conference", "event/potsdam-conference"),
                conferences);
        assertEquals(Set.of("event/potsdam-conference"),
                ids("SELECT ?c WHERE { ?c skg:initiatedBy person:harry-s-truman }", "c"));
        assertTrue(ask(PREFIXES + """
                ASK {
                  person:franklin-d-roosevelt skg:deathDate ?death .
                  event:yalta-conference skg:endDate ?yalta .
                  event:potsdam-conference skg:startDate ?potsdam .
                  FILTER (?yalta < ?death && ?death < ?potsdam)
                }"""));
    }

    @Test
    void sovietWarDeadCarryTwoEstimatesSideBySideMilitaryBelowTotal() {
        List<String> mins = orderedIds("""
                SELECT ?min WHERE {
                  outcome:soviet-war-dead skg:hasEstimate ?e . ?e skg:minimumValue ?min ; skg:measure ?m .
                } ORDER BY ?min""", "min");
        assertEquals(List.of("8668400", "26000000"), mins);
        assertTrue(ask(PREFIXES + """
                ASK {
                  outcome:soviet-war-dead skg:hasEstimate ?k , ?t .
                  ?k dcterms:source source:krivosheev-1997-soviet-casualties .
                  ?t dcterms:source source:ellman-maksudov-1994-soviet-deaths ; skg:maximumValue 27000000 .
                }"""));
    }

    @Test
    void theWinterWarLastedFromNovember1939ToMarch1940AndCostTheRedArmyAboutOneHundredTwentySevenThousand() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:winter-war skg:startDate "1939-11-30"^^xsd:date ; skg:endDate "1940-03-13"^^xsd:date ;
                      skg:affectedRegion region:finland ;
                      skg:partOf policy:soviet-territorial-expansion-1939-1940 .
                  policy:soviet-territorial-expansion-1939-1940 skg:ledTo outcome:soviet-losses-in-the-winter-war .
                  outcome:soviet-losses-in-the-winter-war skg:hasEstimate ?e .
                  ?e skg:minimumValue 126875 .
                }"""));
    }

    @Test
    void hitlerInitiatedTheInvasionAsPartOfAWarOfAnnihilation() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  event:german-invasion-of-the-soviet-union skg:initiatedBy person:adolf-hitler ;
                      skg:partOf policy:german-war-of-annihilation-against-the-soviet-union .
                  policy:german-war-of-annihilation-against-the-soviet-union skg:ledTo outcome:soviet-war-dead .
                  person:adolf-hitler skos:exactMatch wd:Q352 .
                }"""));
    }

    @Test
    void atLeastTwentyTwoNewDatedEventsBetween1937And1945() {
        List<String> events = column(select(PREFIXES + """
                SELECT ?e WHERE {
                  ?e a skg:HistoricalEvent ; skg:startYear ?y .
                  FILTER (?y >= 1937 && ?y <= 1945 && ?e != event:german-invasion-of-the-soviet-union)
                }"""), "e");
        assertTrue(events.size() >= 22, events.toString());
    }
}
