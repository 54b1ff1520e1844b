package org.w3id.stalinkg.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server listens and how long a query may run.
 *
 * @param host    the interface to bind: {@code 0.0.0.0} for every interface (the default), {@code 127.0.0.1} for
 *                this machine only
 * @param port    the HTTP port; {@code 0} picks any free port (tests do), see {@code FusekiServer.getHttpPort()}
 * @param timeout the longest a SPARQL query may run before it is cut off (default
 *                {@value #DEFAULT_TIMEOUT_SECONDS} s); a client's {@code timeout} parameter can only shorten it
 * @param cacheBytes the most bytes of canned-query answers kept in memory (default {@value #DEFAULT_CACHE_MB} MiB;
 *                0 for no cache)
 * @param answerCacheBytes the most bytes of {@code /sparql} answers, and again of linked-data documents, kept in
 *                memory to be sent again (default {@value #DEFAULT_ANSWER_CACHE_MB} MiB each; 0 for none)
 * @param baseUrl the public base URL of this deployment, ending in "/", under which every RDF answer names things;
 *                null (the default) for the canonical {@code https://w3id.org/stalin-kg/}
 * @param limits  what a client may ask: see {@link Limits}
 */
public record ServerSettings(String host, int port, Duration timeout, long cacheBytes, long answerCacheBytes,
                             String baseUrl, Limits limits) {

    /** The default port, as stock Fuseki's. */
    public static final int DEFAULT_PORT = 3030;

    /** The default interface: all of them. */
    public static final String DEFAULT_HOST = "0.0.0.0";

    /** The default query time limit, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** The default query time limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

    /** The default size of the canned-query answer cache, in MiB. */
    public static final int DEFAULT_CACHE_MB = 32;

    /** The default size of each answer cache ({@code /sparql}, {@code /doc}), in MiB. */
    public static final int DEFAULT_ANSWER_CACHE_MB = 16;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Illegal port=" + port + " : must be 0 (any free port) to 65535");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Illegal timeout=" + timeout + " : must be positive");
        }
        if (baseUrl != null && !isBaseUrl(baseUrl)) {
            throw new IllegalArgumentException("Illegal base URL=" + baseUrl + " : must be http(s)://host/path/ ending in /");
        }
        if (cacheBytes < 0 || answerCacheBytes < 0) {
            throw new IllegalArgumentException("Illegal cache size=" + cacheBytes + " : must be 0 or more");
        }
    }

    /** The defaults: the {@code DEFAULT_*} constants here and {@link Limits#defaults()}; no base URL. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT, DEFAULT_CACHE_MB * 1024L * 1024L,
                DEFAULT_ANSWER_CACHE_MB * 1024L * 1024L, null, Limits.defaults());
    }

    /** True if {@code url} can be a base URL: http(s), a host, a path ending in "/", no query or fragment. */
    public static boolean isBaseUrl(String url) {
        return url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?/");
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, timeout, cacheBytes, answerCacheBytes, baseUrl, limits);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, timeout, cacheBytes, answerCacheBytes, baseUrl, limits);
    }

    public ServerSettings withTimeout(Duration newTimeout) {
        return new ServerSettings(host, port, newTimeout, cacheBytes, answerCacheBytes, baseUrl, limits);
    }

    public ServerSettings withCacheBytes(long newCacheBytes) {
        return new ServerSettings(host, port, timeout, newCacheBytes, answerCacheBytes, baseUrl, limits);
    }

    public ServerSettings withAnswerCacheBytes(long newAnswerCacheBytes) {
        return new ServerSettings(host, port, timeout, cacheBytes, newAnswerCacheBytes, baseUrl, limits);
    }

    public ServerSettings withLimits(Limits newLimits) {
        return new ServerSettings(host, port, timeout, cacheBytes, answerCacheBytes, baseUrl, newLimits);
    }

    public ServerSettings withBaseUrl(String newBaseUrl) {
        return new ServerSettings(host, port, timeout, cacheBytes, answerCacheBytes, newBaseUrl, limits);
    }
}
