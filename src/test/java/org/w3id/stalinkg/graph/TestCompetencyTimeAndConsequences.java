package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.stalinkg.graph.Competency.PREFIXES;
import static org.w3id.stalinkg.graph.Competency.assertContainsAll;
import static org.w3id.stalinkg.graph.Competency.ids;
import static org.w3id.stalinkg.graph.ProjectFiles.ask;
import static org.w3id.stalinkg.graph.ProjectFiles.column;
import static org.w3id.stalinkg.graph.ProjectFiles.select;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Questions about statements that hold for a time (the period on the statement's owl:Axiom, skg:validFrom and
 * skg:validUntil), about consequences recorded as outcomes, and about Stalin's epithets. Plain SPARQL 1.1 over the
 * asserted graph, as a user of /sparql would write it: a statement holds in a year unless one of its axioms puts
 * that year outside its period, its subject's dates exclude the year, or the body it names did not exist that year.
 */
class TestCompetencyTimeAndConsequences {

    /**
     * The values ?o of {@code subject property ?o} that hold in {@code year}: no axiom of the statement starts
     * after the year or ends before it, the subject's own dates do not exclude the year, and the value, where it has
     * years of existence, existed that year.
     */
    private static Set<String> heldIn(String subject, String property, int year) {
        return ids("""
                SELECT ?o WHERE {
                  %1$s %2$s ?o .
                  FILTER NOT EXISTS { %1$s skg:startYear ?s . FILTER (?s > %3$d) }
                  FILTER NOT EXISTS { %1$s skg:endYear ?e . FILTER (?e < %3$d) }
                  FILTER NOT EXISTS {
                    ?a owl:annotatedSource %1$s ; owl:annotatedProperty %2$s ; owl:annotatedTarget ?o ;
                       skg:validFrom ?from .
                    FILTER (xsd:integer(SUBSTR(STR(?from), 1, 4)) > %3$d)
                  }
                  FILTER NOT EXISTS {
                    ?a owl:annotatedSource %1$s ; owl:annotatedProperty %2$s ; owl:annotatedTarget ?o ;
                       skg:validUntil ?until .
                    FILTER (xsd:integer(SUBSTR(STR(?until), 1, 4)) < %3$d)
                  }
                  FILTER NOT EXISTS { ?o skg:startYear ?os . FILTER (?os > %3$d) }
                  FILTER NOT EXISTS { ?o skg:endYear ?oe . FILTER (?oe < %3$d) }
                }""".formatted(subject, property, year), "o");
    }

    // --- Statements that hold for a time ---

    @Test
    void organisationsSupportedAbroadIn1950WereTheChineseCommunistsAndTheVietMinh() {
        assertEquals(Set.of("institution/chinese-communist-party", "institution/viet-minh"),
                heldIn("policy:support-for-communist-movements-abroad", "skg:supportedOrganization", 1950));
    }

    @Test
    void theVietMinhWasNotYetSupportedIn1945() {
        Set<String> supported = heldIn("policy:support-for-communist-movements-abroad",
                "skg:supportedOrganization", 1945);
        assertEquals(Set.of("institution/chinese-communist-party"), supported);
    }

    @Test
    void supportAbroadWentThroughTheCominformIn1950NotTheDissolvedComintern() {
        Set<String> bodies = heldIn("policy:support-for-communist-movements-abroad", "skg:carriedOutBy", 1950);
        assertTrue(bodies.contains("institution/cominform"), bodies.toString());
        assertFalse(bodies.contains("institution/comintern"), bodies.toString());
    }

    @Test
    void supportAbroadWentThroughTheCominternIn1935BeforeTheCominformExisted() {
        assertEquals(Set.of("institution/comintern"),
                heldIn("policy:support-for-communist-movements-abroad", "skg:carriedOutBy", 1935));
    }

    @Test
    void theBodiesThatCarriedOutTheGulagIn1932ExcludeTheNkvd() {
        Set<String> bodies = heldIn("policy:gulag-forced-labour", "skg:carriedOutBy", 1932);
        assertContainsAll(bodies, "institution/ogpu", "institution/gulag", "institution/dalstroy");
        assertFalse(bodies.contains("institution/nkvd"), bodies.toString());
    }

