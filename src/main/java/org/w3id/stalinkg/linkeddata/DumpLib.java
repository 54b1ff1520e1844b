package org.w3id.stalinkg.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.graph.KnowledgeGraph;

/**
 * The whole graph as downloadable files: gzipped Turtle, N-Triples, TriG and JSON-LD of the default graph, with
 * canonical IRIs (dumps are for reuse, wherever they were downloaded from), each beside a {@code NAME.sha256} file
 * that {@code sha256sum -c} checks. Equal data gives equal bytes, on every load and every server: blank nodes are
 * labelled by what they say, triples are written in a sorted order, and the gzip header carries no time or file
 * name; so a checksum (and the ETag made from it) changes only when the data does.
 *
 * <pre>
 * Map&lt;String, byte[]&gt; files = DumpLib.dumps(kg);      // "stalin-kg.ttl.gz", "stalin-kg.ttl.gz.sha256", ...
 * DumpLib.write(kg, Path.of("target/dumps"));
 * </pre>
 */
public final class DumpLib {

    /** The file name of every dump but its extension. */
    public static final String STEM = "stalin-kg";

    /** The serialisations, in the order of {@link #dumps}: extension, language, media type. */
    public static final List<Format> FORMATS = List.of(
            new Format("ttl", Lang.TURTLE, "text/turtle"),
            new Format("nt", Lang.NTRIPLES, "application/n-triples"),
            new Format("trig", Lang.TRIG, "application/trig"),
            new Format("jsonld", Lang.JSONLD, "application/ld+json"));

    /** One serialisation of the dumps. */
    public record Format(String extension, Lang lang, String mediaType) {

        /** The file name of the gzipped dump, e.g. {@code stalin-kg.nt.gz}. */
        public String fileName() {
            return STEM + "." + extension + ".gz";
        }
    }

    private DumpLib() {}

