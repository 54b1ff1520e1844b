package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.stalinkg.graph.Competency.PREFIXES;
import static org.w3id.stalinkg.graph.Competency.assertContainsAll;
import static org.w3id.stalinkg.graph.Competency.ids;
import static org.w3id.stalinkg.graph.Competency.orderedIds;
import static org.w3id.stalinkg.graph.ProjectFiles.ask;
import static org.w3id.stalinkg.graph.ProjectFiles.column;
import static org.w3id.stalinkg.graph.ProjectFiles.select;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Competency questions for the second set of people and events (data/people-v2.ttl, data/events-v2.ttl) and for the
 * labels in the languages of the places and peoples concerned (data/languages.ttl): plain SPARQL 1.1 over the
 * asserted graph, as a user of /sparql would write it, each with its expected answer.
 */
class TestCompetencyPeopleAndEvents {

    // --- The ruling circle and the famine ---

    @Test
    void kaganovichKosiorAndPostyshevCarriedOutGrainProcurement() {
        assertContainsAll(ids("SELECT ?p WHERE { policy:grain-procurement skg:carriedOutBy ?p . ?p a skg:Person }", "p"),
                "person/lazar-kaganovich", "person/stanislav-kosior", "person/pavel-postyshev");
    }

    @Test
    void kaganovichsRoleInGrainProcurementIsDatedFromOctober1932() {
        assertTrue(ask(PREFIXES + """
                ASK { policy:grain-procurement skg:carriedOutBy person:lazar-kaganovich .
                      [] owl:annotatedSource policy:grain-procurement ; owl:annotatedProperty skg:carriedOutBy ;
                         owl:annotatedTarget person:lazar-kaganovich ; skg:validFrom "1932-10"^^xsd:gYearMonth ;
                         dcterms:source source:davies-wheatcroft-2004-years-of-hunger }"""));
    }

    @Test
    void theThreeLeadersOfSovietUkraineDuringTheFamineWereShotOnTheSameDay() {
        List<String> deaths = column(select(PREFIXES + """
                SELECT DISTINCT ?death WHERE {
                  VALUES ?p { person:stanislav-kosior person:pavel-postyshev person:vlas-chubar }
                  ?p skg:deathDate ?death ; rdfs:label ?uk . FILTER(LANG(?uk) = "uk") }"""), "death");
        assertEquals(List.of("1939-02-26"), deaths);
    }

    @Test
    void peoplesCommissarsOfDefenceBeforeThePostWasAbolishedInOrder() {
        List<String> holders = orderedIds("""
                SELECT ?holder WHERE {
                  ?t a skg:OfficeTerm ; skg:office office:peoples-commissar-of-defence ;
                     skg:holder ?holder ; skg:startDate ?start .
                } ORDER BY ?start""", "holder");
        assertEquals(List.of("person/kliment-voroshilov", "person/semyon-timoshenko", "person/joseph-stalin"), holders);
    }

    // --- The road to the Terror ---

    @Test
    void kirovAttendedTheSeventeenthCongressMonthsBeforeHisMurder() {
        assertTrue(ask(PREFIXES + """
                ASK { event:seventeenth-party-congress skg:participant person:sergei-kirov ;
                                                        skg:endDate ?congressEnd .
                      event:murder-of-sergei-kirov skg:startDate ?murder .
                      FILTER(?congressEnd < ?murder && YEAR(?congressEnd) = YEAR(?murder)) }"""));
    }

    @Test
    void theDecreeOfDecember1934WasSignedByKalininAndYenukidze() {
        assertEquals(Set.of("person/mikhail-kalinin", "person/avel-yenukidze"),
                ids("SELECT ?s WHERE { event:decree-of-1-december-1934 skg:signatory ?s }", "s"));
    }