    @Test
    void theNkvdNotTheOgpuCarriedOutTheGulagIn1940() {
        Set<String> bodies = heldIn("policy:gulag-forced-labour", "skg:carriedOutBy", 1940);
        assertContainsAll(bodies, "institution/nkvd", "institution/gulag");
        assertFalse(bodies.contains("institution/ogpu"), bodies.toString());
    }

    @Test
    void theSatellitePolicyWasNoLongerCarriedOutByTheNkvdOrTheRedArmyIn1950() {
        Set<String> in1945 = heldIn("policy:eastern-bloc-satellite-states", "skg:carriedOutBy", 1945);
        assertContainsAll(in1945, "institution/nkvd", "institution/red-army");
        Set<String> in1950 = heldIn("policy:eastern-bloc-satellite-states", "skg:carriedOutBy", 1950);
        assertFalse(in1950.contains("institution/nkvd"), in1950.toString());
        assertFalse(in1950.contains("institution/red-army"), in1950.toString());
    }

    @Test
    void theGulagStruckTheKazakhAssrIn1933AndTheKazakhSsrIn1940() {
        Set<String> in1933 = heldIn("policy:gulag-forced-labour", "skg:affectedRegion", 1933);
        assertTrue(in1933.contains("region/kazakh-assr"), in1933.toString());
        assertFalse(in1933.contains("region/kazakh-ssr"), in1933.toString());
        Set<String> in1940 = heldIn("policy:gulag-forced-labour", "skg:affectedRegion", 1940);
        assertTrue(in1940.contains("region/kazakh-ssr"), in1940.toString());
        assertFalse(in1940.contains("region/kazakh-assr"), in1940.toString());
    }

    @Test
    void albaniaWasASovietSatelliteIn1955ButNoLongerIn1962() {
        assertTrue(heldIn("region:peoples-republic-of-albania", "skg:satelliteOf", 1955)
                .contains("region/soviet-union"));
        assertTrue(heldIn("region:peoples-republic-of-albania", "skg:satelliteOf", 1962).isEmpty());
    }

    @Test
    void theSecretProtocolOf1939StruckTheIndependentBalticStatesNotTheirLaterSovietRepublics() {
        Set<String> regions = ids("""
                SELECT ?r WHERE { event:secret-protocol-of-the-molotov-ribbentrop-pact skg:affectedRegion ?r }""",
                "r");
        assertContainsAll(regions, "region/estonia", "region/latvia", "region/finland",
                "region/second-polish-republic");
        assertFalse(regions.contains("region/estonian-ssr"), regions.toString());
        assertFalse(regions.contains("region/latvian-ssr"), regions.toString());
    }

    @Test
    void theSovietAnnexationsStruckTheBalticSsrsOnlyFromTheirProclamationInJuly1940() {
        assertEquals(Set.of("region/estonian-ssr", "region/latvian-ssr", "region/lithuanian-ssr"), ids("""
                SELECT ?r WHERE {
                  outcome:soviet-annexations-of-1939-1940 skg:affectedRegion ?r .
                  ?a owl:annotatedSource outcome:soviet-annexations-of-1939-1940 ;
                     owl:annotatedProperty skg:affectedRegion ; owl:annotatedTarget ?r ;
                     skg:validFrom "1940-07-21"^^xsd:date .
                }""", "r"));
    }

    @Test
    void noTimeQualifiedStatementStartsBeforeTheBodyItNamesExisted() {
        assertFalse(ask(PREFIXES + """
                ASK {
                  ?a owl:annotatedTarget ?o ; skg:validFrom ?from .
                  ?o skg:startYear ?start .
                  FILTER (xsd:integer(SUBSTR(STR(?from), 1, 4)) < ?start)
                }"""));
    }

    @Test
    void everyPeriodOnAStatementEndsAfterItStarts() {
        assertFalse(ask(PREFIXES + """
                ASK {
                  ?a skg:validFrom ?from ; skg:validUntil ?until .
                  FILTER (SUBSTR(STR(?until), 1, 4) < SUBSTR(STR(?from), 1, 4))
                }"""));
    }

