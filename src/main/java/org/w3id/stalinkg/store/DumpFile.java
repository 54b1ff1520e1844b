package org.w3id.stalinkg.store;

/**
 * One downloadable dump of the data, as the linked-data pages list it: the file's name ({@code stalin-kg.nt.gz}),
 * the media type of what it holds once unzipped, and the name of its serialisation ("N-Triples").
 */
public record DumpFile(String name, String mediaType, String serialisation) {

    /**
     * The SHA-256 of the dump {@code name} among {@code files} ({@link SparqlStore#dumps()}), as its
     * {@code NAME.sha256} file states it; null if there is no such file.
     */
    public static String checksum(java.util.Map<String, byte[]> files, String name) {
        return org.w3id.stalinkg.graph.DumpLib.checksumOf(files, name);
    }
}
