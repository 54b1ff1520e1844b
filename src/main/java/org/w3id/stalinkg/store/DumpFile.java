package org.w3id.stalinkg.store;

import java.util.Map;

import org.w3id.stalinkg.graph.DumpLib;

/**
 * One downloadable dump of the data, as the linked-data pages list it: the file's name ({@code stalin-kg.nt.gz}),
 * the media type of what it holds once unzipped, the name of its serialisation ("N-Triples"), and whether it holds
 * the whole dataset with its named graphs (TriG, N-Quads) or the default graph alone.
 */
public record DumpFile(String name, String mediaType, String serialisation, boolean namedGraphs) {

    /**
     * The SHA-256 of the dump {@code name} among {@code files} ({@link SparqlStore#dumps()}), as its
     * {@code NAME.sha256} file states it; null if there is no such file.
     */
    public static String checksum(Map<String, byte[]> files, String name) {
        return DumpLib.checksumOf(files, name);
    }
}
