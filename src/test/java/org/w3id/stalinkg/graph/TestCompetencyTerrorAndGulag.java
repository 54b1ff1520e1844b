package org.w3id.stalinkg.graph;

import static org.w3id.stalinkg.graph.Competency.ID;
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

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

/**
 * Questions about the Great Terror of 1934-1938 and the Gulag that a historian, a teacher or a data journalist would
 * ask of the graph, each as a SPARQL query with its expected answer from data/great-terror.ttl and data/gulag.ttl.
 * Plain SPARQL 1.1, as a user of /sparql would write it.
 */
class TestCompetencyTerrorAndGulag {

    // --- From Kirov's murder to the Moscow trials ---

    @Test
    void kirovMurderPrecededTheFirstMoscowTrial() {
        assertTrue(ask(PREFIXES + """
                ASK { event:murder-of-sergei-kirov skg:startDate ?murder .
                      event:first-moscow-trial skg:startDate ?trial .
                      person:sergei-kirov skg:deathDate ?death .
                      FILTER(?murder = "1934-12-01"^^xsd:date && ?death = ?murder && ?murder < ?trial) }"""));
    }

    @Test
    void theDecreeOfFirstDecember1934WasIssuedOnTheDayOfTheMurderOnStalinsInitiative() {
        assertTrue(ask(PREFIXES + """
                ASK { event:decree-of-1-december-1934 skg:startDate ?d ; skg:initiatedBy person:joseph-stalin .
                      event:murder-of-sergei-kirov skg:startDate ?d . }"""));
    }

