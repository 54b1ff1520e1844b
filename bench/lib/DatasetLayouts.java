import java.nio.file.*;
import java.util.*;
import org.apache.jena.graph.*;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.mem2.*;
import org.apache.jena.query.*;
import org.apache.jena.sparql.core.*;
import org.apache.jena.sparql.exec.*;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.vocab.SKG;

/**
 * Which in-memory layout answers queries fastest over the project's graph, loaded as the server loads it (years,
 * inference): the dataset the jar's loader serves ("served"), against the same two named graphs copied into a
 * GraphMem2Fast or a GraphMem2Roaring each, with the default graph a view of their union (as the served dataset
 * has it), without the served dataset's fast paths (graph.FastPathExecutor): so the ratio of a copy to "served" is
 * what the fast paths and the storage gain together, or the storage alone where no fast path applies. The queries are the six of issue 15 and the ad-hoc queries of bench/compare.sh, each run against each
 * layout in turn (a read transaction, the query run and its rows consumed), ROUNDS times per pass; prints
 * microseconds per query for each pass and, for the last pass, the ratio of each layout to "served". One JVM, so
 * run it on a quiet machine or read only the ratios.
 *
 * A query stops after ROUNDS runs or, once it has run 3 times, after BUDGET_MS.
 *
 *   java -cp target/stalin-kg.jar bench/lib/DatasetLayouts.java . [ROUNDS] [PASSES] [BUDGET_MS]   (200, 3, 2000)
 */
public class DatasetLayouts {
    static final class U extends GraphBase {
        final Graph l, r;
        U(Graph l, Graph r) { this.l = l; this.r = r; }
        @Override protected ExtendedIterator<Triple> graphBaseFind(Triple t) { return l.find(t).andThen(r.find(t)); }
        @Override protected boolean graphBaseContains(Triple t) { return l.contains(t) || r.contains(t); }
        @Override protected int graphBaseSize() { return l.size() + r.size(); }
    }
    static DatasetGraph union(Graph a, Graph d) {
        DatasetGraphMapLink ds = new DatasetGraphMapLink(new U(a, d)) {
            @Override protected Graph getGraphCreate(Node n) { return null; }
        };
        ds.addGraph(SKG.GRAPH_ASSERTED.asNode(), a);
        ds.addGraph(SKG.GRAPH_INFERRED.asNode(), d);
        return new DatasetGraphReadOnly(ds);
    }
    static Graph copy(Graph g, Graph into) { g.find().forEachRemaining(into::add); return into; }

