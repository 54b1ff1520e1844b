package org.w3id.stalinkg.graph;

import java.util.Iterator;
import java.util.concurrent.atomic.LongAdder;

import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterRoot;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.util.Context;

/**
 * ARQ's executor for the in-memory data, with three fast paths for the top of a query (evaluated once, not once per row
 * of an outer pattern), each giving exactly ARQ's answer:
 * <ul>
 * <li>{@link GroupCounts}: COUNT(*) or COUNT(?v) of one triple pattern, grouped by its variables or not, tallied from
 * the graph's matches with no binding per match;</li>
 * <li>{@link NumericRanges}: a FILTER that compares the object of one triple pattern with numeric constants
 * ({@code ?y >= 1930 && ?y <= 1935}), answered from the triples whose object is a number, sorted by value, with
 * ARQ's own filter applied to each candidate;</li>
 * <li>{@link TextContains}: a FILTER {@code CONTAINS(LCASE(STR(?l)), "text")} on the object of one triple pattern,
 * answered from each object's lower-cased text computed once, with ARQ's own filter applied to each candidate.</li>
 * </ul>
 * Everything else goes to ARQ unchanged. {@code TestEngineEquivalence} compares answers with plain ARQ's.
 */
public final class FastPathExecutor extends OpExecutor {

    /** Makes this executor for each query evaluation. */
    public static final OpExecutorFactory FACTORY = FastPathExecutor::new;
    private static final LongAdder USES = new LongAdder();

    private FastPathExecutor(ExecutionContext execCxt) {
        super(execCxt);
    }

    /** Sets this executor as the one ARQ uses for queries run with {@code context}. */
    public static void install(Context context) {
        QC.setFactory(context, FACTORY);
    }

    /** True if queries run with {@code context} use this executor. */
    public static boolean isInstalled(Context context) {
        return QC.getFactory(context) == FACTORY;
    }

    /** How many times a fast path has answered, since the JVM started. */
    public static long uses() {
        return USES.sum();
    }

    @Override
    protected QueryIterator execute(OpGroup opGroup, QueryIterator input) {
        Iterator<Binding> rows = input instanceof QueryIterRoot ? GroupCounts.rows(opGroup, execCxt) : null;
        return rows == null ? super.execute(opGroup, input) : answered(rows, input);
    }

    @Override
    protected QueryIterator execute(OpFilter opFilter, QueryIterator input) {
        QueryIterator rows = null;
        FrozenDataset data = input instanceof QueryIterRoot ? FilterCandidates.frozen(execCxt) : null;
        Triple pattern = data == null ? null : FilterCandidates.objectPattern(opFilter, execCxt);
        if (pattern != null) {
            rows = NumericRanges.rows(opFilter, pattern, data, execCxt);
            rows = rows != null ? rows : TextContains.rows(opFilter, pattern, data, execCxt);
        }
        if (rows == null) {
            return super.execute(opFilter, input);
        }
        input.close();
        USES.increment();
        return rows;
    }

    private QueryIterator answered(Iterator<Binding> rows, QueryIterator input) {
        input.close();
        USES.increment();
        return QueryIterPlainWrapper.create(rows, execCxt);
    }
}
