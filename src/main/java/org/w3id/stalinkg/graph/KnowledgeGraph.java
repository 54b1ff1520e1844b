package org.w3id.stalinkg.graph;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The loaded, validated knowledge graph: one read-only {@link DatasetGraph} and the figures of how it was made.
 * Built by {@link KnowledgeGraphLoader}; immutable once built, so every part of the server may share it.
 */
public final class KnowledgeGraph {

    private static final Query INSTANCE_COUNTS = QueryFactory.create("""
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {
              ?class a owl:Class .
              FILTER(STRSTARTS(STR(?class), "%s"))
              OPTIONAL { ?x rdf:type/rdfs:subClassOf* ?class }
            }
            GROUP BY ?class
            ORDER BY ?class
            """.formatted(SKG.NS));

    private final DatasetGraph dataset;
    private final Graph ontology;
    private final Map<Path, Long> triplesPerFile;
    private final String contentHash;

    KnowledgeGraph(DatasetGraph dataset, Graph ontology, Map<Path, Long> triplesPerFile, String contentHash) {
        this.dataset = dataset;
        this.ontology = ontology;
        this.triplesPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(triplesPerFile));
        this.contentHash = contentHash;
    }

    /**
     * A hex SHA-256 of the files the graph was loaded from: equal for equal data, different when any file changes.
     * Responses derived from the graph use it in their ETags.
     */
    public String contentHash() {
        return contentHash;
    }

    /**
     * The served dataset, read-only: the default graph holds every statement, stated and inferred; the named graphs
     * {@link SKG#GRAPH_ASSERTED} and {@link SKG#GRAPH_INFERRED} hold each part.
     */
    public DatasetGraph dataset() {
        return dataset;
    }

    /** The ontology alone (the files of {@code ontology/}, shapes excepted), read-only, with its prefixes. */
    public Graph ontology() {
        return ontology;
    }

    /** Triples parsed from each file, in load order. */
    public Map<Path, Long> triplesPerFile() {
        return triplesPerFile;
    }

    /** Distinct triples in the served graph, including those the loader derived. */
    public long size() {
        return Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().size());
    }

    /** Distinct triples the files state. */
    public long assertedSize() {
        return Txn.calculateRead(dataset, () -> dataset.getGraph(SKG.GRAPH_ASSERTED.asNode()).size());
    }

    /** Distinct triples derived at load time (years of dates, and what the ontology entails). */
    public long inferredSize() {
        return Txn.calculateRead(dataset, () -> dataset.getGraph(SKG.GRAPH_INFERRED.asNode()).size());
    }

    /**
     * Instances of each class of our ontology, counting the instances of its subclasses too, in IRI order.
     * Classes with no instance are listed with 0.
     */
    public Map<String, Long> instanceCounts() {
        return Txn.calculateRead(dataset, () -> instanceCounts(QueryExec.dataset(dataset).query(INSTANCE_COUNTS).select()));
    }

    /** The query {@link #instanceCounts()} runs, to run it on another copy of the data (an external store). */
    public static Query instanceCountsQuery() {
        return INSTANCE_COUNTS.cloneQuery();
    }

    /** The counts in the rows of {@link #instanceCountsQuery()}, by local name, in IRI order. */
    public static Map<String, Long> instanceCounts(RowSet rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEachRemaining(row -> counts.put(
                row.get("class").getURI().substring(SKG.NS.length()),
                ((Number) row.get("n").getLiteralValue()).longValue()));
        return counts;
    }
}