    @Test
    void ulrikhSatInJudgementAtTheThreeMoscowTrialsAndTheTrialOfTheCommanders() {
        assertContainsAll(ids("SELECT ?e WHERE { ?e skg:participant person:vasili-ulrikh }", "e"),
                "event/first-moscow-trial", "event/second-moscow-trial", "event/third-moscow-trial",
                "event/trial-of-tukhachevsky-and-the-commanders");
    }

    @Test
    void commandersTriedWithTukhachevskyWereShotTheNextDayButBlyukherWhoJudgedThemLaterStill() {
        Set<String> shotNextDay = ids("""
                SELECT ?p WHERE {
                  event:trial-of-tukhachevsky-and-the-commanders skg:participant ?p ; skg:startDate ?trial .
                  ?p a skg:Person ; skg:deathDate ?death .
                  FILTER(?death = ?trial + "P1D"^^xsd:dayTimeDuration) }""", "p");
        assertContainsAll(shotNextDay, "person/iona-yakir", "person/ieronim-uborevich");
        assertFalse(shotNextDay.contains("person/vasily-blyukher"), shotNextDay.toString());
    }

    @Test
    void the1937CensusWasAnnulledTheSameYearAsPartOfTheGreatPurge() {
        assertTrue(ask(PREFIXES + """
                ASK { event:census-of-1937 skg:startDate ?taken .
                      event:annulment-of-the-1937-census a skg:LegalAct ; skg:startDate ?annulled ;
                                                         skg:partOf policy:great-purge .
                      event:census-of-1939 skg:startDate ?next .
                      FILTER(YEAR(?taken) = 1937 && STRSTARTS(STR(?annulled), "1937-") && YEAR(?next) = 1939) }"""));
    }

    @Test
    void lawsAndDecreesOf1934To1936IncludeTheConstitutionAndTheAbortionBan() {
        assertContainsAll(ids("""
                SELECT ?act WHERE {
                  ?act a skg:LegalAct ; skg:startDate ?d .
                  FILTER(?d >= "1934-01-01"^^xsd:date && ?d <= "1936-12-31"^^xsd:date) }""", "act"),
                "event/decree-on-treason-to-the-motherland", "event/decree-on-measures-against-juvenile-crime",
                "event/ban-on-abortion-of-1936", "event/adoption-of-the-1936-constitution");
    }

    @Test
    void the1936ConstitutionCreatedTheKazakhSsrOnTheDayOfItsAdoption() {
        assertTrue(ask(PREFIXES + """
                ASK { event:adoption-of-the-1936-constitution skg:affectedRegion region:kazakh-ssr ;
                                                              skg:startDate ?adopted ;
                                                              rdfs:label ?kk .
                      region:kazakh-ssr skg:startDate ?created .
                      FILTER(?adopted = ?created && LANG(?kk) = "kk") }"""));
    }

    // --- Late Stalinism, the war and the bloc ---

    @Test
    void stalinsBirthdayCelebrationsOf1929And1949FrameTheCult() {
        assertEquals(List.of("event/stalins-fiftieth-birthday", "event/stalins-seventieth-birthday"), orderedIds("""
                SELECT ?e WHERE {
                  ?e skg:partOf policy:cult-of-personality ; skg:startDate ?d .
                  FILTER(CONTAINS(STR(?e), "birthday")) } ORDER BY ?d""", "e"));
    }

    @Test
    void theDeathPenaltyWasRestoredBeforeTheLeningradAffairExecutions() {
        assertTrue(ask(PREFIXES + """
                ASK { event:abolition-of-the-death-penalty-of-1947 skg:startDate ?abolished .
                      event:restoration-of-the-death-penalty-of-1950 skg:startDate ?restored .
                      event:leningrad-affair-executions skg:startDate ?shot .
                      FILTER(?abolished < ?restored && ?restored < ?shot) }"""));
    }

