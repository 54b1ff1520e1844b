package org.w3id.stalinkg.graph;

import static org.w3id.stalinkg.graph.Competency.PREFIXES;
import static org.w3id.stalinkg.graph.Competency.assertContainsAll;
import static org.w3id.stalinkg.graph.Competency.ids;
import static org.w3id.stalinkg.graph.Competency.orderedIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.stalinkg.graph.ProjectFiles.ask;
import static org.w3id.stalinkg.graph.ProjectFiles.column;
import static org.w3id.stalinkg.graph.ProjectFiles.select;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Questions about the road to power and the end of NEP (1921-1929) and about the famine-era laws and controls of
 * 1932-1933 (data/road-to-power.ttl, data/famine-laws.ttl), each as a SPARQL query with its expected answer. Plain
 * SPARQL 1.1 over the bundled graph, as a user of /sparql would write it.
 */
class TestCompetencyRoadAndFamineLaws {

    // --- The succession struggle ---

    @Test
    void leninDictatedHisTestamentBeforeHeDied() {
        assertTrue(ask(PREFIXES + """
                ASK { event:lenins-testament skg:initiatedBy person:vladimir-lenin ;
                        skg:startDate ?dictated ; skg:partOf event:succession-struggle .
                      person:vladimir-lenin skg:deathDate ?death .
                      FILTER(STR(?dictated) = "1922-12-23" && STR(?death) = "1924-01-21") }"""));
    }

    @Test
    void theEventsOfTheSuccessionStruggleInOrder() {
        List<String> events = orderedIds("""
                SELECT ?e WHERE { ?e skg:partOf event:succession-struggle ; skg:startDate ?d } ORDER BY STR(?d)""", "e");
        assertEquals(List.of("event/lenins-testament", "event/declaration-of-the-forty-six",
                "event/death-of-vladimir-lenin", "event/thirteenth-party-congress",
                "event/trotsky-removed-as-war-commissar", "event/fourteenth-party-congress",
                "event/opposition-demonstrations-of-7-november-1927",
                "event/expulsion-of-trotsky-and-zinoviev-from-the-party", "event/fifteenth-party-congress"), events);
    }

    @Test
    void trotskyWasExpelledThenExiledThenDeportedAndFinallyMurderedInMexico() {
        List<String> steps = orderedIds("""
                SELECT ?e WHERE { ?e skg:partOf policy:repression-of-the-united-opposition ; skg:startDate ?d }
                ORDER BY STR(?d)""", "e");
        assertEquals(List.of("event/expulsion-of-trotsky-and-zinoviev-from-the-party",
                "event/exile-of-trotsky-to-alma-ata", "event/deportation-of-trotsky-from-the-soviet-union"), steps);
        assertTrue(ask(PREFIXES + """
                ASK { event:exile-of-trotsky-to-alma-ata skg:affectedRegion region:kazakh-assr .
                      event:assassination-of-leon-trotsky skg:affectedRegion region:mexico ;
                        skg:initiatedBy person:joseph-stalin ; skg:startYear 1940 .
                      person:leon-trotsky skg:deathDate ?death . FILTER(STR(?death) = "1940-08-21") }"""));
    }

    @Test
    void theUnitedOppositionJoinedTrotskyZinovievAndKamenev() {
        assertEquals(Set.of("person/grigory-zinoviev", "person/leon-trotsky", "person/lev-kamenev"),
                ids("SELECT ?p WHERE { institution:united-opposition skg:initiatedBy ?p }", "p"));
    }

    @Test
    void theRightOppositionWasBukharinRykovAndTomsky() {
        assertEquals(Set.of("person/alexei-rykov", "person/mikhail-tomsky", "person/nikolai-bukharin"),
                ids("SELECT ?p WHERE { institution:right-opposition skg:initiatedBy ?p }", "p"));
    }

    @Test
    void bukharinAndRykovWereShotOnTheSameDayAsWereZinovievAndKamenev() {
        assertTrue(ask(PREFIXES + """
                ASK { person:nikolai-bukharin skg:deathDate ?b . person:alexei-rykov skg:deathDate ?r .
                      person:grigory-zinoviev skg:deathDate ?z . person:lev-kamenev skg:deathDate ?k .
                      FILTER(?b = ?r && ?z = ?k && STR(?b) = "1938-03-15" && STR(?z) = "1936-08-25") }"""));
    }

    @Test
    void breakingTheOppositionLedToStalinsSoleLeadershipWhenTheStruggleEnded() {
        assertTrue(ask(PREFIXES + """
                ASK { policy:repression-of-the-united-opposition skg:ledTo outcome:stalins-sole-leadership ;
                        skg:initiatedBy person:joseph-stalin ; skg:carriedOutBy institution:ogpu .
                      outcome:stalins-sole-leadership skg:startYear ?y .
                      event:succession-struggle skg:endYear ?y }"""));
    }

    // --- The end of NEP and the Great Break ---

    @Test
    void nepWasLeninsAndEndedTheYearCollectivizationBegan() {
        assertTrue(ask(PREFIXES + """
                ASK { policy:new-economic-policy skg:initiatedBy person:vladimir-lenin ;
                        skg:startYear 1921 ; skg:endYear ?end .
                      policy:collectivization skg:startYear ?end }"""));
        assertContainsAll(ids("SELECT ?p WHERE { ?p skg:ledTo outcome:end-of-the-new-economic-policy }", "p"),
                "policy/extraordinary-measures-of-1928", "policy/collectivization");
    }

