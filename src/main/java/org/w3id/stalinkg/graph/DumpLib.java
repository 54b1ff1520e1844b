package org.w3id.stalinkg.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;

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
        Graph graph = Txn.calculateRead(kg.dataset(), () -> StableGraphLib.copy(kg.dataset().getDefaultGraph()));
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
        return DigestLib.sha256Hex(bytes);
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
