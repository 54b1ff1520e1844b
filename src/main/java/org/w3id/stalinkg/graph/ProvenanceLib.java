package org.w3id.stalinkg.graph;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * Questions about the sources of statements. A statement "needs a source" when its property carries
 * {@code skg:requiresSource true} in the ontology; it "has a source" when an {@code owl:Axiom} annotating it names a
 * {@code dcterms:source}. Statements about a record that carries its own {@code dcterms:source} (a source, an
 * estimate, a claim, a term of office) are sourced by it.
 */
public final class ProvenanceLib {

    private static final String PREFIXES = """
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX owl:     <http://www.w3.org/2002/07/owl#>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skg:     <https://w3id.org/stalin-kg/ontology#>
            PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
            """;

    private static final Query UNSOURCED = QueryFactory.create(PREFIXES + """
            SELECT ?s ?p ?o WHERE {
              ?p skg:requiresSource true .
              # Stated statements only: an inferred one rests on the ontology and the statements it came from.
              GRAPH <https://w3id.org/stalin-kg/graph/asserted> { ?s ?p ?o }
              FILTER NOT EXISTS {
                ?s a/rdfs:subClassOf* ?record .
                VALUES ?record { skg:Source skg:Estimate skg:Claim skg:OfficeTerm }
              }
              FILTER NOT EXISTS {
                ?axiom owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ;
                       dcterms:source ?source .
              }
            }
            ORDER BY ?s ?p ?o
            """);

    private static final Query SOURCED = QueryFactory.create(PREFIXES + """
            SELECT (COUNT(*) AS ?n) (SUM(?quoted) AS ?fromSeed) WHERE {
              SELECT ?s ?p ?o (MAX(IF(BOUND(?quote), 1, 0)) AS ?quoted) WHERE {
                ?axiom owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ;
                       dcterms:source ?source .
                ?s ?p ?o .
                OPTIONAL { ?axiom skg:quotation ?quote }
              }
              GROUP BY ?s ?p ?o
            }
            """);

    private ProvenanceLib() {}

    /** Statements that need a source and have none, in a stable order. */
    public static List<Triple> unsourcedStatements(KnowledgeGraph kg) {
        List<Triple> found = new ArrayList<>();
        Txn.executeRead(kg.dataset(), () -> QueryExec.dataset(kg.dataset()).query(UNSOURCED).select()
                .forEachRemaining(row -> found.add(Triple.create(
                        row.get(Var.alloc("s")), row.get(Var.alloc("p")), row.get(Var.alloc("o"))))));
        return found;
    }

    /**
     * How many distinct statements carry a source, and how many of those rest (also) on a quoted sentence of the
     * seed: {@code [sourced, quotingTheSeed]}.
     */
    public static long[] sourcedStatements(KnowledgeGraph kg) {
        long[] counts = new long[2];
        Txn.executeRead(kg.dataset(), () -> QueryExec.dataset(kg.dataset()).query(SOURCED).select()
                .forEachRemaining(row -> {
                    counts[0] = number(row.get(Var.alloc("n")));
                    counts[1] = number(row.get(Var.alloc("fromSeed")));
                }));
        return counts;
    }

    private static long number(Node n) {
        return n == null ? 0 : ((Number) n.getLiteralValue()).longValue();
    }
}
