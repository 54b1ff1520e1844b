package org.w3id.stalinkg.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a servlet decided to answer, before anything is written: status, media type, bytes, ETag, the request
 * headers the answer varies with, how long it may be reused, and any other headers. {@link AnswerSender} writes it,
 * and decides in one place what every answer shares: conditional GET (ETag, {@code If-None-Match}, 304), {@code
 * Vary}, {@code Cache-Control}, {@code HEAD}, {@code Content-Length} and range requests.
 *
 * <pre>
 * AnswerSender.send(req, resp, Answer.ok("text/turtle; charset=utf-8", bytes).varyingOn("Accept"));
 * </pre>
 *
 * Answers are values: each {@code with*} method returns a changed copy.
 *
 * @param status       the HTTP status
 * @param contentType  the Content-Type, with its charset where it has one
 * @param body         the bytes of the body; never null (empty for a 304 or a redirect)
 * @param etag         a quoted strong ETag; null gives one made from the body's bytes for a 200, none otherwise
 * @param vary         the request headers the answer varies with, in order
 * @param cacheControl the Cache-Control; null sends none
 * @param headers      other headers (Link, Location, Content-Language, Retry-After, Allow...), in order
 */
public record Answer(int status, String contentType, byte[] body, String etag, List<String> vary,
                     String cacheControl, Map<String, String> headers) {

    public Answer {
        requireNonNull(contentType, "contentType");
        requireNonNull(body, "body");
        vary = List.copyOf(vary);
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** 200 with {@code body}, reusable for {@link HttpLib#CACHE_CONTROL}; the ETag is made from the bytes. */
    public static Answer ok(String contentType, byte[] body) {
        return new Answer(200, contentType, body, null, List.of(), HttpLib.CACHE_CONTROL, Map.of());
    }

    /** 200 with {@code text} in UTF-8. */
    public static Answer ok(String contentType, String text) {
        return ok(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code status} with a plain-text {@code message} (and a newline), not to be stored by caches. */
    public static Answer text(int status, String message) {
        return new Answer(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8),
                null, List.of(), "no-store", Map.of());
    }

    /** 303 See Other to {@code location} (a path or a URL), with a short note for a person reading it. */
    public static Answer seeOther(String location) {
        return text(303, "See " + location).withHeader("Location", location).withCacheControl(HttpLib.CACHE_CONTROL);
    }

    /** The same answer with this ETag (quoted), for an answer whose identity is known before its bytes. */
    public Answer withEtag(String newEtag) {
        return new Answer(status, contentType, body, newEtag, vary, cacheControl, headers);
    }

    /**
     * The same answer with its ETag made now from its bytes: for an answer kept and sent many times, so that the
     * bytes are hashed once, not on every send.
     */
    public Answer withContentEtag() {
        return withEtag(effectiveEtag());
    }

    /** The same answer, declared to vary with these request headers too. */
    public Answer varyingOn(String... requestHeaders) {
        List<String> all = new java.util.ArrayList<>(vary);
        for (String h : requestHeaders) {
            if (!all.contains(h)) {
                all.add(h);
            }
        }
        return new Answer(status, contentType, body, etag, all, cacheControl, headers);
    }

    public Answer withCacheControl(String newCacheControl) {
        return new Answer(status, contentType, body, etag, vary, newCacheControl, headers);
    }

    /** The same answer with one more header (replacing one of the same name). */
    public Answer withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Answer(status, contentType, body, etag, vary, cacheControl, all);
    }

    /**
     * The same answer, sent in parts on request ({@code Accept-Ranges: bytes}): a GET with one {@code Range} gets
     * 206 with those bytes ({@link ByteRanges}). For large files that are downloaded again from where a download
     * stopped.
     */
    public Answer withByteRanges() {
        return withHeader("Accept-Ranges", "bytes");
    }

    /** True if the answer is sent in parts on request ({@link #withByteRanges()}). */
    public boolean byteRanges() {
        return "bytes".equals(headers.get("Accept-Ranges"));
    }

    /** The ETag the answer is sent with: the given one, or for a 200 one made from the bytes. */
    public String effectiveEtag() {
        if (etag != null) {
            return etag;
        }
        return status == 200 ? HttpLib.etag(body) : null;
    }
}
