package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The manifest of a TDB2 database folder ({@value Tdb2Lib#MANIFEST}), a properties file that a load writes last: the
 * format, the TDB2 folder's name, the label index folder's name ({@link Tdb2LabelIndex}; absent in databases
 * written before it), when it was loaded, the content hash, the sizes and the triples of each file.
 */
final class Tdb2Manifest {

    /** The format a manifest names; a database of another format is refused. */
    static final String FORMAT = "stalin-kg-tdb2/1";

    private Tdb2Manifest() {}

    /** Writes the manifest {@code file} (through a temporary file and an atomic move). */
    static void write(Path file, String database, String contentHash, Map<Path, Long> triplesPerFile,
                      Tdb2BatchWriter.Written w) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# stalin-kg TDB2 database, written by load; written last, so a folder without it is no database\n");
        sb.append("format=").append(FORMAT).append('\n');
        sb.append("database=").append(database).append('\n');
        String text = Tdb2LabelIndex.folderFor(database);
        if (Files.isDirectory(file.resolveSibling(text))) {
            sb.append(Tdb2LabelIndex.MANIFEST_KEY).append('=').append(text).append('\n');
        }
        sb.append("loaded=").append(Instant.now()).append('\n');
        sb.append("contentHash=").append(contentHash).append('\n');
        sb.append("triples=").append(w.triples()).append('\n');
        sb.append("triples.asserted=").append(w.asserted()).append('\n');
        sb.append("triples.inferred=").append(w.inferred()).append('\n');
        sb.append("files=").append(triplesPerFile.size()).append('\n');
        int i = 0;
        for (Map.Entry<Path, Long> e : triplesPerFile.entrySet()) {
            i++;
            sb.append("file.").append(i).append(".path=").append(escape(e.getKey().toString())).append('\n');
            sb.append("file.").append(i).append(".triples=").append(e.getValue()).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.ISO_8859_1);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The triples of each file, as the manifest {@code m} lists them, in load order. */
    static Map<Path, Long> triplesPerFile(Properties m) {
        int files = Integer.parseInt(m.getProperty("files"));
        Map<Path, Long> triplesPerFile = new LinkedHashMap<>();
        for (int i = 1; i <= files; i++) {
            triplesPerFile.put(Path.of(m.getProperty("file." + i + ".path")),
                    Long.parseLong(m.getProperty("file." + i + ".triples")));
        }
        return triplesPerFile;
    }

    /** Escapes a value for a properties file (backslashes, and any character outside ISO 8859-1 as \\uXXXX). */
    private static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c > 0xff || c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The manifest of the database folder {@code dir}. */
    static Properties read(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(Tdb2Lib.MANIFEST), StandardCharsets.ISO_8859_1)) {
            p.load(r);
        } catch (IOException ex) {
            throw new GraphLoadException(dir.resolve(Tdb2Lib.MANIFEST) + ": cannot read: " + ex.getMessage());
        }
        return p;
    }
}
