package org.w3id.stalinkg.graph;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The integer years of dated statements: {@code skg:startYear} and {@code skg:endYear} (xsd:integer) for every
 * {@code skg:startDate} and {@code skg:endDate} of a date type, so that SPARQL users can filter and order by year with
 * any engine, whatever the precision the curator wrote (xsd:date, xsd:gYearMonth, xsd:gYear). Other literals are left
 * for the shapes to report.
 */
public final class YearLib {

    private YearLib() {}

    /** Adds to {@code graph} the years of its own dates. */
    public static void deriveYears(Graph graph) {
        Graph years = GraphFactory.createDefaultGraph();
        deriveYears(graph, years);
        years.find().forEachRemaining(graph::add);
    }

    /** Adds to {@code into} the years of the dates of {@code source} that {@code source} does not already state. */
    static void deriveYears(Graph source, Graph into) {
        deriveYears(source, SKG.startDate.asNode(), SKG.startYear.asNode(), into);
        deriveYears(source, SKG.endDate.asNode(), SKG.endYear.asNode(), into);
    }

    private static void deriveYears(Graph source, Node dateProperty, Node yearProperty, Graph into) {
        source.find(Node.ANY, dateProperty, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isLiteral() && o.getLiteralValue() instanceof XSDDateTime dateTime) {
                Node year = NodeFactory.createLiteralDT(Integer.toString(dateTime.getYears()), XSDDatatype.XSDinteger);
                Triple derived = Triple.create(t.getSubject(), yearProperty, year);
                if (!source.contains(derived)) {
                    into.add(derived);
                }
            }
        });
    }
}
