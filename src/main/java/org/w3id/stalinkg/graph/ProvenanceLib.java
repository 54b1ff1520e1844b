package org.w3id.stalinkg.graph;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
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

    private static final Query UNSOURCED = QueryResources.get("unsourced-statements");

    private static final Query SOURCED = QueryResources.get("sourced-statements");

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
