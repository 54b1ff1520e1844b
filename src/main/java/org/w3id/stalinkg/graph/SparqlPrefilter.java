package org.w3id.stalinkg.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.NodeShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * Fewer runs of a node shape's SPARQL constraints, with the same results. Jena runs a {@code sh:sparql} SELECT
 * once per focus node, with {@code $this} pre-bound, and most of a validation's time goes into preparing those
 * thousands of small queries. Where pre-binding {@code $this} is the same as joining with it, a focus node can only
 * have results if it is a {@code $this} of the query run once over the whole graph; the others are validated
 * without that constraint (they would get no result from it). The report is the same, entry for entry, in the same
 * order.
 *
 * <p>A constraint qualifies when its SELECT projects {@code $this}, a triple pattern at the top of its WHERE binds
 * {@code $this} in every solution, no FILTER, BIND or OPTIONAL that mentions it is evaluated before it is bound
 * ({@link #placedWhereBound}), and it has no sub-query, MINUS, GRAPH or SERVICE (nor those words in a string) and no
 * {@code $currentShape} or {@code $shapesGraph}: the cases where the two ways differ. Any other constraint is run
 * per focus node, as Jena runs it.
 */
final class SparqlPrefilter {

    private static final Var THIS = Var.alloc("this");
    private static final Set<String> PRE_BOUND = Set.of("currentShape", "shapesGraph");

    /** The shape to validate a focus node with: {@code full} for candidates, {@code reduced} for the others. */
    record Split(Shape full, Shape reduced, Set<Node> candidates) {
        Shape forNode(Node focus) {
            return candidates == null || candidates.contains(focus) ? full : reduced;
        }
    }

    private SparqlPrefilter() {}

    /**
     * The shape split by its qualifying SPARQL constraints, each run once over {@code data} for the given focus
     * nodes; the shape alone (every node a candidate) if it is not a node shape or has no such constraint.
     */
    static Split split(Shape shape, Graph data, Collection<Node> focusNodes) {
        List<Constraint> kept = new ArrayList<>();
        List<SparqlConstraint> filtered = new ArrayList<>();
        for (Constraint c : shape.getConstraints()) {
            if (shape.isNodeShape() && c instanceof SparqlConstraint sc && qualifies(sc.getQuery())) {
                filtered.add(sc);
            } else {
                kept.add(c);
            }
        }
        if (filtered.isEmpty()) {
            return new Split(shape, shape, null);
        }
        Set<Node> candidates = new HashSet<>();
        filtered.forEach(sc -> candidates.addAll(thisValues(forFocusNodes(sc.getQuery(), focusNodes), data)));
        Shape reduced = new NodeShape(shape.getShapeGraph(), shape.getShapeNode(), shape.deactivated(),
                shape.getSeverity(), shape.getMessages(), shape.getTargets(), kept, shape.getPropertyShapes());
        return new Split(shape, reduced, candidates);
    }

    /**
     * The query with {@code VALUES $this} of the focus nodes first in its WHERE: its results are those of the query
     * whose {@code $this} is one of them (the table restricts the first operand of every join and left join that
     * follows), and ARQ then evaluates the rest once per focus node, substituted, instead of over the whole graph.
     */
    private static Query forFocusNodes(Query query, Collection<Node> focusNodes) {
        Query restricted = query.cloneQuery();
        ElementData values = new ElementData();
        values.add(THIS);
        focusNodes.forEach(node -> values.add(BindingFactory.binding(THIS, node)));
        ElementGroup where = new ElementGroup();
        where.addElement(values);
        ((ElementGroup) query.getQueryPattern()).getElements().forEach(where::addElement);
        restricted.setQueryPattern(where);
        return restricted;
    }

    /** Every value of {@code $this} in the query's results. */
    private static Set<Node> thisValues(Query query, Graph data) {
        Set<Node> values = new HashSet<>();
        try (QueryExecution exec = QueryExecution.create().query(query)
                .model(ModelFactory.createModelForGraph(data)).build()) {
            ResultSet results = exec.execSelect();
            while (results.hasNext()) {
                Node value = results.nextBinding().get(THIS);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** Whether running the query with {@code $this} unbound finds every {@code $this} a pre-bound run has results for. */
    static boolean qualifies(Query query) {
        if (!query.isSelectType() || !query.getProjectVars().contains(THIS)
                || !(query.getQueryPattern() instanceof ElementGroup group)) {
            return false;
        }
        // Written out by Jena: keywords upper case, variables as ?name. A keyword in a string only means no gain.
        String text = query.toString();
        if (text.split("SELECT", -1).length > 2 || Set.of("MINUS", "GRAPH", "SERVICE").stream().anyMatch(text::contains)
                || PRE_BOUND.stream().anyMatch(name -> text.contains("?" + name) || text.contains("$" + name))) {
            return false;
        }
        return placedWhereBound(group);
    }

    /**
     * Whether every part of the top group that joins differently from how it substitutes comes where {@code $this}
     * is bound: VALUES never names it; a BIND or an OPTIONAL that mentions it follows the triple that binds it (they
     * apply to what precedes them); a FILTER that mentions it is one of the top group's (applied to its solutions)
     * or one of the top group's OPTIONALs' (the condition of that left join). Nested groups, UNION branches and the
     * like are evaluated on their own, so there a FILTER or BIND must not mention it; triples may.
     */
    private static boolean placedWhereBound(ElementGroup top) {
        boolean bound = false;
        for (Element el : top.getElements()) {
            if (el instanceof ElementPathBlock block) {
                bound |= block.getPattern().getList().stream()
                        .anyMatch(tp -> THIS.equals(tp.getSubject()) || THIS.equals(tp.getObject()));
            } else if (el instanceof ElementOptional optional) {
                if (mentionsThis(optional) && !bound || !filtersOnlyAtTop(optional.getOptionalElement())) {
                    return false;
                }
            } else if (el instanceof ElementBind || el instanceof ElementData) {
                if (mentionsThis(el) && !(bound && el instanceof ElementBind bind && !bind.getVar().equals(THIS))) {
                    return false;
                }
            } else if (!(el instanceof ElementFilter) && !nestedWithoutThisInExpressions(el)) {
                return false;
            }
        }
        return bound;
    }

    /** An OPTIONAL's group: its own FILTERs may mention {@code $this}, its BINDs and nested parts may not. */
    private static boolean filtersOnlyAtTop(Element optional) {
        if (!(optional instanceof ElementGroup group)) {
            return nestedWithoutThisInExpressions(optional);
        }
        return group.getElements().stream().allMatch(el -> el instanceof ElementFilter
                || el instanceof ElementPathBlock || nestedWithoutThisInExpressions(el));
    }

    /** Whether no FILTER, BIND or VALUES anywhere inside {@code el} mentions {@code $this}. */
    private static boolean nestedWithoutThisInExpressions(Element el) {
        AtomicBoolean mentions = new AtomicBoolean(false);
        ElementWalker.walk(el, new ElementVisitorBase() {
            @Override
            public void visit(ElementFilter f) {
                mentions.compareAndSet(false, mentionsThis(f));
            }

            @Override
            public void visit(ElementBind b) {
                mentions.compareAndSet(false, mentionsThis(b));
            }

            @Override
            public void visit(ElementData d) {
                mentions.compareAndSet(false, mentionsThis(d));
            }
        });
        return !mentions.get();
    }

    private static boolean mentionsThis(Element el) {
        // Written out by Jena, $this is ?this; a longer name that starts so only means no gain.
        return el.toString().contains("?this");
    }
}