    /**
     * Every dump and its checksum file, in a stable order: for each of {@link #FORMATS} the gzipped file, then
     * {@code NAME.sha256} holding {@code "<hex>  NAME\n"}.
     */
    public static Map<String, byte[]> dumps(KnowledgeGraph kg) {
        Graph graph = Txn.calculateRead(kg.dataset(), () -> copy(kg.dataset().getDefaultGraph()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Format format : FORMATS) {
            byte[] gz = gzip(serialise(graph, format.lang()));
            files.put(format.fileName(), gz);
            files.put(format.fileName() + ".sha256",
                    (sha256(gz) + "  " + format.fileName() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return Collections.unmodifiableMap(files);
    }

    /** Writes every file of {@link #dumps} into {@code folder}, creating it if needed; returns the files written. */
    public static Map<String, byte[]> write(KnowledgeGraph kg, Path folder) {
        Map<String, byte[]> files = dumps(kg);
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(folder.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return files;
    }

    /** The file name of {@link #writeDataset}: the whole dataset, named graphs included. */
    public static final String DATASET_FILE = STEM + "-dataset.nq.gz";

    /**
     * Writes the whole dataset as gzipped N-Quads into {@code folder/}{@value #DATASET_FILE}: the default graph and
     * the named graphs of what the files state and what was derived, canonical IRIs, so that another SPARQL store
     * loaded from it answers every query as this server does, {@code GRAPH} queries included (the dumps hold the
     * default graph only). Returns the file.
     */
    public static Path writeDataset(KnowledgeGraph kg, Path folder) {
        Path file = folder.resolve(DATASET_FILE);
        try {
            Files.createDirectories(folder);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                Txn.executeRead(kg.dataset(), () -> RDFDataMgr.write(out, kg.dataset(), Lang.NQUADS));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    /** The checksum of a dump as its {@code .sha256} file states it: the hex before the two spaces. */
    public static String checksumOf(Map<String, byte[]> files, String name) {
        byte[] line = files.get(name + ".sha256");
        return line == null ? null : new String(line, StandardCharsets.US_ASCII).split(" ", 2)[0];
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * A copy of {@code source} in which the same data gives the same bytes on every load: each blank node is
     * relabelled with a hash of what it says ({@link #blankLabels}), and the triples go in sorted, so the
     * writers, which follow the graph's order, write them in the same order.
     */
    private static Graph copy(Graph source) {
        List<Triple> triples = source.find().toList();
        Map<Node, Node> renamed = blankLabels(triples);
        List<Triple> sorted = new ArrayList<>();
        for (Triple t : triples) {
            sorted.add(Triple.create(renamed.getOrDefault(t.getSubject(), t.getSubject()), t.getPredicate(),
                    renamed.getOrDefault(t.getObject(), t.getObject())));
        }
        sorted.sort(Comparator.comparing(DumpLib::line));
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(source.getPrefixMapping());
        sorted.forEach(graph::add);
        return graph;
    }

    /**
     * A label for each blank node from what it says and where it stands: a hash of its outgoing triples (following
     * blank objects down) and of its incoming ones (following blank subjects up to an IRI), so that the axiom
     * annotations and the {@code owl:unionOf} lists of our files get the same label on every load. Where that cannot
     * name every blank node apart (a cycle, or two blank nodes alike in both directions), no node is renamed: the
     * dump is still the graph, only its bytes may differ between loads.
     */
    private static Map<Node, Node> blankLabels(List<Triple> triples) {
        Map<Node, List<Triple>> outgoing = new HashMap<>();
        Map<Node, List<Triple>> incoming = new HashMap<>();
        for (Triple t : triples) {
            if (t.getSubject().isBlank()) {
                outgoing.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
            }
            if (t.getObject().isBlank()) {
                incoming.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<Node, String> down = new HashMap<>();
        Map<Node, String> up = new HashMap<>();
        Map<Node, Node> renamed = new HashMap<>();
        Set<String> used = new HashSet<>();
        try {
            for (Node b : outgoing.keySet()) {
                String label = "b" + hash(down(b, outgoing, down, new HashSet<>()) + " "
                        + up(b, incoming, outgoing, down, up, new HashSet<>()));
                if (!used.add(label)) {
                    return Map.of();
                }
                renamed.put(b, NodeFactory.createBlankNode(label));
            }
        } catch (IllegalStateException cycle) {
            return Map.of();
        }
        return renamed;
    }

    /** A hash of what {@code b} says, its blank objects included. */
    private static String down(Node b, Map<Node, List<Triple>> outgoing, Map<Node, String> memo, Set<Node> path) {
        String known = memo.get(b);
        if (known != null) {
            return known;
        }
        if (!path.add(b)) {
            throw new IllegalStateException("blank node cycle");
        }
        List<String> lines = new ArrayList<>();
        for (Triple t : outgoing.getOrDefault(b, List.of())) {
            Node o = t.getObject();
            lines.add(NodeFmtLib.strNT(t.getPredicate()) + " "
                    + (o.isBlank() ? "_:" + down(o, outgoing, memo, path) : NodeFmtLib.strNT(o)));
        }
        path.remove(b);
        memo.put(b, hash(lines));
        return memo.get(b);
    }

    /** A hash of the triples that point at {@code b}, their blank subjects followed up to an IRI. */
    private static String up(Node b, Map<Node, List<Triple>> incoming, Map<Node, List<Triple>> outgoing,
            Map<Node, String> down, Map<Node, String> memo, Set<Node> path) {
        String known = memo.get(b);
        if (known != null) {
            return known;
        }
        if (!path.add(b)) {
            throw new IllegalStateException("blank node cycle");
        }
        List<String> lines = new ArrayList<>();
        for (Triple t : incoming.getOrDefault(b, List.of())) {
            Node s = t.getSubject();
            lines.add((s.isBlank() ? "_:" + down(s, outgoing, down, new HashSet<>()) + "/"
                    + up(s, incoming, outgoing, down, memo, path) : NodeFmtLib.strNT(s))
                    + " " + NodeFmtLib.strNT(t.getPredicate()));
        }
        path.remove(b);
        memo.put(b, hash(lines));
        return memo.get(b);
    }

    private static String hash(List<String> lines) {
        Collections.sort(lines);
        return hash(String.join("\n", lines));
    }

    private static String hash(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static String line(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                + NodeFmtLib.strNT(t.getObject());
    }

    private static byte[] serialise(Graph graph, Lang lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (lang == Lang.TRIG) {
            DatasetGraph dsg = DatasetGraphFactory.wrap(graph);
            RDFDataMgr.write(out, dsg, lang);
        } else {
            RDFDataMgr.write(out, graph, lang);
        }
        return out.toByteArray();
    }

    /** Gzip with java.util.zip's fixed header: modification time 0, no file name. */
    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