    @Test
    void showTrialsInTheBlocAfterYugoslaviasExpulsionFromTheCominform() {
        assertEquals(List.of("event/rajk-trial", "event/slansky-trial"), orderedIds("""
                SELECT ?trial WHERE {
                  VALUES ?defendant { person:laszlo-rajk person:rudolf-slansky }
                  ?trial skg:participant ?defendant ; skg:startYear ?y .
                  event:expulsion-of-yugoslavia-from-the-cominform skg:startDate ?split .
                  FILTER(?y > YEAR(?split)) } ORDER BY ?y""", "trial"));
    }

    @Test
    void kurchatovTookPartInTheBombProjectAndItsFirstTest() {
        assertTrue(ask(PREFIXES + """
                ASK { policy:soviet-atomic-bomb-project skg:carriedOutBy person:igor-kurchatov .
                      event:first-soviet-atomic-bomb-test skg:participant person:igor-kurchatov ; rdfs:label ?kk .
                      FILTER(LANG(?kk) = "kk") }"""));
    }

    @Test
    void theCominternWasDissolvedBeforeItsRecordedEnd() {
        assertTrue(ask(PREFIXES + """
                ASK { event:dissolution-of-the-comintern a skg:LegalAct ; skg:startDate ?d ;
                                                         skg:participant institution:comintern , person:georgi-dimitrov .
                      institution:comintern skg:endDate ?end .
                      FILTER(STR(?end) = SUBSTR(STR(?d), 1, 7)) }"""));
    }

    // --- Languages ---

    @Test
    void deportedPeoplesHaveTheirOwnNames() {
        Set<String> named = ids("""
                SELECT ?g WHERE {
                  ?g a skg:SocialGroup ; rdfs:label ?own .
                  FILTER(LANG(?own) IN ("ce", "inh", "crh", "xal", "krc", "de", "pl", "ko", "tr", "fi")) }""", "g");
        assertContainsAll(named, "group/chechens", "group/ingush", "group/crimean-tatars", "group/kalmyks",
                "group/karachays", "group/soviet-germans", "group/poles", "group/soviet-koreans",
                "group/meskhetian-turks", "group/ingrian-finns");
        assertEquals(List.of("Хальмгуд"), column(select(PREFIXES + """
                SELECT ?l WHERE { group:kalmyks rdfs:label ?l . FILTER(LANG(?l) = "xal") }"""), "l"));
    }

    @Test
    void theDeportationOfTheCrimeanTatarsIsNamedInUkrainianAndCrimeanTatar() {
        assertEquals(List.of("crh", "en", "ru", "uk"), column(select(PREFIXES + """
                SELECT DISTINCT ?lang WHERE {
                  policy:deportation-of-the-crimean-tatars rdfs:label ?l . BIND(LANG(?l) AS ?lang) } ORDER BY ?lang"""),
                "lang"));
    }

    @Test
    void eventsInTheKazakhSsrHaveKazakhLabels() {
        assertFalse(ask(PREFIXES + """
                ASK { VALUES ?e { event:kengir-uprising event:first-soviet-atomic-bomb-test
                                  event:exile-of-trotsky-to-alma-ata }
                      FILTER NOT EXISTS { ?e rdfs:label ?kk . FILTER(LANG(?kk) = "kk") } }"""));
    }

    @Test
    void noThingHasTwoLabelsInOneLanguage() {
        assertFalse(ask(PREFIXES + """
                ASK { ?x rdfs:label ?a , ?b . FILTER(?a != ?b && LANG(?a) = LANG(?b)) }"""));
    }

    // --- The timeline ---

    @Test
    void theTimelineHoldsAtLeastEightyDatedEventsFrom1922To1956() {
        int dated = Integer.parseInt(column(select(PREFIXES + """
                SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
                  ?e a/rdfs:subClassOf* skg:HistoricalEvent ; skg:startYear ?y . FILTER(?y >= 1922 && ?y <= 1956) }"""),
                "n").get(0));
        assertTrue(dated >= 80, "only " + dated + " dated events");
    }
}
