package org.w3id.stalinkg.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.w3id.stalinkg.vocab.SKG;

/**
 * The whole graph as downloadable files: gzipped Turtle, N-Triples and JSON-LD of the default graph (every statement,
 * stated and inferred), and gzipped TriG and N-Quads of the whole dataset, the default graph and the named graphs
 * {@link SKG#GRAPH_ASSERTED} (what the files state) and {@link SKG#GRAPH_INFERRED} (what was derived), with canonical
 * IRIs (dumps are for reuse, wherever they were downloaded from), each beside a {@code NAME.sha256} file that
 * {@code sha256sum -c} checks. Equal data gives equal bytes, on every load and every server: blank nodes are
 * labelled by what they say, triples (and named graphs) are written in a fixed order, and the gzip header carries no
 * time or file name; so a checksum (and the ETag made from it) changes only when the data does.
 *
 * <pre>
 * Map&lt;String, byte[]&gt; files = DumpLib.dumps(kg);      // "stalin-kg.ttl.gz", "stalin-kg.ttl.gz.sha256", ...
 * DumpLib.write(kg, Path.of("target/dumps"));
 * </pre>
 */
public final class DumpLib {

    /** The file name of every dump but its extension. */
    public static final String STEM = "stalin-kg";

    /** The serialisations, in the order of {@link #dumps}: extension, language, media type, what it holds. */
    public static final List<Format> FORMATS = List.of(
            new Format("ttl", Lang.TURTLE, "text/turtle", false),
            new Format("nt", Lang.NTRIPLES, "application/n-triples", false),
            new Format("trig", Lang.TRIG, "application/trig", true),
            new Format("nq", Lang.NQUADS, "application/n-quads", true),
            new Format("jsonld", Lang.JSONLD, "application/ld+json", false));

    /** The N-Quads dump, {@code stalin-kg.nq.gz}: the whole dataset. */
    public static final Format NQUADS = FORMATS.get(3);

    /**
     * One serialisation of the dumps.
     *
     * @param namedGraphs true for the whole dataset (the default graph and the named graphs), false for the default
     *                    graph alone
     */
    public record Format(String extension, Lang lang, String mediaType, boolean namedGraphs) {

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
        DatasetGraph dataset = Txn.calculateRead(kg.dataset(), () -> StableGraphLib.copy(kg.dataset()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Format format : FORMATS) {
            byte[] gz = gzip(serialise(dataset, format));
            files.put(format.fileName(), gz);
            files.put(format.fileName() + ".sha256",
                    (sha256(gz) + "  " + format.fileName() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return Collections.unmodifiableMap(files);
    }

    /** Writes every file of {@link #dumps} into {@code folder}, creating it if needed; returns the files written. */
    public static Map<String, byte[]> write(KnowledgeGraph kg, Path folder) {
        Map<String, byte[]> files = kg.dumps();
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

    /**
     * The former name of the N-Quads dump, which {@code dump --dataset} wrote before the dumps held the named graphs;
     * {@link #writeDataset} still writes it, for the scripts that load it.
     */
    public static final String DATASET_FILE = STEM + "-dataset.nq.gz";

    /**
     * Writes the whole dataset as gzipped N-Quads into {@code folder/}{@value #DATASET_FILE}: the same bytes as the
     * N-Quads dump, {@code stalin-kg.nq.gz} (the default graph and the named graphs of what the files state and what
     * was derived, canonical IRIs), so that another SPARQL store loaded from it answers every query as this server
     * does, {@code GRAPH} queries included. Returns the file.
     */
    public static Path writeDataset(KnowledgeGraph kg, Path folder) {
        return writeDataset(kg.dumps(), folder);
    }

    /** Writes {@code folder/}{@value #DATASET_FILE} from the N-Quads dump among {@code files} ({@link #dumps}). */
    public static Path writeDataset(Map<String, byte[]> files, Path folder) {
        Path file = folder.resolve(DATASET_FILE);
        try {
            Files.createDirectories(folder);
            Files.write(file, files.get(NQUADS.fileName()));
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
        return DigestLib.sha256Hex(bytes);
    }

    /**
     * {@code dataset} (a {@link StableGraphLib#copy(DatasetGraph)}) in {@code format}: its default graph alone, or
     * all of it. N-Quads are written in sorted order, the default graph first, then each named graph in the order
     * of its IRI; the TriG writer writes the default graph, then the named graphs in an order of its own, fixed for
     * the same names.
     */
    private static byte[] serialise(DatasetGraph dataset, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!format.namedGraphs()) {
            RDFDataMgr.write(out, dataset.getDefaultGraph(), format.lang());
        } else if (format.lang() == Lang.NQUADS) {
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
            stream.start();
            StableGraphLib.sorted(dataset.getDefaultGraph()).forEach(stream::triple);
            List<Node> names = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(names::add);
            names.sort(Comparator.comparing(Node::getURI));
            for (Node name : names) {
                StableGraphLib.sorted(dataset.getGraph(name)).forEach(t -> stream.quad(Quad.create(name, t)));
            }
            stream.finish();
        } else {
            RDFDataMgr.write(out, dataset, format.lang());
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
