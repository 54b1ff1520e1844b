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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

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

    private static final String WIKIDATA = "http://www.wikidata.org/";
    private static final Set<Node> LABELS = Set.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), SKOS.altLabel.asNode());

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
            List<Line> lines = templates(curated);
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

    /** One N-Triples line of a copy, made of three parts. */
    private record Line(Part s, Part p, Part o) {}

    /** A node of a line, as written in copy {@code k}. */
    private interface Part {
        void write(StringBuilder sb, int k);
    }

    /** Written as it is. */
    private record Fixed(String nt) implements Part {
        @Override
        public void write(StringBuilder sb, int k) {
            sb.append(nt);
        }
    }

    /** One of our IRIs: the suffix goes before a fragment or query, if any. */
    private record IdIri(String head, String tail) implements Part {
        @Override
        public void write(StringBuilder sb, int k) {
            sb.append(head).append("-s").append(k).append(tail);
        }
    }

    /** A blank node, numbered in order of first appearance, labelled per copy. */
    private record Blank(int n) implements Part {
        @Override
        public void write(StringBuilder sb, int k) {
            sb.append("_:c").append(k).append('b').append(n);
        }
    }

    /** A label: the escaped text, then the mark, then the closing quote and the language or datatype. */
    private record Label(String head, String tail) implements Part {
        @Override
        public void write(StringBuilder sb, int k) {
            sb.append(head).append(" (synthetic ").append(k).append(')').append(tail);
        }
    }

    /**
     * The lines of a copy, in the order of the curated files and of the triples in each: parsed once, strictly,
     * with identity links and the axioms that annotate them left out.
     */
    private static List<Line> templates(List<Path> curated) {
        List<Triple> triples = new ArrayList<>();
        for (Path file : curated) {
            triples.addAll(TurtleFiles.read(file).triples());
        }
        // Axioms (or any blank node) that annotate a dropped statement are dropped with it.
        Set<Node> droppedNodes = new HashSet<>();
        for (Triple t : triples) {
            if (t.getSubject().isBlank() && (isIdentityLink(t)
                    || (t.getPredicate().equals(OWL2.annotatedProperty.asNode()) && t.getObject().equals(OWL2.sameAs.asNode())))) {
                droppedNodes.add(t.getSubject());
            }
        }
        Map<Node, Blank> blanks = new HashMap<>();
        Map<Node, Part> parts = new HashMap<>();
        List<Line> lines = new ArrayList<>(triples.size());
        for (Triple t : triples) {
            if (isIdentityLink(t) || droppedNodes.contains(t.getSubject())) {
                continue;
            }
            Part o = LABELS.contains(t.getPredicate()) && t.getObject().isLiteral()
                    ? label(t.getObject()) : part(t.getObject(), blanks, parts);
            lines.add(new Line(part(t.getSubject(), blanks, parts), part(t.getPredicate(), blanks, parts), o));
        }
        return lines;
    }

    /** A statement that says a thing is another, or is a Wikidata entity. */
    private static boolean isIdentityLink(Triple t) {
        return t.getPredicate().equals(OWL2.sameAs.asNode())
                || (t.getObject().isURI() && t.getObject().getURI().startsWith(WIKIDATA));
    }

    private static Part part(Node n, Map<Node, Blank> blanks, Map<Node, Part> parts) {
        if (n.isBlank()) {
            return blanks.computeIfAbsent(n, b -> new Blank(blanks.size()));
        }
        return parts.computeIfAbsent(n, SyntheticDataLib::nodePart);
    }

    private static Part nodePart(Node n) {
        if (n.isURI() && n.getURI().startsWith(ID_NS)) {
            String iri = n.getURI();
            int cut = iri.length();
            for (char c : new char[] {'#', '?'}) {
                int i = iri.indexOf(c);
                if (i >= 0 && i < cut) {
                    cut = i;
                }
            }
            return new IdIri("<" + iri.substring(0, cut), iri.substring(cut) + ">");
        }
        return new Fixed(NodeFmtLib.strNT(n));
    }

    private static Part label(Node literal) {
        String plain = NodeFmtLib.strNT(NodeFactory.createLiteralString(literal.getLiteralLexicalForm()));
        String full = NodeFmtLib.strNT(literal);
        // full is plain followed by @lang or ^^<datatype>, or plain itself for an xsd:string.
        return new Label(plain.substring(0, plain.length() - 1), "\"" + full.substring(plain.length()));
    }

    private static long writeCopy(Path file, int k, List<Line> lines, int files) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("# stalin-kg SYNTHETIC data, copy " + k + " of the " + files
                    + " curated files, for measuring growth only: not history.\n"
                    + "# Every IRI under " + ID_NS + " has the suffix -s" + k + "; labels say (synthetic " + k
                    + "); identity links are left out.\n");
            StringBuilder sb = new StringBuilder(256);
            for (Line line : lines) {
                sb.setLength(0);
                line.s().write(sb, k);
                sb.append(' ');
                line.p().write(sb, k);
                sb.append(' ');
                line.o().write(sb, k);
                sb.append(" .\n");
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
