package org.w3id.stalinkg.store;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.w3id.stalinkg.graph.QueryResources;
import org.w3id.stalinkg.vocab.SKG;

/**
 * How much the data uses each term of the ontology, counted one way for every store (a few aggregate queries), so
 * the local graph and an external store give the same numbers: a class's instances (its subclasses' included), a
 * property's triples, an individual's occurrences as a value. Triples the ontology itself states are not data: the
 * served default graph holds them too, so they are taken off.
 */
final class TermUsageLib {

    private TermUsageLib() {}

    static Map<String, Long> usage(SparqlStore store, Graph ontology) {
        Map<String, Long> asProperty = uses(store, "property-uses");
        Map<String, Long> asValue = uses(store, "value-uses");
        Map<String, Long> counts = new HashMap<>();
        store.instanceCounts().forEach((local, n) -> counts.put(SKG.NS + local, n));
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node term = t.getSubject();
            Node type = t.getObject();
            if (!term.isURI() || !term.getURI().startsWith(SKG.NS) || !type.isURI()
                    || counts.containsKey(term.getURI())) {
                return;
            }
            if (type.equals(OWL2.NamedIndividual.asNode())) {
                counts.put(term.getURI(), Math.max(0, asValue.getOrDefault(term.getURI(), 0L)
                        - ontology.find(Node.ANY, Node.ANY, term).toList().size()));
            } else if (type.getURI().endsWith("Property")) {
                counts.put(term.getURI(), Math.max(0, asProperty.getOrDefault(term.getURI(), 0L)
                        - ontology.find(Node.ANY, term, Node.ANY).toList().size()));
            }
        });
        return counts;
    }

    private static Map<String, Long> uses(SparqlStore store, String query) {
        Map<String, Long> uses = new HashMap<>();
        store.query(QueryResources.get(query), Map.of("ns", NodeFactory.createLiteralString(SKG.NS)), null, exec -> {
            exec.select().forEachRemaining(row -> uses.put(row.get("term").getURI(),
                    ((Number) row.get("n").getLiteralValue()).longValue()));
            return null;
        });
        return uses;
    }
}