    // --- Consequences as outcomes ---

    @Test
    void theFiveYearPlansLeftTheIndustrialCapacityOnWhichTheWarEffortDrew() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  policy:five-year-plans skg:ledTo outcome:industrial-capacity-for-the-war-effort .
                  outcome:industrial-capacity-for-the-war-effort a skg:EconomicOutcome ; skg:startYear 1941 .
                  ?a owl:annotatedSource policy:five-year-plans ; owl:annotatedProperty skg:ledTo ;
                     owl:annotatedTarget outcome:industrial-capacity-for-the-war-effort ;
                     dcterms:source source:davies-harrison-wheatcroft-1994-economic-transformation .
                }"""));
    }

    @Test
    void collectivizationAndGrainProcurementPutTheFoodSupplyUnderStateControl() {
        assertEquals(Set.of("policy/collectivization", "policy/grain-procurement"), ids("""
                SELECT ?p WHERE { ?p skg:ledTo outcome:state-control-of-the-food-supply }""", "p"));
    }

    @Test
    void thePoliticalOutcomesOfCollectivizationIncludePartyControlOfTheCountryside() {
        assertContainsAll(ids("""
                SELECT ?o WHERE { policy:collectivization skg:ledTo ?o . ?o a skg:PoliticalOutcome }""", "o"),
                "outcome/party-control-of-the-countryside");
    }

    @Test
    void theEasternBlocCameFromTheSatellitePolicyNotFromSupportForMovementsAbroad() {
        assertEquals(Set.of("policy/eastern-bloc-satellite-states"), ids("""
                SELECT ?p WHERE { ?p skg:ledTo outcome:eastern-bloc-established }""", "p"));
    }

    // --- Epithets and offices ---

    @Test
    void stalinWasCalledFatherOfPeoplesAndVozhdWhileTheCultLasted() {
        Set<String> in1950 = new TreeSet<>(column(select(PREFIXES + """
                SELECT ?name WHERE {
                  person:joseph-stalin skg:epithet ?name .
                  ?a owl:annotatedSource person:joseph-stalin ; owl:annotatedProperty skg:epithet ;
                     owl:annotatedTarget ?name ; skg:validFrom ?from ; skg:validUntil ?until ;
                     dcterms:source source:plamper-2012-stalin-cult .
                  FILTER (xsd:integer(SUBSTR(STR(?from), 1, 4)) <= 1950 && xsd:integer(SUBSTR(STR(?until), 1, 4)) >= 1950)
                }"""), "name"));
        assertContainsAll(in1950, "Отец народов", "Father of Peoples", "Вождь");
    }

    @Test
    void stalinsEpithetsAreInRussianAndEnglish() {
        assertEquals(Set.of("en", "ru"), new TreeSet<>(column(select(PREFIXES + """
                SELECT DISTINCT ?lang WHERE { person:joseph-stalin skg:epithet ?name . BIND (LANG(?name) AS ?lang) }
                """), "lang")));
    }

    @Test
    void stalinsSupremeCommandEndedNoLaterThanHisDeath() {
        assertTrue(ask(PREFIXES + """
                ASK {
                  term:joseph-stalin-supreme-commander-in-chief skg:endDate ?end .
                  person:joseph-stalin skg:deathDate ?death .
                  FILTER (STR(?end) <= STR(?death))
                }"""));
    }

    @Test
    void everyOneOfStalinsGoalsRestsOnAScholarlySourceBesideTheSeed() {
        assertTrue(ids("""
                SELECT ?g WHERE {
                  person:joseph-stalin skg:pursuedGoal ?g .
                  FILTER NOT EXISTS {
                    ?a owl:annotatedSource person:joseph-stalin ; owl:annotatedProperty skg:pursuedGoal ;
                       owl:annotatedTarget ?g ; dcterms:source ?s .
                    FILTER (!STRSTARTS(STR(?s), STR(source:seed)))
                  }
                }""", "g").isEmpty());
    }
}
