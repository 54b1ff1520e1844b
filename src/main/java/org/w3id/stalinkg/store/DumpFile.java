package org.w3id.stalinkg.store;

/**
 * One downloadable dump of the data, as the linked-data pages list it: the file's name ({@code stalin-kg.nt.gz}),
 * the media type of what it holds once unzipped, and the name of its serialisation ("N-Triples").
 */
public record DumpFile(String name, String mediaType, String serialisation) {}
