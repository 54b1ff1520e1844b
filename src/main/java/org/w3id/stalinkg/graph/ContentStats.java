package org.w3id.stalinkg.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * What the content holds, by topic area: each thing counted once, in the area of the data file that first types
 * it (data/great-terror.ttl is the area "great-terror"; the files of the seed article's rounds, such as
 * data/policies.ttl, are areas of their own). The figures come from the queries sparql/content-*.rq over the
 * served graph, grouped here by area.
 */
public final class ContentStats {

    /**
     * The figures of one area (or of all, as "total"): typed things (every IRI with a class of the ontology:
     * claims, sources, estimates and terms of office included), things of history (people, institutions, policies,
     * outcomes, events, regions, groups, goals, offices), events dated 1922-1956, published sources and those
     * with an identifier, nodes citing a page, Wikidata links, regions and those located, labels per language.
     */
    public static final class Area {
        public final String name;
        public long typed;
        public long things;
        public long datedEvents;
        public long publishedSources;
        public long identifiedSources;
        public long pageCitedNodes;
        public long wikidataLinks;
        public long regions;
        public long locatedRegions;
        public final Map<String, Long> labels = new TreeMap<>();

        Area(String name) {
            this.name = name;
        }
    }

    private ContentStats() {}

    /** The areas by name, then a last one named "total" with the sums. */
    public static List<Area> byArea(KnowledgeGraph kg, Path dataFolder) {
        Map<Node, String> areaOf = areas(kg, dataFolder);
        Map<String, Area> areas = new TreeMap<>();
        Area total = new Area("total");
        Txn.executeRead(kg.dataset(), () -> {
            each(kg, "content-metrics", (thing, row) -> {
                for (Area a : List.of(area(areas, areaOf, thing), total)) {
                    a.typed++;
                    a.things += flag(row, "isThing");
                    a.datedEvents += flag(row, "isDatedEvent");
                    a.publishedSources += flag(row, "isSource");
                    a.identifiedSources += flag(row, "isSource") * flag(row, "hasIdentifier");
                    a.wikidataLinks += flag(row, "hasWikidata");
                    a.regions += flag(row, "isRegion");
                    a.locatedRegions += flag(row, "isRegion") * flag(row, "isLocated");
                }
            });
            each(kg, "content-citations", (thing, row) -> {
                for (Area a : List.of(area(areas, areaOf, thing), total)) {
                    a.pageCitedNodes++;
                }
            });
            each(kg, "content-labels", (thing, row) -> {
                String lang = row.get("lang").getLiteralLexicalForm();
                long n = ((Number) row.get("n").getLiteralValue()).longValue();
                for (Area a : List.of(area(areas, areaOf, thing), total)) {
                    a.labels.merge(lang.isEmpty() ? "(none)" : lang, n, Long::sum);
                }
            });
        });
        List<Area> result = new ArrayList<>(areas.values());
        result.removeIf(a -> a.things + a.publishedSources + a.pageCitedNodes == 0);
        result.add(total);
        return result;
    }

    private interface RowAction {
        void accept(Node thing, Binding row);
    }

    private static void each(KnowledgeGraph kg, String query, RowAction action) {
        RowSet rows = QueryExec.dataset(kg.dataset()).query(QueryResources.get(query)).select();
        rows.forEachRemaining(row -> action.accept(row.get("thing"), row));
    }

    private static long flag(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? 0 : ((Number) n.getLiteralValue()).longValue();
    }

    private static Area area(Map<String, Area> areas, Map<Node, String> areaOf, Node thing) {
        return areas.computeIfAbsent(areaOf.getOrDefault(thing, "(ontology or inferred)"), Area::new);
    }

    /**
     * The area of each thing: the data file that describes it (holds its rdfs:comment, which every thing has once),
     * or else the first file, by name, that gives it an rdf:type.
     */
    private static Map<Node, String> areas(KnowledgeGraph kg, Path dataFolder) {
        Map<Node, String> described = new HashMap<>();
        Map<Node, String> typed = new HashMap<>();
        Path folder = dataFolder.toAbsolutePath().normalize();
        List<Path> files = kg.triplesPerFile().keySet().stream()
                .filter(file -> file.toAbsolutePath().normalize().startsWith(folder))
                .sorted()
                .toList();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.ttl$", "");
            for (Triple t : TurtleFiles.read(file).triples()) {
                if (t.getSubject().isURI() && t.getPredicate().equals(RDFS.comment.asNode())) {
                    described.putIfAbsent(t.getSubject(), name);
                } else if (t.getSubject().isURI() && t.getPredicate().equals(RDF.type.asNode())) {
                    typed.putIfAbsent(t.getSubject(), name);
                }
            }
        }
        typed.putAll(described);
        return typed;
    }
}
