package org.w3id.stalinkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

/** Every claim of the seed article is in the graph, with its exact sentence, its section and its place in it. */
class TestSeedClaims {

    private static final String PREFIXES = """
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skg:     <https://w3id.org/stalin-kg/ontology#>
            PREFIX source:  <https://w3id.org/stalin-kg/id/source/>
            """;

    @Test
    void everySentenceOfEverySectionIsAClaimAtItsPosition() {
        Map<String, List<String>> seed = SeedArticle.sentencesBySection();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> section : seed.entrySet()) {
            Map<Integer, List<String>> claimed = claimsOf(section.getKey());
            List<String> sentences = section.getValue();
            for (int i = 0; i < sentences.size(); i++) {
                List<String> texts = claimed.getOrDefault(i + 1, List.of());
                if (!texts.contains(sentences.get(i))) {
                    missing.add(section.getKey() + " #" + (i + 1) + ": " + sentences.get(i)
                            + (texts.isEmpty() ? "" : "\n      claims there: " + texts));
                }
            }
            assertTrue(claimed.keySet().stream().allMatch(p -> p >= 1 && p <= sentences.size()),
                    section.getKey() + " has claims at positions beyond its " + sentences.size() + " sentences: "
                            + claimed.keySet());
        }
        assertTrue(missing.isEmpty(), missing.size() + " sentence(s) of the seed are not claims in the graph:\n  "
                + String.join("\n  ", missing));
    }

    @Test
    void theSeedHasTheSectionsTheClaimsNameAndNoOthers() {
        List<String> inGraph = select(PREFIXES + """
                SELECT DISTINCT ?section WHERE { ?c skg:extractedFrom ?section } ORDER BY ?section
                """, "section").stream().map(s -> s.substring(s.lastIndexOf('/') + 1)).toList();
        assertEquals(new TreeSet<>(SeedArticle.sentencesBySection().keySet()),
                new TreeSet<>(inGraph));
    }

    @Test
    void everyClaimTextAndEveryQuotationIsVerbatimInTheSeed() {
        String seed = SeedArticle.text();
        List<String> texts = select(PREFIXES + """
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                SELECT DISTINCT ?text WHERE {
                  { ?c skg:claimText ?text } UNION { ?a a owl:Axiom ; skg:quotation ?text }
                }
                """, "text");
        assertTrue(texts.size() > 100, "too few claims and quotations: " + texts.size());
        List<String> invented = texts.stream().filter(t -> !seed.contains(t)).toList();
        assertTrue(invented.isEmpty(), "not in the seed: " + invented);
    }

    /** Position to the claim texts at that position, for one section. */
    private static Map<Integer, List<String>> claimsOf(String section) {
        Map<Integer, List<String>> byPosition = new TreeMap<>();
        for (QuerySolution row : ProjectFiles.select(PREFIXES + """
                SELECT ?position ?text WHERE {
                  ?claim a/rdfs:subClassOf* skg:Claim ;
                         skg:extractedFrom source:%s ;
                         skg:positionInSource ?position ;
                         skg:claimText ?text .
                }
                """.formatted(section))) {
            byPosition.computeIfAbsent(row.getLiteral("position").getInt(), k -> new ArrayList<>())
                    .add(row.getLiteral("text").getString());
        }
        return byPosition;
    }

    private static List<String> select(String query, String var) {
        return ProjectFiles.column(ProjectFiles.select(query), var);
    }
}
