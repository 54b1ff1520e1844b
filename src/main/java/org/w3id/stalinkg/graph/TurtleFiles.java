package org.w3id.stalinkg.graph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;

/**
 * The Turtle files of a load: which they are, and each one read once, its bytes kept for the content hash and parsed
 * strictly (a parser warning, such as a bad IRI or an ill-typed literal, is an error). A file that cannot be read or
 * parsed is a {@link GraphLoadException} naming the file, and for a syntax error its line and column.
 */
final class TurtleFiles {

    private TurtleFiles() {}

    /**
     * One file as read: its bytes (for the content hash), the statements the parser read (in order, duplicates
     * included) and the prefixes it declared.
     */
    record Read(Path file, byte[] bytes, List<Triple> triples, Map<String, String> prefixes) {

        /** Adds the statements and the prefixes to {@code graph}. */
        void addTo(Graph graph) {
            graph.getPrefixMapping().setNsPrefixes(prefixes);
            triples.forEach(graph::add);
        }
    }

    /**
     * Every {@code *.ttl} file of the folders, in folder order and sorted by name within a folder, leaving out those
     * {@code skip} accepts.
     *
     * @throws GraphLoadException naming each folder that is missing or cannot be listed, or if there is no file
     */
    static List<Path> list(List<Path> folders, Predicate<Path> skip, String what) {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                problems.add(folder + ": no such folder");
                continue;
            }
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(p -> p.getFileName().toString().endsWith(".ttl"))
                       .filter(Files::isRegularFile)
                       .filter(skip.negate())
                       .sorted()
                       .forEach(files::add);
            } catch (IOException ex) {
                problems.add(folder + ": cannot list: " + ex.getMessage());
            }
        }
        if (problems.isEmpty() && files.isEmpty()) {
            problems.add((folders.size() == 1 ? folders.get(0) : folders) + ": no .ttl files");
        }
        if (!problems.isEmpty()) {
            throw new GraphLoadException(what, problems);
        }
        return files;
    }

    /**
     * Reads {@code file} once and parses its bytes.
     * <p>
     * Blank nodes get the same identity on every load of the same file: the parser's blank-node allocator is seeded
     * with the file's name instead of a random seed. The graph, and so every answer written from it, is then the
     * same bytes on every replica that loads the same files (Jena orders a graph by its nodes' hashes, and writes
     * blank nodes by their identity), so two replicas behind a load balancer give the same bytes and ETags.
     */
    static Read read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException ex) {
            throw new GraphLoadException("Cannot read", List.of(file + ": " + ex));
        }
        List<Triple> triples = new ArrayList<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        parse(file, bytes, new StreamRDFBase() {
            @Override
            public void triple(Triple triple) {
                triples.add(triple);
            }

            @Override
            public void prefix(String prefix, String iri) {
                prefixes.put(prefix, iri);
            }
        });
        return new Read(file, bytes, triples, prefixes);
    }

    /** Parses the bytes of {@code file} into {@code sink}, strictly, with the seeded blank-node labels. */
    static void parse(Path file, byte[] bytes, StreamRDF sink) {
        UUID seed = UUID.nameUUIDFromBytes(("stalin-kg " + file.getFileName()).getBytes(StandardCharsets.UTF_8));
        try {
            RDFParser.source(new ByteArrayInputStream(bytes))
                     .base(IRILib.filenameToIRI(file.toString()))
                     .forceLang(Lang.TURTLE)
                     .strict(true)
                     .checking(true)
                     .labelToNode(LabelToNode.createScopeByDocumentHash(seed))
                     .errorHandler(ErrorHandlerFactory.errorHandlerExceptions())
                     .parse(sink);
        } catch (RiotParseException ex) {
            throw new GraphLoadException("Parse error", List.of(
                    file + ":" + ex.getLine() + ":" + ex.getCol() + ": " + ex.getOriginalMessage()));
        } catch (RiotException ex) {
            throw new GraphLoadException("Parse error", List.of(file + ": " + ex.getMessage()));
        } catch (UncheckedIOException ex) {
            throw new GraphLoadException("Cannot read", List.of(file + ": " + ex.getMessage()));
        }
    }

    /**
     * Adds one file to a content hash: its name, a zero byte, its bytes, a zero byte. The content hash of a load is
     * the SHA-256 of its files added so in load order ({@link DigestLib#sha256()}).
     */
    static void addToHash(MessageDigest digest, Path file, byte[] bytes) {
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bytes);
        digest.update((byte) 0);
    }
}
