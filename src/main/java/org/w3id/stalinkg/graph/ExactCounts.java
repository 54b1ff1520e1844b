package org.w3id.stalinkg.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.engine.main.QueryEngineMain;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.util.Context;

/**
 * One fast path of the query engine: {@code SELECT (COUNT(*) AS ?n) WHERE { pattern }} for one triple pattern (in the
 * default graph or in {@code GRAPH <iri>}), answered by counting the graph's matches of the pattern directly, with no
 * binding made per match (the graph's size, held by the graph, when the pattern is three distinct variables and the
 * graph is the served union). It is the answer ARQ gives: ARQ evaluates the pattern by the same {@code find} and
 * counts its matches. Anything else, a repeated variable ({@code ?s ?p ?s}) included, goes to ARQ as usual.
 * <p>
 * It is a query engine (ARQ's {@link QueryEngineMain} with one case more), chosen only for a dataset that is or wraps
 * a {@link FrozenDataset}, so the query still runs inside the same {@code QueryExec}: its time limit, the caller's
 * row limit and everything checked before the query is parsed (its size, SERVICE) apply as to any other query.
 * Checked against plain ARQ by TestEngineEquivalence, whose count queries match it.
 */
final class ExactCounts implements QueryEngineFactory {

    private static final ExactCounts FACTORY = new ExactCounts();

    private ExactCounts() {}

    /** Adds the engine to ARQ's registry, once. */
    static synchronized void register() {
        if (!QueryEngineRegistry.containsFactory(FACTORY)) {
            QueryEngineRegistry.addFactory(FACTORY);
        }
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return query.isSelectType() && isFrozen(dataset);
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
        return new Engine(query, dataset, input, context).getPlan();
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
        return false;
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
        throw new UnsupportedOperationException("queries only");
    }

    private static boolean isFrozen(DatasetGraph dataset) {
        DatasetGraph d = dataset;
        for (int depth = 0; depth < 8 && d != null; depth++) {
            if (d instanceof FrozenDataset) {
                return true;
            }
            if (!(d instanceof DatasetGraphWrapper w)) {
                return false;
            }
            d = w.getWrapped();
        }
        return false;
    }

    private static final class Engine extends QueryEngineMain {

        Engine(Query query, DatasetGraph dataset, Binding input, Context context) {
            super(query, dataset, input, context);
        }

        @Override
        public QueryIterator eval(Op op, DatasetGraph dsg, Binding input, Context context) {
            if (input.isEmpty()) {
                Counted counted = match(op);
                if (counted != null) {
                    Graph graph = counted.graph() == null ? dsg.getDefaultGraph() : dsg.getGraph(counted.graph());
                    long n = graph == null ? 0 : count(graph, counted.pattern());
                    Binding row = BindingFactory.binding(counted.var(), NodeValue.makeInteger(n).asNode());
                    return QueryIterSingleton.create(row, ExecutionContext.create(dsg, context));
                }
            }
            return super.eval(op, dsg, input, context);
        }
    }

    /** A COUNT(*) of {@code pattern} in the named graph {@code graph} (null: the default graph), bound to var. */
    private record Counted(Var var, Node graph, Triple pattern) {}

    /**
     * The count this op asks for, or null: {@code (project (?n) (extend ((?n ?.0)) (group () ((?.0 (count)))
     * INNER)))}, INNER a BGP of one triple pattern with no variable repeated, or {@code (graph <iri> BGP)}.
     */
    static Counted match(Op op) {
        if (!(op instanceof OpProject project) || project.getVars().size() != 1
                || !(project.getSubOp() instanceof OpExtend extend)) {
            return null;
        }
        Var var = project.getVars().get(0);
        VarExprList extendVars = extend.getVarExprList();
        if (extendVars.size() != 1 || !var.equals(extendVars.getVars().get(0))
                || !(extendVars.getExpr(var) instanceof ExprVar aggVar)
                || !(extend.getSubOp() instanceof OpGroup group) || !group.getGroupVars().isEmpty()) {
            return null;
        }
        List<ExprAggregator> aggregators = group.getAggregators();
        if (aggregators.size() != 1 || !(aggregators.get(0).getAggregator() instanceof AggCount)
                || !aggregators.get(0).getVar().equals(aggVar.asVar())) {
            return null;
        }
        Op inner = group.getSubOp();
        Node graph = null;
        if (inner instanceof OpGraph g) {
            if (!g.getNode().isURI()) {
                return null;
            }
            graph = g.getNode();
            inner = g.getSubOp();
        }
        if (!(inner instanceof OpBGP bgp) || bgp.getPattern().size() != 1) {
            return null;
        }
        Triple t = bgp.getPattern().get(0);
        Set<Node> seen = new HashSet<>();
        for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
            if (n.isVariable() && !seen.add(n)) {
                return null;   // a repeated variable is a join of positions, not a count of matches
            }
            if (!n.isVariable() && !n.isConcrete()) {
                return null;
            }
        }
        return new Counted(var, graph, t);
    }

    /** The matches of {@code pattern} in {@code graph}, its variables matching anything. */
    static long count(Graph graph, Triple pattern) {
        Node s = any(pattern.getSubject());
        Node p = any(pattern.getPredicate());
        Node o = any(pattern.getObject());
        if (s == Node.ANY && p == Node.ANY && o == Node.ANY && unwrapped(graph) instanceof DisjointUnion) {
            return graph.size();
        }
        return Iter.count(graph.find(s, p, o));
    }

    private static Node any(Node n) {
        return n.isVariable() ? Node.ANY : n;
    }

    private static Graph unwrapped(Graph graph) {
        Graph g = graph;
        while (g instanceof WrappedGraph w) {
            g = w.getWrapped();
        }
        return g;
    }
}
