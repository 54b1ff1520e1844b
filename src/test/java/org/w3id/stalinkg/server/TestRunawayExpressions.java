package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.sse.SSE;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RunawayExpressions}: guarded regular expressions answer as Jena's do, and stop at the query's time limit.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestRunawayExpressions {

    /** 40 a's and a b: {@code (.*a){25}$} backtracks through C(40,25) ways of cutting them before it fails. */
    static final String EVIL_TEXT = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";
    static final String EVIL_PATTERN = "(.*a){25}$";

    @BeforeAll
    static void install() {
        RunawayExpressions.install();
    }

    /** The rows of {@code query}, or the error it ends with. */
    private static List<String> rows(String query, boolean guarded) {
        try {
            return rowsOrThrow(query, guarded);
        } catch (RuntimeException ex) {
            return List.of("error: " + ex.getMessage());
        }
    }

    private static List<String> rowsOrThrow(String query, boolean guarded) {
        QueryExecBuilder b = QueryExec.dataset(DatasetGraphFactory.empty()).query(query);
        if (!guarded) {
            // The context's optimizer before the global one: Jena's own, without the guard.
            b = b.set(ARQConstants.sysOptimizerFactory, Optimize.stdOptimizationFactory);
        }
        List<String> out = new ArrayList<>();
        try (QueryExec exec = b.build()) {
            RowSet rs = exec.select();
            while (rs.hasNext()) {
                Binding row = rs.next();
                out.add(row.toString());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ?r { VALUES (?s ?p) { (\"Great Purge\" \"purge\") (\"Great Purge\" \"^great\") (\"abc\" \"B\") } "
                + "BIND(regex(?s, ?p, \"i\") AS ?r) }",
        "SELECT ?r { VALUES ?s { \"Holodomor\" \"Голодомор\"@uk 12 } BIND(regex(?s, \"о.о\") AS ?r) }",
        "SELECT ?r { VALUES ?s { \"a.b\" \"axb\" } BIND(regex(?s, \".\", \"q\") AS ?r) }",
        "SELECT ?r { VALUES ?s { \"abc\" } BIND(regex(?s, \"b\", \"z\") AS ?r) }",
        "SELECT ?r { VALUES ?p { \"[\" \"(a\" } BIND(regex(\"abc\", ?p) AS ?r) }",
        "SELECT ?r { VALUES ?s { \"abcabc\" \"xyz\"@en \"\" } BIND(replace(?s, \"b\", \"[$0]\") AS ?r) }",
        "SELECT ?r { VALUES ?s { \"abc\" \"\" } BIND(replace(?s, \"x*\", \"-\") AS ?r) }",
        "SELECT ?r { VALUES (?s ?p ?f) { (\"AbAB\" \"ab\" \"i\") (\"AbAB\" \"ab\" \"\") } BIND(replace(?s, ?p, \"_\", ?f) "
                + "AS ?r) }",
        "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT ?r ?t { VALUES ?s { \"Stalin\" \"Lenin\" } "
                + "BIND(fn:matches(?s, \"^st\", \"i\") AS ?r) BIND(fn:replace(?s, \"n$\", \"N\") AS ?t) }",
        "SELECT ?s { VALUES ?s { \"b\" \"a\" \"c\" } FILTER(regex(?s, \"[ab]\")) } ORDER BY DESC(regex(?s, \"a\")) ?s",
        "SELECT ?s { VALUES ?s { \"b\" \"a\" } FILTER EXISTS { FILTER(regex(?s, \"a\")) } }",
        "SELECT (regex(\"constant\", \"^con\") AS ?r) (replace(\"constant\", \"t\", \"T\") AS ?t) {}"})
    void guardedExpressionsAnswerAsJenasDo(String query) {
        assertEquals(rows(query, false), rows(query, true), query);
    }

    @Test
    void theRewriteReplacesEveryRegularExpression() {
        String op = RunawayExpressions.guard(SSE.parseOp("(filter (exists (filter (regex ?x \"a\") (table unit))) "
                + "(extend ((?y (replace ?x \"a\" \"b\"))) (table unit)))"), new AtomicBoolean()).toString();
        assertTrue(op.contains("regex") && op.contains("replace"), op);
        // The guarded expressions print as Jena's, so a query shown in a log reads the same.
        assertEquals(SSE.parseOp("(filter (regex ?x \"a\") (table unit))").toString(),
                RunawayExpressions.guard(SSE.parseOp("(filter (regex ?x \"a\") (table unit))"), null).toString());
    }

    @Test
    void aMatchStopsOnceTheSignalIsSet() {
        AtomicBoolean cancel = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(() -> cancel.set(true), 200, TimeUnit.MILLISECONDS);
            RunawayExpressions.GuardedRegex regex = new RunawayExpressions.GuardedRegex(
                    NodeValue.makeString(EVIL_TEXT), NodeValue.makeString(EVIL_PATTERN), null, cancel);
            long t0 = System.nanoTime();
            assertThrows(QueryCancelledException.class, () -> regex.eval(BindingFactory.empty(), null));
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos(), "the match ran on past the signal");
        } finally {
            timer.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * { VALUES ?x { \"" + "a" + "\" } FILTER(regex(?x, \"" + EVIL_PATTERN + "\")) }",
        "SELECT * { FILTER(regex(\"" + EVIL_TEXT + "\", \"" + EVIL_PATTERN + "\")) }",
        "SELECT (replace(?x, \"" + EVIL_PATTERN + "\", \"\") AS ?r) { VALUES ?x { \"" + EVIL_TEXT + "\" } }",
        "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> "
                + "SELECT * { VALUES ?x { \"" + EVIL_TEXT + "\" } FILTER(fn:matches(?x, \"" + EVIL_PATTERN + "\")) }",
        "SELECT * { VALUES ?x { \"" + EVIL_TEXT + "\" } FILTER NOT EXISTS { FILTER(regex(?x, \"" + EVIL_PATTERN
                + "\")) } }",
        "SELECT * { VALUES ?x { \"" + EVIL_TEXT + "\" \"b" + EVIL_TEXT + "\" } } ORDER BY (regex(?x, \""
                + EVIL_PATTERN + "\"))"})
    void aCatastrophicPatternStopsAtTheTimeLimit(String template) {
        // The first query is the control: the same pattern over a short string answers at once.
        boolean control = template.contains("{ \"a\" }");
        String query = template;
        long t0 = System.nanoTime();
        try (QueryExec exec = QueryExec.dataset(DatasetGraphFactory.empty()).query(query)
                .timeout(control ? 30_000 : 500, TimeUnit.MILLISECONDS).build()) {
            if (control) {
                RowSet rs = exec.select();
                assertTrue(!rs.hasNext());
                return;
            }
            assertThrows(QueryCancelledException.class, () -> {
                RowSet rs = exec.select();
                while (rs.hasNext()) {
                    rs.next();
                }
            });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // Generous: a shared machine may not schedule the alarm at once; the unguarded match takes minutes.
        assertTrue(seconds < 4, "cancelled after " + seconds + " s; the limit was 0.5 s");
    }
}
