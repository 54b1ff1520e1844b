package org.w3id.stalinkg.graph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.system.progress.MonitorOutput;

/**
 * Synthetic data for measuring growth: a project folder whose {@code data/} holds the curated files and
 * {@code scale - 1} synthetic copies shaped like them, so that {@code validate}, {@code serve} and {@code load} work
 * on it unchanged.
 *
 * <pre>
 * SyntheticDataLib.generate(Path.of("."), Path.of("target/scale-100"), 100, null);
 * </pre>
 *
 * Copy {@code k} (1 to {@code scale - 1}) is the curated data with every IRI under {@value #ID_NS} given the suffix
 * {@code -sK} ({@code .../id/policy/great-purge} becomes {@code .../id/policy/great-purge-s7}); ontology terms and
 * outside IRIs stay; labels ({@code rdfs:label}, {@code skos:prefLabel}, {@code skos:altLabel}) say
 * {@code "Great Purge (synthetic 7)"}; identity links ({@code owl:sameAs}, and any link to a Wikidata entity) are
 * dropped with the axioms that annotate them, since a synthetic thing is no Wikidata entity; blank nodes get labels
 * of their own per copy. Each copy is one N-Triples file, {@code data/synthetic-NNNN.ttl} (N-Triples is Turtle), written
 * as it is made: only the curated triples are held in memory. The output is a function of the input: the same
 * files give the same bytes. {@code ontology/} and {@code queries/} are copied as they are, and a {@code README.txt}
 * says that the data is synthetic.
 */
public final class SyntheticDataLib {

    /** Things' IRIs start with this; they are the ones a copy renames. */
    public static final String ID_NS = "https://w3id.org/stalin-kg/id/";

    /** The name of copy {@code k}'s file; the width grows with the number of copies. */
    static String fileName(int k, int scale) {
        int width = Math.max(4, Integer.toString(scale - 1).length());
        return String.format("synthetic-%0" + width + "d.ttl", k);
    }

    private SyntheticDataLib() {}

    /**
     * Writes the project folder {@code out} for {@code scale} times the curated data of {@code root}.
     *
     * @param progress where to report each copy written (every tenth of the way), or null
     * @return the number of synthetic triples written
     * @throws IllegalArgumentException if {@code scale} is below 1, or {@code out} exists and is not an empty folder
     * @throws GraphLoadException if a curated data file does not parse
     */
    public static long generate(Path root, Path out, int scale, MonitorOutput progress) {
        if (scale < 1) {
            throw new IllegalArgumentException("Illegal scale " + scale + ": at least 1 (the curated data alone)");
        }
        if (Files.exists(out) && !isEmptyFolder(out)) {
            throw new IllegalArgumentException(out + " exists and is not an empty folder; choose a new one");
        }
        for (String folder : new String[] {"ontology", "data", "queries"}) {
            if (!Files.isDirectory(root.resolve(folder))) {
                throw new IllegalArgumentException(root.resolve(folder) + ": no such folder (is --root a project?)");
            }
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(out);
            copyTree(root.resolve("ontology"), out.resolve("ontology"));
            copyTree(root.resolve("queries"), out.resolve("queries"));
            copyTree(root.resolve("data"), out.resolve("data"));
            List<Path> curated = curatedFiles(root.resolve("data"));
            List<SyntheticTemplates.Line> lines = SyntheticTemplates.templates(curated);
            long written = 0;
            int step = Math.max(1, (scale - 1) / 10);
            for (int k = 1; k < scale; k++) {
                written += writeCopy(out.resolve("data").resolve(fileName(k, scale)), k, lines, curated.size());
                if (progress != null && (k % step == 0 || k == scale - 1)) {
                    double s = (System.nanoTime() - started) / 1e9;
                    progress.print("wrote copy %,d of %,d: %,d synthetic triples (%,.0f/s)", k, scale - 1, written,
                            s > 0 ? written / s : 0.0);
                }
            }
            Files.writeString(out.resolve("README.txt"), readme(scale, curated.size(), lines.size(), written));
            return written;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean isEmptyFolder(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest);
                }
            }
        }
    }

    private static List<Path> curatedFiles(Path data) throws IOException {
        try (Stream<Path> s = Files.list(data)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ttl")).filter(Files::isRegularFile).sorted()
                    .toList();
        }
    }

    private static long writeCopy(Path file, int k, List<SyntheticTemplates.Line> lines, int files) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("# stalin-kg SYNTHETIC data, copy " + k + " of the " + files
                    + " curated files, for measuring growth only: not history.\n"
                    + "# Every IRI under " + ID_NS + " has the suffix -s" + k + "; labels say (synthetic " + k
                    + "); identity links are left out.\n");
            StringBuilder sb = new StringBuilder(256);
            for (SyntheticTemplates.Line line : lines) {
                sb.setLength(0);
                line.write(sb, k);
                w.append(sb);
            }
        }
        return lines.size();
    }

    private static String readme(int scale, int files, int perCopy, long written) {
        return """
                SYNTHETIC DATA - NOT HISTORY

                This folder was written by `stalin-kg generate --scale %d` to measure how the service grows with the
                size of the graph. data/ holds the %d curated files and %d synthetic copies of them
                (data/synthetic-*.ttl, %,d triples each, %,d in all). A synthetic copy repeats the curated statements
                about renamed things: every IRI under %s has a suffix -sK (policy/great-purge-s7), every label says
                "(synthetic K)", and links to Wikidata (skos:exactMatch, owl:sameAs) are left out, so no synthetic
                thing claims to be a real one. Do not publish, cite or merge this data.

                ontology/ and queries/ are copies of the project's. Use the folder as a project root:
                  java -jar target/stalin-kg.jar validate --root THIS_FOLDER
                  java -jar target/stalin-kg.jar serve --root THIS_FOLDER
                  java -jar target/stalin-kg.jar load --tdb2 DB --root THIS_FOLDER
                """.formatted(scale, files, scale - 1, perCopy, written, ID_NS);
    }
}
