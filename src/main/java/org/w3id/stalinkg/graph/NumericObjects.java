package org.w3id.stalinkg.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * The triples of a graph whose object is a number in SPARQL's sense ({@link NodeValue#isNumber()}: a well-formed
 * literal of a numeric XSD type), sorted by the object's value as a double; those whose value is NaN kept aside. Built
 * once for a frozen graph; read by any number of threads.
 */
final class NumericObjects {

    private static final int CHECK_EVERY = 4096;

    private final double[] values;
    private final Triple[] triples;
    private final Triple[] notANumber;

    private NumericObjects(double[] values, Triple[] triples, Triple[] notANumber) {
        this.values = values;
        this.triples = triples;
        this.notANumber = notANumber;
    }

    /** The index of {@code graph}; stops with {@link QueryCancelledException} once {@code cancel} is set. */
    static NumericObjects of(Graph graph, AtomicBoolean cancel) {
        record Entry(double value, Triple triple) { }
        List<Entry> entries = new ArrayList<>();
        List<Triple> nan = new ArrayList<>();
        long seen = 0;
        for (Iterator<Triple> it = graph.find(Node.ANY, Node.ANY, Node.ANY); it.hasNext(); ) {
            Triple t = it.next();
            if (++seen % CHECK_EVERY == 0 && cancel != null && cancel.get()) {
                throw new QueryCancelledException();
            }
            if (!t.getObject().isLiteral()) {
                continue;
            }
            NodeValue v = NodeValue.makeNode(t.getObject());
            if (v.isNumber()) {
                double d = v.getDouble();
                if (Double.isNaN(d)) {
                    nan.add(t);
                } else {
                    entries.add(new Entry(d, t));
                }
            }
        }
        entries.sort(Comparator.comparingDouble(Entry::value));
        return new NumericObjects(entries.stream().mapToDouble(Entry::value).toArray(),
                entries.stream().map(Entry::triple).toArray(Triple[]::new), nan.toArray(Triple[]::new));
    }

    /**
     * Every triple whose object's value may lie in [{@code low}, {@code high}] (either may be infinite), and every
     * triple whose object is NaN: a superset, widened by a margin for the rounding of decimals and large integers to
     * doubles, so the caller must still test each one.
     */
    List<Triple> candidates(double low, double high) {
        int from = lowerBound(low - margin(low));
        int to = upperBound(high + margin(high));
        List<Triple> found = new ArrayList<>(Math.max(0, to - from) + notANumber.length);
        found.addAll(Arrays.asList(triples).subList(from, Math.max(from, to)));
        found.addAll(Arrays.asList(notANumber));
        return found;
    }

    private static double margin(double bound) {
        return Double.isInfinite(bound) ? 0 : Math.max(1e-9, Math.abs(bound) * 1e-12);
    }

    /** The first position whose value is >= {@code x}. */
    private int lowerBound(double x) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first position whose value is > {@code x}. */
    private int upperBound(double x) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
