package org.w3id.stalinkg.ontology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.stalinkg.graph.ProjectFiles;

/** The quality checks of ontology/qc: none finds anything in the real graph, each finds its planted fault. */
class TestQualityChecks {

    /** One fault per check, planted in a small graph beside the real ontology. */
    private static final String FAULTS = """
            @prefix owl:  <http://www.w3.org/2002/07/owl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skg:  <https://w3id.org/stalin-kg/ontology#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            skg:Unlabelled a owl:Class ; rdfs:isDefinedBy <https://w3id.org/stalin-kg/ontology> .
            skg:Twin a owl:Class ; rdfs:label "Political goal"@en , "Близнец"@ru ; skos:definition "x"@en .
            <https://w3id.org/stalin-kg/id/goal/untyped> rdfs:label "Untyped"@en .
            <https://w3id.org/stalin-kg/id/goal/industrialization> skg:servesGoall <https://w3id.org/stalin-kg/id/goal/x> .
            """;

    static Stream<Path> checks() throws IOException {
        return Files.list(ProjectFiles.ROOT.resolve("ontology/qc")).filter(p -> p.toString().endsWith(".rq")).sorted();
    }

    @Test
    void thereIsACheckForEachKindOfFault() throws IOException {
        List<String> names = checks().map(p -> p.getFileName().toString()).toList();
        for (String expected : new String[] {"missing-label-en", "missing-label-ru", "missing-definition",
            "duplicate-label", "undeclared-property", "untyped-individual"}) {
            assertTrue(names.contains(expected + "-violation.rq"), names.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("checks")
    void checkFindsNothingInTheServedGraph(Path check) throws IOException {
        List<String> rows = rows(check, ProjectFiles.bundledGraph().dataset().getDefaultGraph());
        assertTrue(rows.isEmpty(), check.getFileName() + ": " + rows);
    }

    @ParameterizedTest
    @MethodSource("checks")
    void checkFindsItsPlantedFault(Path check) throws IOException {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(ProjectFiles.ROOT.resolve("ontology/stalin-kg.ttl")).parse(g);
        RDFParser.fromString(FAULTS, Lang.TURTLE).parse(g);
        assertFalse(rows(check, g).isEmpty(), check.getFileName() + " found nothing");
    }

    private static List<String> rows(Path check, Graph graph) throws IOException {
        Query q = QueryFactory.create(Files.readString(check), Syntax.syntaxSPARQL_11);
        List<String> rows = new ArrayList<>();
        Txn.executeRead(ProjectFiles.bundledGraph().dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(q, ModelFactory.createModelForGraph(graph))) {
                qe.execSelect().forEachRemaining(r -> rows.add(r.toString()));
            }
        });
        return rows;
    }
}