    @Test
    void theThreeMoscowTrialsInOrderWithTheirDays() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?trial ?start ?end WHERE {
                  ?trial skg:partOf event:moscow-trials ; skg:startDate ?start ; skg:endDate ?end .
                } ORDER BY ?start""");
        assertEquals(List.of(ID + "event/first-moscow-trial", ID + "event/second-moscow-trial",
                ID + "event/third-moscow-trial"), column(rows, "trial"));
        assertEquals("1936-08-19", rows.get(0).getLiteral("start").getLexicalForm());
        assertEquals("1937-01-30", rows.get(1).getLiteral("end").getLexicalForm());
        assertEquals("1938-03-13", rows.get(2).getLiteral("end").getLexicalForm());
    }

    @Test
    void everyMoscowTrialFellWithinTheSpanOfTheMoscowTrials() {
        assertFalse(ask(PREFIXES + """
                ASK { ?trial skg:partOf event:moscow-trials ; skg:startYear ?s ; skg:endYear ?e .
                      event:moscow-trials skg:startYear ?ps ; skg:endYear ?pe .
                      FILTER(?s < ?ps || ?e > ?pe) }"""));
    }

    // --- The NKVD chiefs ---

    @Test
    void theNkvdChiefsOfTheTerrorInOrderWereYagodaYezhovAndBeria() {
        assertEquals(List.of("person/genrikh-yagoda", "person/nikolai-yezhov", "person/lavrentiy-beria"), orderedIds("""
                SELECT ?who WHERE {
                  ?term skg:office office:peoples-commissar-of-internal-affairs ; skg:holder ?who ; skg:startDate ?s .
                } ORDER BY ?s""", "who"));
    }

    @Test
    void yezhovHeadedTheNkvdWhenOrder00447WasSigned() {
        assertEquals(Set.of("person/nikolai-yezhov"), ids("""
                SELECT ?who WHERE {
                  event:nkvd-order-00447 skg:startDate ?signed .
                  ?term skg:office office:peoples-commissar-of-internal-affairs ; skg:holder ?who ;
                        skg:startDate ?s ; skg:endDate ?e .
                  FILTER(?s <= ?signed && ?signed <= ?e)
                }""", "who"));
        assertTrue(ask(PREFIXES + "ASK { event:nkvd-order-00447 skg:initiatedBy person:nikolai-yezhov }"));
    }

    @Test
    void theMassOperationsWereStoppedBeforeBeriaReplacedYezhov() {
        assertTrue(ask(PREFIXES + """
                ASK { event:decree-on-arrests-procuratorial-supervision-and-investigation skg:startDate ?stop .
                      event:appointment-of-beria-as-peoples-commissar-of-internal-affairs skg:startDate ?beria .
                      policy:kulak-operation skg:endDate ?end .
                      FILTER(?stop = "1938-11-17"^^xsd:date && ?stop < ?beria && STR(?end) = SUBSTR(STR(?stop), 1, 7)) }"""));
    }

    // --- The mass operations and their figures ---

    @Test
    void theMassOperationsArePartsOfTheGreatPurge() {
        assertContainsAll(ids("SELECT ?p WHERE { ?p skg:partOf+ policy:great-purge ; a skg:RepressionCampaign }", "p"),
                "policy/kulak-operation", "policy/nkvd-national-operations", "policy/polish-operation",
                "policy/german-operation", "policy/harbin-operation", "policy/purge-of-the-red-army");
        assertEquals(Set.of("policy/polish-operation", "policy/german-operation", "policy/harbin-operation"),
                ids("SELECT ?p WHERE { ?p skg:partOf policy:nkvd-national-operations ; a skg:RepressionCampaign }", "p"));
    }

    @Test
    void theKulakOperationWasSentencedByTroikasAndTargetedKulaksAndClergy() {
        assertContainsAll(ids("SELECT ?who WHERE { policy:kulak-operation skg:carriedOutBy ?who }", "who"),
                "institution/nkvd", "institution/nkvd-troikas", "person/nikolai-yezhov");
        assertContainsAll(ids("SELECT ?g WHERE { policy:kulak-operation skg:targetedGroup ?g }", "g"),
                "group/kulaks", "group/clergy");
    }

    @Test
    void executionsOf1937And1938ByTheNkvdsOwnRecords() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?min WHERE {
                  policy:great-purge skg:ledTo outcome:great-terror-executions .
                  outcome:great-terror-executions skg:hasEstimate estimate:nkvd-executions-1937-1938 .
                  estimate:nkvd-executions-1937-1938 skg:minimumValue ?min ; skg:measure ?m ; dcterms:source ?s .
                }""");
        assertTrue(rows.size() >= 1, rows.toString());
        assertEquals(681692L, rows.get(0).getLiteral("min").getLong());
    }

    @Test
    void executionsOfTheGreatTerrorHaveSeveralEstimatesSideBySide() {
        Set<String> estimates = ids("SELECT ?e WHERE { outcome:great-terror-executions skg:hasEstimate ?e }", "e");
        assertEquals(Set.of("estimate/nkvd-executions-1937-1938", "estimate/great-terror-executions-conquest"), estimates);
    }

    @Test
    void executionsByOperationAreFiguresOnTheOperationsOwnOutcomes() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?outcome (MIN(?min) AS ?lowest) (MAX(COALESCE(?max, ?min)) AS ?highest) WHERE {
                  ?outcome skg:partOf+ outcome:great-terror-executions ; skg:hasEstimate ?e .
                  ?e skg:minimumValue ?min . OPTIONAL { ?e skg:maximumValue ?max }
                } GROUP BY ?outcome""");
        long kulakLow = 0;
        long kulakHigh = 0;
        long polish = 0;
        for (QuerySolution row : rows) {
            String o = row.getResource("outcome").getURI().substring(ID.length());
            if (o.equals("outcome/kulak-operation-executions")) {
                kulakLow = row.getLiteral("lowest").getLong();
                kulakHigh = row.getLiteral("highest").getLong();
            } else if (o.equals("outcome/polish-operation-executions")) {
                polish = row.getLiteral("lowest").getLong();
            }
        }
        assertEquals(386798L, kulakLow, "the NKVD's central count");
        assertEquals(445000L, kulakHigh, "Roginsky and Petrov's upper figure");
        assertEquals(111091L, polish);
        assertTrue(kulakLow + polish <= 681692L, rows.toString());
    }

    @Test
    void noNewTerrorFigureIsAttachedToMassRepressionAsAWhole() {
        Set<String> onTheWhole = ids("SELECT ?e WHERE { outcome:mass-repression skg:hasEstimate ?e }", "e");
        for (String e : List.of("estimate/nkvd-executions-1937-1938", "estimate/nkvd-sentences-1937-1938",
                "estimate/nkvd-arrests-1937-1938", "estimate/kulak-operation-executions",
                "estimate/polish-operation-executions", "estimate/gulag-population-1950")) {
            assertFalse(onTheWhole.contains(e), onTheWhole.toString());
        }
    }

    @Test
    void tukhachevskyWasTriedTheDayBeforeHisDeathInThePurgeOfTheArmy() {
        assertTrue(ask(PREFIXES + """
                ASK { event:trial-of-tukhachevsky-and-the-commanders skg:startDate ?trial ;
                        skg:partOf policy:purge-of-the-red-army .
                      person:mikhail-tukhachevsky skg:deathDate ?death .
                      policy:purge-of-the-red-army skg:targetedGroup group:military-leaders ; skg:partOf policy:great-purge .
                      FILTER(?trial = "1937-06-11"^^xsd:date && ?death = "1937-06-12"^^xsd:date) }"""));
    }

    // --- The Gulag ---

    @Test
    void theGulagAdministrationWasFormedInApril1930AfterTheDecreeOfJuly1929() {
        assertTrue(ask(PREFIXES + """
                ASK { event:decree-on-the-use-of-prisoner-labour skg:startDate ?decree ; skg:partOf policy:gulag-forced-labour .
                      event:formation-of-the-camp-administration-of-the-ogpu skg:startDate ?ulag .
                      FILTER(?decree = "1929-07-11"^^xsd:date && ?ulag = "1930-04-25"^^xsd:date) }"""));
    }

    @Test
    void campComplexesOfTheGulagExistingIn1950() {
        Set<String> camps = ids("""
                SELECT ?camp WHERE {
                  ?camp skg:partOf institution:gulag ; skg:startYear ?s ; skg:endYear ?e .
                  FILTER(?s <= 1950 && ?e >= 1950)
                }""", "camp");
        assertEquals(Set.of("institution/vorkutlag", "institution/norillag", "institution/karlag"), camps);
        assertFalse(camps.contains("institution/solovki-special-purpose-camp"), camps.toString());
    }

    @Test
    void regionsWhereGulagForcedLabourStruck() {
        assertContainsAll(ids("SELECT ?r WHERE { policy:gulag-forced-labour skg:affectedRegion ?r }", "r"),
                "region/kolyma", "region/vorkuta", "region/norilsk", "region/solovetsky-islands", "region/kazakh-ssr");
    }

    @Test
    void gulagDeathEstimatesSayWhetherTheyCountColoniesAndSpecialSettlements() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?e ?min ?measure WHERE {
                  outcome:gulag-deaths skg:hasEstimate ?e . ?e skg:minimumValue ?min ; skg:measure ?measure ; dcterms:source ?s .
                }""");
        Set<String> seen = new TreeSet<>();
        for (QuerySolution row : rows) {
            String e = row.getResource("e").getURI().substring(ID.length());
            String measure = row.getLiteral("measure").getLexicalForm();
            seen.add(e);
            if (e.equals("estimate/gulag-recorded-deaths-1930-1956-applebaum")) {
                assertEquals(2749163L, row.getLiteral("min").getLong());
                assertTrue(measure.contains("special settlements") && measure.contains("colonies"), measure);
            }
        }
        assertContainsAll(seen, "estimate/gulag-camp-deaths-1934-1953", "estimate/gulag-recorded-deaths-1930-1956-applebaum");
    }

    @Test
    void theGulagPopulationPeakedAtTwoAndAHalfMillionOnFirstJanuary1950() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?min WHERE {
                  policy:gulag-forced-labour skg:ledTo outcome:gulag-imprisonment .
                  outcome:gulag-imprisonment skg:hasEstimate estimate:gulag-population-1950 .
                  estimate:gulag-population-1950 skg:minimumValue ?min .
                }""");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(2561351L, rows.get(0).getLiteral("min").getLong());
    }

    @Test
    void theAmnestyOf1953FollowedStalinsDeathOnBeriasProposal() {
        assertTrue(ask(PREFIXES + """
                ASK { event:amnesty-of-1953 skg:startDate ?amnesty ; skg:initiatedBy person:lavrentiy-beria .
                      event:death-of-stalin skg:startDate ?death .
                      person:lavrentiy-beria skg:deathDate ?beriaDeath .
                      FILTER(?amnesty = "1953-03-27"^^xsd:date && ?death < ?amnesty && ?amnesty < ?beriaDeath) }"""));
    }

    @Test
    void specialSettlementsHeldTheDeportedKulaks() {
        assertTrue(ask(PREFIXES + """
                ASK { policy:special-settlement-regime skg:targetedGroup group:kulaks ;
                        skg:ledTo outcome:deportation-of-kulaks ; skg:partOf policy:gulag-forced-labour ;
                        skg:carriedOutBy institution:ogpu, institution:gulag . }"""));
    }

    @Test
    void everyTerrorAndGulagEventIsDatedToTheDayOrMonth() {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?e ?start WHERE {
                  ?e a skg:HistoricalEvent ; skg:startDate ?start .
                  { ?e skg:partOf+ policy:great-purge } UNION { ?e skg:partOf+ policy:gulag-forced-labour }
                  UNION { ?e skg:partOf event:moscow-trials }
                }""");
        assertTrue(rows.size() >= 15, rows.toString());
        long dayPrecision = rows.stream()
                .filter(r -> r.getLiteral("start").getDatatypeURI().endsWith("#date")).count();
        assertTrue(dayPrecision >= 14, rows.toString());
    }
}
