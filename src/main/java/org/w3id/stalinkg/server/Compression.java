package org.w3id.stalinkg.server;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

/**
 * Gzip for answers worth compressing, by Jetty's {@link GzipHandler} put in front of everything the server handles
 * (Fuseki's servlet context, our filters and servlets). Compression happens below the one answer path: servlets,
 * the {@link AnswerCache} and {@link org.w3id.stalinkg.http.AnswerSender} see and keep identity bytes and identity
 * ETags only, and the handler
 * <ul>
 * <li>compresses a 200 whose media type is one of {@link #COMPRESSED_TYPES} (text, HTML, CSS, JavaScript, JSON,
 *     SPARQL results, RDF), of at least {@link #MIN_BYTES} (or of unknown length, as a streamed SPARQL result), when
 *     the request's {@code Accept-Encoding} names {@code gzip} without {@code q=0};</li>
 * <li>adds {@code Vary: Accept-Encoding} to the answer's own {@code Vary} for such a type, compressed or not;</li>
 * <li>gives the compressed answer the identity ETag with {@code --gzip} before its closing quote
 *     ({@code "abc"} becomes {@code "abc--gzip"}), and removes that suffix from {@code If-None-Match} before our
 *     conditional GET compares it, so either form gets 304, and a 304 for the gzip form carries the gzip form;</li>
 * <li>compresses only what is written, so a {@code HEAD} describes the identity answer (its ETag and length);</li>
 * <li>leaves alone the dumps ({@code /dumps/*}, already gzip), images other than SVG, and any answer that already has
 *     a {@code Content-Encoding}.</li>
 * </ul>
 * Brotli: no maintained pure-Java encoder is available, so only gzip is offered.
 */
final class Compression {

    /** The smallest answer compressed: below about 1 KiB the saving is a few hundred bytes at most. */
    static final int MIN_BYTES = 1024;

    /** The media types compressed (without parameters). */
    static final String[] COMPRESSED_TYPES = {
        "text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "text/csv",
        "text/tab-separated-values", "application/json", "application/problem+json", "application/ld+json",
        "application/sparql-results+json", "application/sparql-results+xml", "application/xml", "text/xml",
        "application/xhtml+xml", "image/svg+xml", "text/turtle", "application/n-triples", "application/n-quads",
        "application/trig", "application/rdf+xml", "application/rdf+json", "application/trix+xml",
        "text/markdown"};

    private Compression() {}

    /** Puts a configured {@link GzipHandler} between {@code server} and the handler it has; before it starts. */
    static GzipHandler install(Server server) {
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(MIN_BYTES);
        gzip.setIncludedMimeTypes(COMPRESSED_TYPES);
        // HEAD: nothing is written, so nothing is compressed, but it gets the Vary a GET gets.
        gzip.setIncludedMethods("GET", "HEAD", "POST");
        // Already compressed: the dumps are gzip files.
        gzip.setExcludedPaths("/dumps/*");
        // Compression of answers only: request bodies are left as they came.
        gzip.setInflateBufferSize(0);
        server.insertHandler(gzip);
        return gzip;
    }
}
