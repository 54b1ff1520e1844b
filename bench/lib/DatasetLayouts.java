import java.nio.file.*;
import java.util.*;
import org.apache.jena.graph.*;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.mem2.*;
import org.apache.jena.query.*;
import org.apache.jena.riot.*;
import org.apache.jena.sparql.core.*;
import org.apache.jena.sparql.exec.*;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.w3id.stalinkg.graph.InferenceLib;
import org.w3id.stalinkg.graph.YearLib;

/**
 * Which in-memory layout answers queries fastest over the project's graph (~8,000 triples): a TxnMem dataset
 * holding every triple twice (default graph and named graphs; the layout before issue 13) against a
 * DatasetGraphMapLink whose default graph is a view of the two named graphs, each the default graph of a TxnMem
 * dataset of its own (the layout FrozenDataset serves), a GraphMem2Fast or a GraphMem2Roaring. Prints microseconds per query (a read
 * transaction, the query run and its rows consumed), mean of ROUNDS, two passes (the second warm).
 *
 *   java -cp target/stalin-kg.jar bench/lib/DatasetLayouts.java . [ROUNDS]     (default 200)
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
        ds.addGraph(NodeFactory.createURI("urn:a"), a);
        ds.addGraph(NodeFactory.createURI("urn:i"), d);
        return new DatasetGraphReadOnly(ds);
    }
    static Graph copy(Graph g, Graph into) { g.find().forEachRemaining(into::add); return into; }
    public static void main(String[] args) throws Exception {
        Graph asserted = GraphFactory.createDefaultGraph();
        for (String dir : new String[] {"ontology", "data"}) {
            try (var s = Files.list(Path.of(args[0], dir))) {
                for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                    if (p.toString().endsWith(".ttl") && !p.toString().endsWith("shapes.ttl")) RDFParser.source(p).parse(asserted);
                }
            }
        }
        Graph withYears = copy(asserted, GraphFactory.createDefaultGraph());
        YearLib.deriveYears(withYears);
        Graph inferred = GraphFactory.createDefaultGraph();
        withYears.find().filterDrop(asserted::contains).forEachRemaining(inferred::add);
        GraphUtil.addInto(inferred, InferenceLib.entailments(withYears));
        System.out.println("asserted " + asserted.size() + " inferred " + inferred.size() + " default graph " + asserted.getClass().getSimpleName());
        Map<String, DatasetGraph> layouts = new LinkedHashMap<>();
        DatasetGraph txn = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(txn, () -> {
            GraphUtil.addInto(txn.getDefaultGraph(), asserted); GraphUtil.addInto(txn.getDefaultGraph(), inferred);
            GraphUtil.addInto(txn.getGraph(NodeFactory.createURI("urn:a")), asserted);
            GraphUtil.addInto(txn.getGraph(NodeFactory.createURI("urn:i")), inferred);
        });
        layouts.put("txnmem-2copies", new DatasetGraphReadOnly(txn));
        DatasetGraph storeA = DatasetGraphFactory.createTxnMem();
        DatasetGraph storeI = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(storeA, () -> GraphUtil.addInto(storeA.getDefaultGraph(), asserted));
        Txn.executeWrite(storeI, () -> GraphUtil.addInto(storeI.getDefaultGraph(), inferred));
        layouts.put("txnmem-each-union", union(storeA.getDefaultGraph(), storeI.getDefaultGraph()));
        layouts.put("maplink-union-mem2fast", union(copy(asserted, new GraphMem2Fast()), copy(inferred, new GraphMem2Fast())));
        layouts.put("maplink-union-mem2roaring", union(copy(asserted, new GraphMem2Roaring()), copy(inferred, new GraphMem2Roaring())));
        String P = "PREFIX skg: <https://w3id.org/stalin-kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX owl: <http://www.w3.org/2002/07/owl#> ";
        String[][] qs = {
            {"one-iri", "SELECT ?p ?o WHERE { <https://w3id.org/stalin-kg/id/policy/great-purge> ?p ?o }"},
            {"two-hop", P + "SELECT ?outcome ?policy ?goal WHERE { ?outcome skg:resultedFrom ?policy . ?policy skg:servesGoal ?goal } ORDER BY ?outcome ?policy ?goal LIMIT 1000"},
            {"per-class", "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class"},
            {"year-range", P + "SELECT ?thing ?year WHERE { ?thing skg:startYear ?year FILTER(?year >= 1930 && ?year <= 1934) } ORDER BY ?year ?thing LIMIT 1000"},
            {"label-search", P + "SELECT ?thing ?label WHERE { ?thing rdfs:label|skos:altLabel ?label FILTER(CONTAINS(LCASE(STR(?label)), \"famine\")) } ORDER BY ?label ?thing LIMIT 20"},
            {"instance-counts", P + "SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE { ?class a owl:Class . FILTER(STRSTARTS(STR(?class), \"https://w3id.org/stalin-kg/ontology#\")) OPTIONAL { ?x rdf:type/rdfs:subClassOf* ?class } } GROUP BY ?class ORDER BY ?class"},
            {"all-triples", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
            {"graph-asserted", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:a> { ?s ?p ?o } }"},
        };
        int rounds = Integer.parseInt(args.length > 1 ? args[1] : "200");
        for (int pass = 0; pass < 2; pass++) {
            System.out.printf("%n%-16s", "query (us/op)");
            for (String l : layouts.keySet()) System.out.printf("%28s", l);
            System.out.println();
            for (String[] q : qs) {
                System.out.printf("%-16s", q[0]);
                Query query = QueryFactory.create(q[1]);
                long[] counts = new long[layouts.size()]; int li = 0;
                for (DatasetGraph dsg : layouts.values()) {
                    long n = 0; long t0 = System.nanoTime();
                    for (int i = 0; i < rounds; i++) {
                        n = Txn.calculateRead(dsg, () -> { try (QueryExec qe = QueryExec.dataset(dsg).query(query).build()) { return (long) ResultSetFormatter.consume(ResultSet.adapt(qe.select())); } });
                    }
                    counts[li++] = n;
                    System.out.printf("%20.1f (%5d)", (System.nanoTime() - t0) / 1e3 / rounds, n);
                }
                System.out.println();
            }
        }
    }
}
