package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each canned query in queries/ against the bundled graph, its parameters bound as RDF terms. */
class TestCannedQueries {

    private static final String ID = "https://w3id.org/stalin-kg/id/";

    static Stream<Path> queryFiles() throws IOException {
        return Files.list(ProjectFiles.ROOT.resolve("queries"))
                .filter(p -> p.toString().endsWith(".rq"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("queryFiles")
    void everyQueryIsPlainSparql11WithASummaryAndATotalOrder(Path file) throws IOException {
        String text = Files.readString(file);
        Query q = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("#+ summary:")), file + " has no #+ summary:");
        if (q.isSelectType()) {
            assertTrue(q.hasOrderBy(), file + " has no ORDER BY");
        }
    }

    @Test
    void thereAreAtLeastFiveCannedQueries() throws IOException {
        assertTrue(queryFiles().count() >= 5);
    }

    @Test
    void goalsAreTheThirteenOfTheSeedTable() {
        List<Binding> rows = run("goals", Map.of());
        assertEquals(13, rows.size(), rows.toString());
        assertTrue(column(rows, "goal").contains(ID + "goal/industrialization"));
        assertTrue(column(rows, "goal").contains(ID + "goal/collectivization-of-agriculture"));
        rows.forEach(r -> assertTrue(r.contains("labelRu"), "no Russian label: " + r));
    }

    @Test
    void industrializationWasServedByTheFirstFiveYearPlanAndCollectivization() {
        List<String> policies = column(run("policies-for-goal", Map.of("goal", ID + "goal/industrialization")), "policy");
        assertTrue(policies.contains(ID + "policy/first-five-year-plan"), policies.toString());
        assertTrue(policies.contains(ID + "policy/collectivization"), policies.toString());
    }

    @Test
    void collectivizationLedToFamineInUkraineAndKazakhstan() {
        List<Binding> rows = run("outcomes-of-policy", Map.of("policy", ID + "policy/collectivization"));
        List<String> regions = column(rows, "region");
        assertTrue(regions.contains(ID + "region/ukrainian-ssr"), regions.toString());
        assertTrue(regions.contains(ID + "region/kazakh-assr"), regions.toString());
        assertTrue(column(rows, "outcome").contains(ID + "outcome/holodomor"));
    }

    @Test
    void partsCountAsTheirPolicy() {
        List<String> outcomes = column(run("outcomes-of-policy", Map.of("policy", ID + "policy/five-year-plans")), "outcome");
        assertTrue(outcomes.contains(ID + "outcome/rapid-industrial-growth"), outcomes.toString());
    }

    @Test
    void famineRegionsIncludeTheUkrainianSsrAndKazakhstan() {
        List<Binding> rows = run("regions-of-outcome", Map.of("outcome", ID + "outcome/soviet-famine-1930-1933"));
        List<String> regions = column(rows, "region");
        assertTrue(regions.contains(ID + "region/ukrainian-ssr"), regions.toString());
        assertTrue(regions.contains(ID + "region/kazakh-assr"), regions.toString());
        assertTrue(column(rows, "presentDay").contains(ID + "region/ukraine"), rows.toString());
        assertTrue(column(rows, "presentDay").contains(ID + "region/kazakhstan"), rows.toString());
    }

    @Test
    void timelineIsInOrderAndStartsWithTheFirstFiveYearPlanBeforeTheSecond() {
        List<Binding> rows = run("timeline", Map.of());
        List<String> policies = column(rows, "policy");
        int first = policies.indexOf(ID + "policy/first-five-year-plan");
        int second = policies.indexOf(ID + "policy/second-five-year-plan");
        assertTrue(first >= 0 && second > first, policies.toString());
        int previous = Integer.MIN_VALUE;
        for (Binding row : rows) {
            int year = ((Number) row.get(Var.alloc("startYear")).getLiteralValue()).intValue();
            assertTrue(year >= previous, "out of order at " + row);
            previous = year;
        }
        assertEquals(policies.size(), policies.stream().distinct().count(), "one row per policy");
    }

    @Test
    void correctionsListTheWarsawPactAndTheSovkhoz() {
        List<Binding> rows = run("corrections", Map.of());
        assertTrue(rows.size() >= 10, rows.toString());
        List<String> corrections = column(rows, "correction");
        assertTrue(corrections.contains(ID + "correction/warsaw-pact-after-stalin"), corrections.toString());
        assertTrue(corrections.contains(ID + "correction/sovkhoz-is-a-state-farm"), corrections.toString());
        rows.forEach(r -> assertTrue(r.contains(Var.alloc("evidenceSources")) && r.contains(Var.alloc("section")), r.toString()));
    }

    @Test
    void claimsCoverageCountsEverySentenceOfEverySection() {
        List<Binding> rows = run("claims-coverage", Map.of());
        Map<String, List<String>> seed = SeedArticle.sentencesBySection();
        assertEquals(seed.size(), rows.size(), rows.toString());
        for (Binding row : rows) {
            String section = row.get(Var.alloc("section")).getURI();
            int sentences = ((Number) row.get(Var.alloc("sentences")).getLiteralValue()).intValue();
            assertEquals(seed.get(section.substring(section.lastIndexOf('/') + 1)).size(), sentences, section);
            int claims = ((Number) row.get(Var.alloc("claims")).getLiteralValue()).intValue();
            int byStatus = 0;
            for (String v : new String[] {"confirmedClaims", "disputedClaims", "correctedClaims"}) {
                byStatus += ((Number) row.get(Var.alloc(v)).getLiteralValue()).intValue();
            }
            assertEquals(claims, byStatus, "every claim has one status: " + row);
        }
        assertEquals(List.of(ID + "source/seed-summary", ID + "source/seed-goals-table"),
                column(rows, "section").subList(0, 2), "sections in the article's order");
    }

    /** Runs queries/NAME.rq with each parameter bound to an IRI, the way the API will. */
    static List<Binding> run(String name, Map<String, String> iriParams) {
        Query query = QueryFactory.read(ProjectFiles.ROOT.resolve("queries/" + name + ".rq").toString(),
                Syntax.syntaxSPARQL_11);
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        List<Binding> rows = new ArrayList<>();
        Txn.executeRead(kg.dataset(), () -> {
            QueryExecBuilder exec = QueryExec.dataset(kg.dataset()).query(query);
            iriParams.forEach((param, iri) -> exec.substitution(Var.alloc(param), NodeFactory.createURI(iri)));
            exec.select().forEachRemaining(rows::add);
        });
        assertFalse(rows.isEmpty(), name + " returned nothing");
        return rows;
    }

    private static List<String> column(List<Binding> rows, String var) {
        List<String> values = new ArrayList<>();
        for (Binding row : rows) {
            Node n = row.get(Var.alloc(var));
            if (n != null) {
                values.add(n.isURI() ? n.getURI() : n.toString());
            }
        }
        return values;
    }
}