    @Test
    void theGrainCrisisWasMetByExtraordinaryMeasuresAndTheUralSiberianMethod() {
        assertContainsAll(ids("SELECT ?p WHERE { ?p skg:partOf policy:grain-procurement ; skg:startYear ?y "
                        + "FILTER(?y IN (1928, 1929)) }", "p"),
                "policy/extraordinary-measures-of-1928", "policy/ural-siberian-method");
        assertEquals(Set.of("region/siberia", "region/ural-mountains"),
                ids("SELECT ?r WHERE { policy:ural-siberian-method skg:affectedRegion ?r }", "r"));
        assertTrue(ask(PREFIXES + """
                ASK { event:stalins-trip-to-siberia skg:partOf policy:extraordinary-measures-of-1928 ;
                        skg:startYear 1928 }"""));
    }

    @Test
    void theShakhtyTrialPrecededTheIndustrialPartyTrialInTheCampaignAgainstSpecialists() {
        List<String> trials = orderedIds("""
                SELECT ?t WHERE { ?t skg:partOf policy:campaign-against-bourgeois-specialists ; skg:startDate ?d }
                ORDER BY STR(?d)""", "t");
        assertTrue(trials.indexOf("event/shakhty-trial") >= 0
                && trials.indexOf("event/shakhty-trial") < trials.indexOf("event/industrial-party-trial"),
                trials.toString());
        assertTrue(ask(PREFIXES + """
                ASK { policy:campaign-against-bourgeois-specialists skg:targetedGroup group:bourgeois-specialists .
                      event:shakhty-trial skg:startDate ?s ; skg:endDate ?e .
                      FILTER(STR(?s) = "1928-05-18" && STR(?e) = "1928-07-06") }"""));
    }

    @Test
    void stalinProclaimedTheGreatBreakOn7November1929() {
        assertTrue(ask(PREFIXES + """
                ASK { event:stalins-article-the-year-of-the-great-break skg:partOf event:great-break ;
                        skg:initiatedBy person:joseph-stalin ; skg:startDate ?d .
                      FILTER(STR(?d) = "1929-11-07") }"""));
        assertEquals(3, ids("SELECT ?e WHERE { ?e skg:partOf event:great-break ; skg:startYear 1929 }", "e").size());
    }

    // --- The famine-era laws and controls ---

    @Test
    void theFamineLawsInOrderFromAugust1932ToJanuary1933() {
        List<String> laws = orderedIds("""
                SELECT ?p WHERE {
                  VALUES ?p { policy:law-on-the-protection-of-socialist-property policy:internal-passport-system
                              policy:directive-on-peasant-flight }
                  ?p skg:startDate ?d } ORDER BY STR(?d)""", "p");
        assertEquals(List.of("policy/law-on-the-protection-of-socialist-property", "policy/internal-passport-system",
                "policy/directive-on-peasant-flight"), laws);
    }

    @Test
    void theJanuary1933DirectiveClosedUkraineAndTheKubanAndLedToTheHolodomor() {
        assertContainsAll(ids("SELECT ?r WHERE { policy:directive-on-peasant-flight skg:affectedRegion ?r }", "r"),
                "region/ukrainian-ssr", "region/kuban", "region/north-caucasus");
        assertTrue(ask(PREFIXES + """
                ASK { policy:directive-on-peasant-flight skg:ledTo outcome:holodomor ;
                        skg:initiatedBy person:joseph-stalin ; skg:carriedOutBy institution:ogpu ;
                        skg:targetedGroup group:peasants .
                      region:kuban skg:partOf region:north-caucasus }"""));
    }

    @Test
    void measuresThatLedToTheHolodomor() {
        assertContainsAll(ids("SELECT ?p WHERE { ?p skg:ledTo outcome:holodomor }", "p"),
                "policy/grain-procurement", "policy/blacklisting-of-villages", "policy/directive-on-peasant-flight");
    }

    @Test
    void theUkrainianPartyBlacklistedSixVillagesOn6December1932() {
        assertTrue(ask(PREFIXES + """
                ASK { event:blacklisting-of-six-ukrainian-villages skg:partOf policy:blacklisting-of-villages ;
                        skg:startDate ?d .
                      policy:blacklisting-of-villages skg:carriedOutBy institution:communist-party-of-ukraine .
                      institution:communist-party-of-ukraine skg:partOf institution:communist-party-of-the-soviet-union .
                      FILTER(STR(?d) = "1932-12-06") }"""));
    }

    @Test
    void passportsBoundCollectiveFarmersToTheirFarms() {
        assertEquals(Set.of("policy/internal-passport-system"),
                ids("SELECT ?p WHERE { ?p skg:ledTo outcome:collective-farmers-bound-to-their-farms }", "p"));
    }

    @Test
    void everyFamineEraMeasureThatStruckUkraineHasAUkrainianLabel() {
        Set<String> missing = ids("""
                SELECT ?x WHERE {
                  ?x skg:affectedRegion region:ukrainian-ssr ; skg:startYear ?y .
                  FILTER(?y IN (1932, 1933))
                  FILTER NOT EXISTS { ?x rdfs:label ?l FILTER(LANG(?l) = "uk") }
                }""", "x");
        assertEquals(Set.of(), missing);
    }
}
