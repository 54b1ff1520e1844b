package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed article split into its sections and sentences, the way the claims in data/claims.ttl are extracted: the
 * summary paragraph, each row of the goals table (its Values cell), each "What You'll Learn" bullet, each sentence of
 * the five sections, each sentence of the closing answers. Page furniture (related products, unrelated headlines,
 * "You may want to see also", headings) is left out.
 */
final class SeedArticle {

    /** The seed as bundled with the data. */
    static final Path FILE = ProjectFiles.ROOT.resolve("data/seed/000_82c9fa7e9dc4d370.txt");

    /** The sections after the bullets, in the article's order, as the slugs of their source: individuals. */
    private static final List<String> SECTIONS = List.of("seed-consolidating-power", "seed-industrialization-drive",
            "seed-collectivization-policy", "seed-global-communist-influence", "seed-cult-of-personality");

    private static final Set<String> FURNITURE = Set.of("Explore related products", "You may want to see also",
            "What You'll Learn", "Frequently asked questions");

    private SeedArticle() {}

    /** Section slug (e.g. {@code seed-summary}) to its sentences, in order. */
    static Map<String, List<String>> sentencesBySection() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> bullets = new ArrayList<>();
        String section = "seed-summary";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
            if (FURNITURE.contains(line) || next.equals("You may want to see also")) {
                if (line.equals("Frequently asked questions")) {
                    section = "seed-faq";
                }
                continue;
            }
            if (line.startsWith("|")) {
                String[] cells = line.split("\\|");
                String values = cells[2].strip();
                if (!values.equals("Values") && !values.matches("-+")) {
                    add(sections, "seed-goals-table", values);
                }
                continue;
            }
            if (line.startsWith("- ")) {
                bullets.add(line.substring(2));
                add(sections, "seed-what-youll-learn", line.substring(2));
                continue;
            }
            int heading = bullets.indexOf(line);
            if (heading >= 0) {
                section = SECTIONS.get(heading);
                continue;
            }
            for (String sentence : line.split("(?<=[.!?])\\s+(?=[A-Z\"“‘*])")) {
                add(sections, section, sentence.strip());
            }
        }
        return sections;
    }

    /** The whole text, for verbatim checks. */
    static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void add(Map<String, List<String>> sections, String section, String sentence) {
        sections.computeIfAbsent(section, k -> new ArrayList<>()).add(sentence);
    }
}
