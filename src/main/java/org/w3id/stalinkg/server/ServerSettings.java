package org.w3id.stalinkg.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the server listens and how long a query may run.
 *
 * @param host    the interface to bind: {@code 0.0.0.0} for every interface (the default), {@code 127.0.0.1} for
 *                this machine only
 * @param port    the HTTP port; {@code 0} picks any free port (tests do), see {@code FusekiServer.getHttpPort()}
 * @param timeout the longest a SPARQL query may run before it is cut off (default
 *                {@value #DEFAULT_TIMEOUT_SECONDS} s); a client's {@code timeout} parameter can only shorten it
 * @param answerCacheBytes the most bytes of answers kept in memory to be sent again, by the one response cache in
 *                front of every path (default {@value #DEFAULT_ANSWER_CACHE_MB} MiB; 0 for none)
 * @param baseUrl the public base URL of this deployment, ending in "/", under which every RDF answer names things;
 *                null (the default) for the canonical {@code https://w3id.org/stalin-kg/}
 * @param limits  what a client may ask: see {@link Limits}
 * @param trustedProxies the addresses and CIDR ranges of the reverse proxies whose {@code Forwarded} and
 *                {@code X-Forwarded-*} headers are believed; none by default
 * @param basePath the path under which the site is published, {@code /} (the default) or {@code /a/b/}; pages link
 *                relatively, so this only says which leading path to take off a request
 */
public record ServerSettings(String host, int port, Duration timeout, long answerCacheBytes,
                             String baseUrl, Limits limits, List<String> trustedProxies, String basePath) {

    /** The default port, as stock Fuseki's. */
    public static final int DEFAULT_PORT = 3030;

    /** The default interface: all of them. */
    public static final String DEFAULT_HOST = "0.0.0.0";

    /** The default query time limit, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** The default query time limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

    /** The default size of the response cache, in MiB. */
    public static final int DEFAULT_ANSWER_CACHE_MB = 48;

    /** The default base path: the root. */
    public static final String DEFAULT_BASE_PATH = "/";

    /** Settings with no trusted proxy, at the root. */
    public ServerSettings(String host, int port, Duration timeout, long answerCacheBytes, String baseUrl,
                          Limits limits) {
        this(host, port, timeout, answerCacheBytes, baseUrl, limits, List.of(), DEFAULT_BASE_PATH);
    }

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        trustedProxies = List.copyOf(trustedProxies);
        for (String range : trustedProxies) {
            String why = trustedProxyRefusal(range);
            if (why != null) {
                throw new IllegalArgumentException("Illegal trusted proxy=" + range + " : " + why);
            }
        }
        if (!isBasePath(basePath)) {
            throw new IllegalArgumentException("Illegal base path=" + basePath + " : " + BASE_PATH_RULE);
        }
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
        if (answerCacheBytes < 0) {
            throw new IllegalArgumentException("Illegal cache size=" + answerCacheBytes + " : must be 0 or more");
        }
    }

    /** The defaults: the {@code DEFAULT_*} constants here and {@link Limits#defaults()}; no base URL. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT,
                DEFAULT_ANSWER_CACHE_MB * 1024L * 1024L, null, Limits.defaults());
    }

    /** Why {@code range} cannot be a trusted proxy (an IP address or CIDR range), or null if it can. */
    public static String trustedProxyRefusal(String range) {
        return TrustedProxies.check(range);
    }

    /** What a base path must be. */
    public static final String BASE_PATH_RULE = "must be / or a path such as /kg/: segments of letters, digits and "
            + "- . _ ~ (not . or ..) after a /";

    /**
     * True if {@code path} can be a base path: {@code /}, or {@code /} then segments of unreserved characters each
     * followed by {@code /}, none of them {@code .} or {@code ..}, at most 200 characters.
     */
    public static boolean isBasePath(String path) {
        return path != null && path.length() <= 200 && path.matches("/([A-Za-z0-9._~-]+/)*")
                && !path.matches(".*/\\.{1,2}/.*");
    }

    /** True if {@code url} can be a base URL: http(s), a host, a path ending in "/", no query or fragment. */
    public static boolean isBaseUrl(String url) {
        return url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?/");
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, timeout, answerCacheBytes, baseUrl, limits, trustedProxies, basePath);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, timeout, answerCacheBytes, baseUrl, limits, trustedProxies, basePath);
    }

    public ServerSettings withTimeout(Duration newTimeout) {
        return new ServerSettings(host, port, newTimeout, answerCacheBytes, baseUrl, limits, trustedProxies, basePath);
    }

    public ServerSettings withAnswerCacheBytes(long newAnswerCacheBytes) {
        return new ServerSettings(host, port, timeout, newAnswerCacheBytes, baseUrl, limits, trustedProxies, basePath);
    }

    public ServerSettings withLimits(Limits newLimits) {
        return new ServerSettings(host, port, timeout, answerCacheBytes, baseUrl, newLimits, trustedProxies, basePath);
    }

    public ServerSettings withTrustedProxies(List<String> newTrustedProxies) {
        return new ServerSettings(host, port, timeout, answerCacheBytes, baseUrl, limits, newTrustedProxies, basePath);
    }

    public ServerSettings withBasePath(String newBasePath) {
        return new ServerSettings(host, port, timeout, answerCacheBytes, baseUrl, limits, trustedProxies, newBasePath);
    }

    public ServerSettings withBaseUrl(String newBaseUrl) {
        return new ServerSettings(host, port, timeout, answerCacheBytes, newBaseUrl, limits, trustedProxies, basePath);
    }
}
