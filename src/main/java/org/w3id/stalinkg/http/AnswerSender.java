package org.w3id.stalinkg.http;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes an {@link Answer}: the one place where conditional GET, {@code Vary}, {@code Cache-Control}, {@code HEAD}
 * and {@code Content-Length} are decided for every path.
 * <ul>
 * <li>A 200 carries its ETag; a request whose {@code If-None-Match} names it (or is {@code *}, or names its weak
 *     form) gets 304 with the same validators and no body.</li>
 * <li>{@code Vary} names the answer's request headers after any already set (Accept-Encoding, by the
 *     compression in front).</li>
 * <li>{@code HEAD} gets the headers a {@code GET} would, {@code Content-Length} included, and no body.</li>
 * <li>An answer {@link Answer#withByteRanges() sent in parts} answers a GET with one {@code Range} with 206 and
 *     those bytes, one past its end with 416 ({@link ByteRanges}); {@code If-None-Match} is decided first.</li>
 * <li>Nothing is written once the response has begun (an error after the first byte cannot change the status).</li>
 * </ul>
 */
public final class AnswerSender {

    private AnswerSender() {}

    /**
     * The answer's Vary after any the response already has: the compression in front of the servlets adds
     * {@code Accept-Encoding} before they answer, and it must stay.
     */
    private static String vary(HttpServletResponse resp, Answer answer) {
        java.util.LinkedHashMap<String, String> all = new java.util.LinkedHashMap<>();
        for (String header : resp.getHeaders("Vary")) {
            for (String v : header.split(",")) {
                if (!v.isBlank()) {
                    all.putIfAbsent(v.strip().toLowerCase(java.util.Locale.ROOT), v.strip());
                }
            }
        }
        for (String v : answer.vary()) {
            all.putIfAbsent(v.toLowerCase(java.util.Locale.ROOT), v);
        }
        return String.join(", ", all.values());
    }

    public static void send(HttpServletRequest req, HttpServletResponse resp, Answer answer) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        String etag = answer.effectiveEtag();
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            resp.setHeader(h.getKey(), h.getValue());
        }
        if (!answer.vary().isEmpty()) {
            resp.setHeader("Vary", vary(resp, answer));
        }
        if (answer.cacheControl() != null) {
            resp.setHeader("Cache-Control", answer.cacheControl());
        }
        if (etag != null) {
            resp.setHeader("ETag", etag);
        }
        if (answer.status() == HttpServletResponse.SC_OK && etag != null && HttpLib.notModified(req, etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (answer.status() == HttpServletResponse.SC_OK && answer.byteRanges() && "GET".equals(req.getMethod())) {
            ByteRanges.Decision range = ByteRanges.decide(java.util.Collections.list(req.getHeaders("Range")),
                    req.getHeader("If-Range"), etag, answer.body().length);
            if (range.kind() != ByteRanges.Kind.WHOLE) {
                sendRange(req, resp, answer, range);
                return;
            }
        }
        resp.setStatus(answer.status());
        resp.setContentType(answer.contentType());
        resp.setContentLength(answer.body().length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(answer.body());
        }
    }

    /** 206 with the bytes of {@code range}, or 416 (a problem) saying how long the answer is. */
    private static void sendRange(HttpServletRequest req, HttpServletResponse resp, Answer answer,
            ByteRanges.Decision range) throws IOException {
        int total = answer.body().length;
        if (range.kind() == ByteRanges.Kind.UNSATISFIABLE) {
            // The problem is not the file: neither its validator nor its download name.
            resp.setHeader("ETag", null);
            resp.setHeader("Content-Disposition", null);
            send(req, resp, Problem.of(416, "Range Not Satisfiable", "The range asked for is not within the "
                    + total + " bytes of " + req.getRequestURI() + "; ask for bytes 0 to " + (total - 1) + ".")
                    .answer(req).withHeader("Content-Range", range.contentRange(total)));
            return;
        }
        resp.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        resp.setHeader("Content-Range", range.contentRange(total));
        resp.setContentType(answer.contentType());
        resp.setContentLength((int) range.length());
        resp.getOutputStream().write(answer.body(), (int) range.first(), (int) range.length());
    }
}
