package org.w3id.stalinkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.vocab.SKG;

/**
 * Our engine gives exactly the answers of plain ARQ: a battery of queries generated from the real data (facts of a
 * thing, patterns of a predicate, counts, GROUP BY, ORDER BY with LIMIT and OFFSET, label filters, year ranges,
 * joins, OPTIONAL, MINUS, NOT EXISTS, UNION, property paths, named graphs, ASK), each run through
 * {@link LocalStore} over the served dataset and through plain ARQ over a plain copy of the same triples (a TxnMem
 * dataset holding the union as its default graph and the two named graphs), the answers compared as multisets of
 * rows (SELECT) or as booleans (ASK). Rows an ORDER BY leaves tied may come in another order, so row order is not
 * compared; a LIMIT is only ever used under an ORDER BY that fixes which rows it keeps. The queries are drawn with a
 * fixed seed, so a failure names the same query on every run.
 */
class TestEngineEquivalence {

    private static final String P = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
            + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
            + "PREFIX skg: <https://w3id.org/stalin-kg/ontology#>\n";
    private static final String ASSERTED = "<" + SKG.GRAPH_ASSERTED.getURI() + ">";
    private static final String INFERRED = "<" + SKG.GRAPH_INFERRED.getURI() + ">";
    /** At least this many queries, and at least this share of them with a non-empty answer. */
    private static final int MIN_QUERIES = 200;
    private static final double MIN_NON_EMPTY = 0.8;
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final AtomicInteger NON_EMPTY = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyGeneratedQueryGivesPlainArqsAnswer() {
        KnowledgeGraph kg = ProjectFiles.bundledGraph();
        LocalStore ours = new LocalStore(kg);
        DatasetGraph plain = plainCopy(kg.dataset());
        Map<String, String> queries = generate(plain);
        assertTrue(queries.size() >= MIN_QUERIES, "only " + queries.size() + " queries generated");
        return queries.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Query query = QueryFactory.create(P + e.getValue());
            List<String> expected = answer(query, f -> Txn.calculateRead(plain, () -> {
                try (QueryExec exec = QueryExec.dataset(plain).query(query).build()) {
                    return f.apply(exec);
                }
            }));
            List<String> actual = answer(query, f -> ours.query(query, Map.of(), Duration.ofSeconds(30), f));
            assertEquals(expected, actual, e.getValue());
            RUN.incrementAndGet();
            if (expected.size() > 1 && !expected.get(1).equals("false") && !expected.get(1).equals("?n=0")) {
                NON_EMPTY.incrementAndGet();
            }
        }));
    }

    @AfterAll
    static void theBatteryIsNotVacuous() {
        if (RUN.get() >= MIN_QUERIES) {
            assertTrue(NON_EMPTY.get() >= MIN_NON_EMPTY * RUN.get(),
                    "only " + NON_EMPTY.get() + " of " + RUN.get() + " queries had a non-empty answer");
        }
    }

    /**
     * The answer as comparable lines: for a SELECT its variables, then its rows sorted (a multiset: duplicates
     * kept); for an ASK its boolean.
     */
    private static List<String> answer(Query query, Function<Function<QueryExec, List<String>>, List<String>> run) {
        return run.apply(exec -> {
            List<String> lines = new ArrayList<>();
            if (query.isAskType()) {
                lines.add("ASK");
                lines.add(Boolean.toString(exec.ask()));
                return lines;
            }
            RowSet rows = exec.select();
            List<Var> vars = rows.getResultVars();
            lines.add(vars.toString());
            List<String> body = new ArrayList<>();
            rows.forEachRemaining(b -> {
                StringBuilder s = new StringBuilder();
                for (Var v : vars) {
                    Node n = b.get(v);
                    s.append(v).append('=').append(n == null ? "" : n.toString()).append(' ');
                }
                body.add(s.toString().strip());
            });
            body.sort(null);
            lines.addAll(body);
            return lines;
        });
    }

    /** The served dataset's triples in a plain TxnMem dataset: the union as default graph, the two named graphs. */
    private static DatasetGraph plainCopy(DatasetGraph served) {
        DatasetGraph plain = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(plain, () -> {
            for (Node g : List.of(SKG.GRAPH_ASSERTED.asNode(), SKG.GRAPH_INFERRED.asNode())) {
                Graph source = served.getGraph(g);
                GraphUtil.addInto(plain.getGraph(g), source);
                GraphUtil.addInto(plain.getDefaultGraph(), source);
            }
        });
        return plain;
    }

    /** Values of the first variable of a query over {@code dsg}, in order. */
    private static List<String> values(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            List<String> out = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(dsg).query(P + query).build()) {
                RowSet rows = exec.select();
                String var = rows.getResultVars().get(0).getVarName();
                rows.forEachRemaining(b -> {
                    Node n = b.get(var);
                    out.add(n.isURI() ? "<" + n.getURI() + ">" : n.getLiteralLexicalForm());
                });
            }
            return out;
        });
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** The battery: query text (without prefixes) by a name that says what it tests. */
    static Map<String, String> generate(DatasetGraph data) {
        Random random = new Random(15);
        List<String> subjects = values(data, "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) } ORDER BY ?s");
        List<String> objects = values(data, "SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER(isIRI(?o)) } ORDER BY ?o");
        List<String> predicates = values(data, "SELECT DISTINCT ?p WHERE { ?s ?p ?o } ORDER BY ?p");
        List<String> classes = values(data, "SELECT DISTINCT ?c WHERE { ?s a ?c } ORDER BY ?c");
        List<String> yearPredicates = values(data, "SELECT DISTINCT ?p WHERE { ?s ?p ?o "
                + "FILTER(DATATYPE(?o) IN (xsd:integer, xsd:gYear)) } ORDER BY ?p");
        List<String> datePredicates = values(data, "SELECT DISTINCT ?p WHERE { ?s ?p ?o "
                + "FILTER(DATATYPE(?o) = xsd:date) } ORDER BY ?p");
        List<String> objectPredicates = values(data, "SELECT DISTINCT ?p WHERE { ?s ?p ?o FILTER(isIRI(?o)) } ORDER BY ?p");
        // Pairs of predicates that chain (?a p1 ?b . ?b p2 ?c), as "p1 p2".
        List<String> chains = values(data, "SELECT DISTINCT (CONCAT(STR(?p1), ' ', STR(?p2)) AS ?pair) WHERE { "
                + "?a ?p1 ?b . ?b ?p2 ?c FILTER(isIRI(?b) && ?p1 != rdf:type) } ORDER BY ?pair");
        TreeSet<String> wordSet = new TreeSet<>();
        for (String label : values(data, "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l")) {
            for (String w : label.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
                if (w.length() >= 4) {
                    wordSet.add(w);
                }
            }
        }
        List<String> words = new ArrayList<>(wordSet);
        assertTrue(subjects.size() > 100 && predicates.size() > 20 && classes.size() > 10 && !yearPredicates.isEmpty()
                && !datePredicates.isEmpty() && chains.size() > 10 && words.size() > 100, "too little data to draw from");

        Map<String, String> q = new LinkedHashMap<>();
        // Fixed: the issue's and bench/compare.sh's queries, counts over everything and over each graph.
        q.put("count all", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        q.put("count distinct subjects", "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }");
        q.put("count distinct predicates", "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }");
        q.put("count asserted", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + ASSERTED + " { ?s ?p ?o } }");
        q.put("count inferred", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + INFERRED + " { ?s ?p ?o } }");
        q.put("count per graph", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");
        q.put("count per class", "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n)");
        q.put("count per predicate", "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) ?p");
        // The shapes bench/compare.sh sends besides: a count ordered by itself, a count per class in no order.
        q.put("count all ordered", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } ORDER BY ?n");
        q.put("count per class unordered", "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c");
        q.put("count per class having", "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c HAVING(COUNT(?s) > 5)");
        q.put("count per class with subclasses", "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s rdf:type/rdfs:subClassOf* ?c } GROUP BY ?c");
        // Edge cases of the counting fast path (graph.FastPathExecutor) and of what it leaves to ARQ
        q.put("count of nothing", "SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:x:none> ?o }");
        q.put("count of nothing grouped", "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s <urn:x:none> ?o } GROUP BY ?s");
        q.put("count of a literal object", "SELECT (COUNT(?s) AS ?n) WHERE { ?s rdfs:label \"Great Purge\"@en }");
        q.put("count by two keys", "SELECT ?s ?p (COUNT(*) AS ?n) (COUNT(?o) AS ?m) WHERE { ?s ?p ?o } GROUP BY ?s ?p HAVING(COUNT(*) > 3)");
        q.put("count with a repeated variable", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?s }");
        q.put("count grouped by an expression", "SELECT ?k (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY (STR(?c) AS ?k)");
        q.put("count grouped by an absent variable", "SELECT ?z (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?z");
        q.put("count and min", "SELECT ?c (COUNT(?s) AS ?n) (MIN(STR(?s)) AS ?x) WHERE { ?s a ?c } GROUP BY ?c");
        q.put("count in a joined subquery", "SELECT ?c ?n WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> . "
                + "{ SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c } }");
        q.put("count under OPTIONAL", "SELECT ?c ?n WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> "
                + "OPTIONAL { SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c } }");
        q.put("count from a FROM graph", "SELECT (COUNT(*) AS ?n) FROM " + INFERRED + " WHERE { ?s ?p ?o }");
        q.put("count from named graphs", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?g");
        q.put("count in an absent graph", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x:none> { ?s ?p ?o } }");
        q.put("count per class in a graph", "SELECT ?c (COUNT(?s) AS ?n) WHERE { GRAPH " + ASSERTED + " { ?s a ?c } } GROUP BY ?c");
        // ... and of the numeric-range fast path (graph.NumericRanges)
        q.put("range strict", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y > 1930 && ?y < 1935) }");
        q.put("range reversed", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(1930 <= ?y && 1935 >= ?y) }");
        q.put("range one-sided", "SELECT ?s ?y WHERE { ?s skg:startYear ?y FILTER(?y >= 1950) }");
        q.put("range decimal bounds", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y >= 1929.5 && ?y <= 1935.0e0) }");
        q.put("range of big numbers", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y >= 1000000) }");
        q.put("range of negative numbers", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y < 0) }");
        q.put("range empty", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y > 1935 && ?y < 1930) }");
        q.put("range with a string filter", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y >= 1930 && STRSTARTS(STR(?s), \"https://w3id.org/stalin-kg/id/p\")) }");
        q.put("range with two filters", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y >= 1930) FILTER(?y <= 1940) }");
        q.put("range or", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y < 1925 || ?y > 1950) }");
        q.put("range against a string", "SELECT ?s ?p ?y WHERE { ?s ?p ?y FILTER(?y >= \"1930\" && ?y <= \"1935\") }");
        q.put("range bound subject", "SELECT ?p ?y WHERE { <https://w3id.org/stalin-kg/id/policy/first-five-year-plan> ?p ?y FILTER(?y >= 0) }");
        q.put("range from a FROM graph", "SELECT ?s ?p ?y FROM " + INFERRED + " WHERE { ?s ?p ?y FILTER(?y >= 1930) }");
        q.put("range in a graph", "SELECT ?s ?p ?y WHERE { GRAPH " + ASSERTED + " { ?s ?p ?y FILTER(?y >= 1930 && ?y <= 1935) } }");
        q.put("range under OPTIONAL", "SELECT ?s ?y WHERE { ?s a skg:Policy OPTIONAL { ?s ?p ?y FILTER(?y >= 1930 && ?y <= 1935) } }");
        q.put("range counted", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?y FILTER(isNumeric(?y) && ?y >= 1930 && ?y <= 1935) }");
        // ... and of the label-filter fast path (graph.TextContains)
        q.put("text in any object", "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(CONTAINS(LCASE(STR(?o)), \"purge\")) }");
        q.put("text in IRIs too", "SELECT ?s ?o WHERE { ?s skg:ledTo ?o FILTER(CONTAINS(LCASE(STR(?o)), \"famine\")) }");
        q.put("text upper case never matches", "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), \"Plan\")) }");
        q.put("text Cyrillic", "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), \"план\")) }");
        q.put("text empty", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(CONTAINS(LCASE(STR(?o)), \"\")) }");
        q.put("text and language", "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), \"plan\") && LANG(?l) = \"en\") }");
        q.put("text with a language tag", "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), \"plan\"@en)) }");
        q.put("text of a bound subject", "SELECT ?p ?o WHERE { <https://w3id.org/stalin-kg/id/policy/great-purge> ?p ?o FILTER(CONTAINS(LCASE(STR(?o)), \"19\")) }");
        q.put("text in a graph", "SELECT ?s ?l WHERE { GRAPH " + INFERRED + " { ?s ?p ?l FILTER(CONTAINS(LCASE(STR(?l)), \"a\")) } }");
        q.put("group without aggregates", "SELECT ?c WHERE { ?s a ?c } GROUP BY ?c");
        q.put("issue label scan", "SELECT ?s ?l WHERE { ?s rdfs:label ?l . FILTER(CONTAINS(LCASE(STR(?l)), \"plan\")) } ORDER BY ?l");
        q.put("issue two-hop", "SELECT * WHERE { ?a ?p ?b . ?b ?q ?c . FILTER(isIRI(?c)) } ORDER BY ?a ?p ?b ?q ?c LIMIT 200");
        q.put("issue numeric range", "SELECT ?s ?p ?y WHERE { ?s ?p ?y . FILTER(isNumeric(?y) && ?y >= 1930 && ?y <= 1935) } ORDER BY ?y");
        q.put("compare date-range", "SELECT ?s ?date WHERE { ?s skg:startDate ?date . BIND(SUBSTR(STR(?date), 1, 4) AS ?y) FILTER(?y >= \"1930\" && ?y <= \"1935\") } ORDER BY ?date ?s");
        q.put("compare label-search", "SELECT DISTINCT ?s ?l WHERE { ?s rdfs:label|skos:altLabel ?l FILTER(CONTAINS(LCASE(STR(?l)), \"famine\")) } ORDER BY ?s ?l");
        q.put("bindings of every variable", "SELECT * WHERE { ?s ?p ?o }");

        for (int i = 0; i < 20; i++) {
            String s = pick(random, subjects);
            q.put("facts of " + s, "SELECT ?p ?o WHERE { " + s + " ?p ?o }");
        }
        for (int i = 0; i < 12; i++) {
            String o = pick(random, objects);
            q.put("links to " + o, "SELECT ?s ?p WHERE { ?s ?p " + o + " }");
        }
        for (int i = 0; i < 10; i++) {
            String s = pick(random, subjects);
            q.put("facts of " + s + " by graph", "SELECT ?g ?p ?o WHERE { GRAPH ?g { " + s + " ?p ?o } }");
        }
        for (int i = 0; i < 20; i++) {
            String p = pick(random, predicates);
            String[] counts = {"COUNT(*)", "COUNT(?o)", "COUNT(DISTINCT ?s)", "COUNT(DISTINCT ?o)"};
            String c = counts[i % counts.length];
            q.put(c + " of " + p, "SELECT (" + c + " AS ?n) WHERE { ?s " + p + " ?o }");
        }
        for (int i = 0; i < 8; i++) {
            String p = pick(random, predicates);
            String g = i % 2 == 0 ? ASSERTED : INFERRED;
            q.put("count of " + p + " in " + g, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + g + " { ?s " + p + " ?o } }");
        }
        for (int i = 0; i < 15; i++) {
            String p = pick(random, predicates);
            q.put("objects of " + p + " grouped", "SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s " + p + " ?o } "
                    + "GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT 10");
        }
        for (int i = 0; i < 10; i++) {
            String p = pick(random, predicates);
            q.put("distinct objects of " + p + " paged", "SELECT DISTINCT ?o WHERE { ?s " + p + " ?o } ORDER BY ?o "
                    + "LIMIT 10 OFFSET " + (i % 3) * 5);
        }
        for (int i = 0; i < 15; i++) {
            String c = pick(random, classes);
            q.put("instances of " + c, i % 2 == 0 ? "SELECT ?s WHERE { ?s a " + c + " } ORDER BY ?s"
                    : "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s rdf:type/rdfs:subClassOf* " + c + " }");
        }
        for (int i = 0; i < 10; i++) {
            String c = pick(random, classes);
            q.put("instances of " + c + " with labels", "SELECT ?s ?l WHERE { ?s a " + c + " ; rdfs:label ?l "
                    + "FILTER(LANG(?l) = \"" + (i % 2 == 0 ? "en" : "ru") + "\") } ORDER BY ?l ?s");
        }
        String[] labelFilters = {
            "CONTAINS(LCASE(STR(?l)), \"%s\")",
            "STRSTARTS(LCASE(STR(?l)), \"%s\")",
            "REGEX(?l, \"%s\", \"i\")",
            "CONTAINS(LCASE(STR(?l)), \"%s\") && LANGMATCHES(LANG(?l), \"en\")",
            "CONTAINS(LCASE(?l), \"%s\")",
        };
        for (int i = 0; i < 30; i++) {
            String w = pick(random, words);
            String filter = String.format(labelFilters[i % labelFilters.length], w);
            String path = i % 3 == 0 ? "rdfs:label|skos:altLabel" : "rdfs:label";
            q.put("labels with " + w + " #" + i, "SELECT DISTINCT ?s ?l WHERE { ?s " + path + " ?l FILTER(" + filter
                    + ") } ORDER BY ?l ?s");
        }
        for (int i = 0; i < 25; i++) {
            String p = pick(random, yearPredicates);
            int from = 1900 + random.nextInt(55);
            int to = from + random.nextInt(12);
            String form = switch (i % 4) {
                case 0 -> "SELECT ?s ?y WHERE { ?s " + p + " ?y FILTER(?y >= " + from + " && ?y <= " + to + ") } ORDER BY ?y ?s";
                case 1 -> "SELECT (COUNT(*) AS ?n) WHERE { ?s " + p + " ?y FILTER(?y > " + from + " && ?y < " + to + ") }";
                case 2 -> "SELECT ?y (COUNT(?s) AS ?n) WHERE { ?s " + p + " ?y FILTER(?y >= " + from + ") } GROUP BY ?y ORDER BY ?y";
                default -> "SELECT ?s ?y ?l WHERE { ?s " + p + " ?y ; rdfs:label ?l FILTER(LANG(?l) = \"en\" && ?y <= "
                        + to + ") } ORDER BY DESC(?y) ?s LIMIT 15";
            };
            q.put("years of " + p + " " + from + "-" + to + " #" + i, form);
        }
        for (int i = 0; i < 10; i++) {
            String p = pick(random, datePredicates);
            int from = 1900 + random.nextInt(55);
            q.put("dates of " + p + " from " + from + " #" + i, "SELECT ?s ?d WHERE { ?s " + p + " ?d "
                    + "FILTER(YEAR(?d) >= " + from + " && YEAR(?d) < " + (from + 5) + ") } ORDER BY ?d ?s");
        }
        for (int i = 0; i < 20; i++) {
            String[] pair = pick(random, chains).split(" ");
            String p1 = "<" + pair[0] + ">";
            String p2 = "<" + pair[1] + ">";
            q.put("chain " + p1 + " " + p2 + " #" + i, i % 2 == 0
                    ? "SELECT ?a ?b ?c WHERE { ?a " + p1 + " ?b . ?b " + p2 + " ?c } ORDER BY ?a ?b ?c LIMIT 50"
                    : "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?a) AS ?m) WHERE { ?a " + p1 + " ?b . ?b " + p2 + " ?c }");
        }
        for (int i = 0; i < 20; i++) {
            String c = pick(random, classes);
            String p = pick(random, objectPredicates);
            String form = switch (i % 4) {
                case 0 -> "SELECT ?s ?o WHERE { ?s a " + c + " OPTIONAL { ?s " + p + " ?o } }";
                case 1 -> "SELECT ?s WHERE { ?s a " + c + " MINUS { ?s " + p + " ?o } }";
                case 2 -> "SELECT ?s WHERE { ?s a " + c + " FILTER NOT EXISTS { ?s " + p + " ?o } }";
                default -> "SELECT ?s ?x WHERE { { ?s a " + c + " BIND(1 AS ?x) } UNION { ?s " + p + " ?o BIND(2 AS ?x) } }";
            };
            q.put("class " + c + " and " + p + " #" + i, form);
        }
        for (int i = 0; i < 12; i++) {
            String s = pick(random, subjects);
            String p = pick(random, predicates);
            q.put("ask " + s + " " + p + " #" + i, i % 2 == 0 ? "ASK { " + s + " " + p + " ?o }"
                    : "ASK { " + s + " ?p ?o }");
        }
        for (int i = 0; i < 8; i++) {
            String c = pick(random, classes);
            q.put("superclasses of " + c, "SELECT ?super WHERE { " + c + " rdfs:subClassOf+ ?super }");
        }
        return q;
    }
}
