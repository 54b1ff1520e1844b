package org.w3id.stalinkg.graph;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.solver.QueryEngineTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * TDB2's own query engine for a TDB2 database seen through read-only wrappers. ARQ picks TDB2's engine (joins on
 * node ids, quads, its own index choice) only for the database object itself; a query on a wrapper around it, as
 * the read-only dataset the server and the canned queries use, went to ARQ's general engine, which reads the
 * database through the graph interface and turns every matched id into a node first: a two-hop join at 1000x took
 * twice stock Fuseki's time. This factory accepts a dataset that is, under wrappers that answer exactly as what they
 * wrap ({@link DatasetGraphReadOnly}, a {@link SameData}), a TDB2 database, and hands the query to TDB2's engine on
 * that database, with the context the query was given (its time limits). Writes stay impossible: a query engine
 * only reads, and updates are refused before any engine is chosen.
 * <p>
 * It also turns an alternative path ({@code ?s rdfs:label|skos:altLabel ?o}) into a union of triple patterns, which
 * TDB2 answers from its indexes ({@link ARQ#optPathFlattenAlgebra}); ARQ's path engine, with both ends unbound, first
 * collects every node of the graph: at 1000x (21 million triples) that ran a 1 GiB heap out of memory.
 */
public final class Tdb2QueryEngine implements QueryEngineFactory {

    /**
     * A dataset wrapper that answers every read exactly as the dataset it wraps ({@link DatasetGraphWrapper#getWrapped()}
     * at the time of the call): no view, filter or rewrite.
     */
    public interface SameData {}

    private static final Tdb2QueryEngine INSTANCE = new Tdb2QueryEngine();
    private static boolean registered;

    private Tdb2QueryEngine() {}

    /** Registers the factory with ARQ, once. */
    static synchronized void register() {
        if (!registered) {
            QueryEngineRegistry.addFactory(INSTANCE);
            registered = true;
        }
    }

    /** The TDB2 database under {@code dataset}'s pure wrappers, or null. */
    static DatasetGraph database(DatasetGraph dataset) {
        DatasetGraph d = dataset;
        while (!TDBInternal.isBackedByTDB(d)) {
            boolean pure = d.getClass() == DatasetGraphReadOnly.class || d instanceof SameData;
            if (pure && d instanceof DatasetGraphWrapper w) {
                d = w.getWrapped();
            } else {
                return null;
            }
        }
        return d == dataset ? null : d;   // the database itself is TDB2's own factory's
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return database(dataset) != null;
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
        return QueryEngineTDB.getFactory().create(query, database(dataset), input, withPathsFlattened(context));
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
        return database(dataset) != null;
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
        return QueryEngineTDB.getFactory().create(op, database(dataset), input, withPathsFlattened(context));
    }

    private static Context withPathsFlattened(Context context) {
        Context c = context == null ? new Context() : context.copy();
        c.set(ARQ.optPathFlattenAlgebra, true);
        return c;
    }
}