    static final String P = "PREFIX skg: <https://w3id.org/stalin-kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";
    static final String[][] QUERIES = {
        // issue 15's six
        {"count", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
        {"per-class", "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c"},
        {"label", P + "SELECT ?s ?l WHERE { ?s rdfs:label ?l . FILTER(CONTAINS(LCASE(STR(?l)), \"plan\")) } ORDER BY ?l ?s"},
        {"join", "SELECT * WHERE { ?a ?p ?b . ?b ?q ?c . FILTER(isIRI(?c)) } LIMIT 200"},
        {"join-ordered", "SELECT * WHERE { ?a ?p ?b . ?b ?q ?c . FILTER(isIRI(?c)) } ORDER BY ?a ?p ?b ?q ?c"},
        {"facts", "SELECT ?p ?o WHERE { <https://w3id.org/stalin-kg/id/person/joseph-stalin> ?p ?o }"},
        {"range", "SELECT ?s ?p ?y WHERE { ?s ?p ?y . FILTER(isNumeric(?y) && ?y >= 1930 && ?y <= 1935) } ORDER BY ?y ?s ?p"},
        // bench/compare.sh's ad-hoc queries
        {"facts-of-iri", "SELECT ?p ?o WHERE { <https://w3id.org/stalin-kg/id/policy/great-purge> ?p ?o }"},
        {"two-hop", P + "SELECT ?policy ?outcome ?region WHERE { ?policy skg:ledTo ?outcome . ?outcome skg:affectedRegion ?region . FILTER(STRSTARTS(STR(?policy), \"https://w3id.org/stalin-kg/id/policy/\")) } ORDER BY ?policy ?outcome ?region"},
        {"count-per-pred", "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) ?p"},
        {"date-range", P + "SELECT ?s ?date WHERE { ?s skg:startDate ?date . BIND(SUBSTR(STR(?date), 1, 4) AS ?y) FILTER(?y >= \"1930\" && ?y <= \"1935\") } ORDER BY ?date ?s"},
        {"label-search", P + "SELECT DISTINCT ?s ?l WHERE { ?s rdfs:label|skos:altLabel ?l FILTER(CONTAINS(LCASE(STR(?l)), \"famine\")) } ORDER BY ?s ?l"},
        {"graph-asserted", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + SKG.GRAPH_ASSERTED.getURI() + "> { ?s ?p ?o } }"},
    };

    public static void main(String[] args) throws Exception {
        KnowledgeGraph kg = KnowledgeGraphLoader.forProject(Path.of(args[0])).load();
        DatasetGraph served = kg.dataset();
        Graph asserted = served.getGraph(SKG.GRAPH_ASSERTED.asNode());
        Graph inferred = served.getGraph(SKG.GRAPH_INFERRED.asNode());
        System.out.println("asserted " + asserted.size() + " inferred " + inferred.size() + "; served default graph "
                + served.getDefaultGraph().getClass().getSimpleName() + ", named " + asserted.getClass().getSimpleName());
        Map<String, DatasetGraph> layouts = new LinkedHashMap<>();
        layouts.put("served", served);
        layouts.put("mem2fast", union(copy(asserted, new GraphMem2Fast()), copy(inferred, new GraphMem2Fast())));
        layouts.put("mem2roaring", union(copy(asserted, new GraphMem2Roaring()), copy(inferred, new GraphMem2Roaring())));
        int rounds = Integer.parseInt(args.length > 1 ? args[1] : "200");
        int passes = Integer.parseInt(args.length > 2 ? args[2] : "3");
        long budgetNs = Long.parseLong(args.length > 3 ? args[3] : "2000") * 1_000_000L;
        double[][] last = new double[QUERIES.length][layouts.size()];
        for (int pass = 0; pass < passes; pass++) {
            System.out.printf("%npass %d%n%-16s", pass + 1, "query (us/op)");
            for (String l : layouts.keySet()) System.out.printf("%22s", l);
            System.out.println();
            for (int qi = 0; qi < QUERIES.length; qi++) {
                String[] q = QUERIES[qi];
                System.out.printf("%-16s", q[0]);
                Query query = QueryFactory.create(q[1]);
                int li = 0;
                for (DatasetGraph dsg : layouts.values()) {
                    long n = 0; long t0 = System.nanoTime(); int i = 0;
                    // ROUNDS runs, or fewer (at least 3) once BUDGET_MS has passed
                    for (; i < rounds && (i < 3 || System.nanoTime() - t0 < budgetNs); i++) {
                        n = Txn.calculateRead(dsg, () -> { try (QueryExec qe = QueryExec.dataset(dsg).query(query).build()) { return (long) ResultSetFormatter.consume(ResultSet.adapt(qe.select())); } });
                    }
                    double us = (System.nanoTime() - t0) / 1e3 / i;
                    last[qi][li++] = us;
                    System.out.printf("%14.1f (%5d)", us, n);
                }
                System.out.println();
            }
        }
        System.out.printf("%nlast pass, time / served (lower is faster)%n%-16s", "query");
        List<String> names = new ArrayList<>(layouts.keySet());
        for (String l : names) System.out.printf("%14s", l);
        System.out.println();
        double[] logSum = new double[names.size()];
        for (int qi = 0; qi < QUERIES.length; qi++) {
            System.out.printf("%-16s", QUERIES[qi][0]);
            for (int li = 0; li < names.size(); li++) {
                double r = last[qi][li] / last[qi][0];
                logSum[li] += Math.log(r);
                System.out.printf("%14.2f", r);
            }
            System.out.println();
        }
        System.out.printf("%-16s", "geomean");
        for (int li = 0; li < names.size(); li++) System.out.printf("%14.2f", Math.exp(logSum[li] / QUERIES.length));
        System.out.println();
    }
}
