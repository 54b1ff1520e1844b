package org.w3id.stalinkg.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.w3id.stalinkg.graph.DigestLib;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The HTTP conventions every endpoint shares: strong ETags from SHA-256, and conditional GETs
 * ({@code If-None-Match} with a list, {@code *} or weak validators).
 */
public final class HttpLib {

    /** How long a client may reuse an answer made from data that cannot change while the server runs. */
    public static final String CACHE_CONTROL = "public, max-age=3600";

    private HttpLib() {}

    /**
     * The Cache-Control of an answer read from data that may be reused for {@code freshness}: null (data that
     * cannot change while the server runs) gives {@link #CACHE_CONTROL}; an external store's freshness, its seconds.
     */
    public static String cacheControl(Duration freshness) {
        return freshness == null ? CACHE_CONTROL : "public, max-age=" + freshness.toSeconds();
    }

    /** Hex SHA-256 of {@code bytes}: all 64 digits, or the first {@code hexDigits}. */
    public static String sha256(byte[] bytes, int hexDigits) {
        String hex = DigestLib.sha256Hex(bytes);
        return hex.substring(0, Math.min(hexDigits, hex.length()));
    }

    /** A quoted strong ETag for {@code bytes}. */
    public static String etag(byte[] bytes) {
        return "\"" + sha256(bytes, 32) + "\"";
    }

    /** A quoted strong ETag for the parts together (each part separated, so "ab","c" differs from "a","bc"). */
    public static String etag(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(p).append('\u0000');
        }
        return etag(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** True if the request's If-None-Match names {@code etag} (or is {@code *}): answer 304. */
    public static boolean notModified(HttpServletRequest req, String etag) {
        String ifNoneMatch = req.getHeader("If-None-Match");
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
