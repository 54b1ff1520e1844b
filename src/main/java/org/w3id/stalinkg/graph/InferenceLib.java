package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * What the ontology entails, materialised once at start-up so that SPARQL users get it with plain queries: the
 * rules of {@code stalin-kg.rules} (class and property hierarchies, inverses, transitive part-of, domains and ranges
 * that name a class), run forward over the asserted graph, which includes the ontology.
 */
public final class InferenceLib {

    private static final List<Rule> RULES = rules();

    private InferenceLib() {}

    /** The statements the rules derive from {@code asserted} that it does not already hold. */
    public static Graph entailments(Graph asserted) {
        GenericRuleReasoner reasoner = new GenericRuleReasoner(RULES);
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        InfGraph inf = reasoner.bind(asserted);
        inf.prepare();
        Graph out = GraphFactory.createDefaultGraph();
        inf.getDeductionsGraph().find().forEachRemaining(t -> {
            if (!asserted.contains(t)) {
                out.add(t);
            }
        });
        return out;
    }

    private static List<Rule> rules() {
        try (InputStream in = InferenceLib.class.getResourceAsStream("/stalin-kg.rules")) {
            if (in == null) {
                throw new IllegalStateException("stalin-kg.rules is not on the class path");
            }
            return Rule.parseRules(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
