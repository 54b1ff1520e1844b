package org.w3id.stalinkg.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.HttpLib;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one response cache: answers kept in memory and sent again, byte for byte, when the same request comes back,
 * for every path (the SPARQL endpoint, the canned queries, the linked-data documents, the ontology, VoID, the
 * pages), except files from the jar and the dumps. The data never changes while it is
 * served (a reload swaps it whole), so an answer is a function of the data's
 * {@linkplain org.w3id.stalinkg.graph.KnowledgeGraph#contentHash() content hash}, the request (path, query string,
 * and for a POST its body and content type) and the headers an answer may vary with ({@code Accept},
 * {@code Accept-Language}; never {@code Host}, which changes no answer); those make the key.
 * A repeated query then costs neither parsing, nor evaluation, nor writing the results, and a repeated page
 * neither describing nor rendering.
 * <p>
 * Only complete {@code 200} answers up to a quarter of the cache, at most {@link #MAX_ENTRY_BYTES}, are kept, with the headers they were sent with:
 * a larger answer, an error, a redirect, a time-out and anything answered while a reload swapped the data pass
 * through unkept. A kept answer has a strong {@code ETag} (the one it was sent with, or SHA-256 of its bytes), so
 * {@code If-None-Match} gets {@code 304}, and a {@code Content-Length}. A request with
 * {@code Cache-Control: no-cache} is answered afresh (and its answer replaces the kept one). The cache is bounded by
 * bytes (Caffeine, least recently and frequently used out first) and can be switched off with a size of 0.
 */
final class AnswerCache implements Filter {

    /**
     * The largest answer kept (and held back while it is written: at most one per query slot, since only admitted
     * queries write), unless a quarter of the cache is smaller.
     */
    static final int MAX_ENTRY_BYTES = 8 * 1024 * 1024;

    /** The response header that tells whether the answer came from the cache: {@code hit} or {@code miss}. */
    static final String CACHE_HEADER = "X-Cache";


    /** Headers not kept with an answer: the container's own, per connection or per request, or set by filters. */
    private static final Set<String> NOT_KEPT = Set.of("date", "content-length",
            "transfer-encoding", "connection", "keep-alive", "server", "fuseki-request-id", "pragma", "etag",
            "content-type", CACHE_HEADER.toLowerCase(Locale.ROOT));

    private record Key(String data, String method, String contentType, String request, String varying) {
        int weight() {
            return 2 * (data.length() + request.length() + varying.length() + contentType.length()) + 64;
        }
    }

    /** The bytes an answer holds in memory: its body and its headers. */
    private static int weight(Answer a) {
        return a.body().length + a.headers().entrySet().stream()
                .mapToInt(h -> 2 * (h.getKey().length() + h.getValue().length()) + 32).sum();
    }

    /** Paths whose answers are not kept: files from the jar (large, and cheap to send), the dumps, the ping. */
    private static final List<String> NOT_KEPT_PATHS = List.of("/webjars/", "/static/", "/dumps/", "/$/");

    /** The request headers every kept answer is keyed on: what an answer may vary with (never Host). */
    static final List<String> VARYING = List.of("Accept", "Accept-Language");

    private final DataHolder holder;
    private final Cache<Key, Answer> answers;
    private final int maxEntryBytes;
    private final Map<String, Counter> hits = new HashMap<>();
    private final Map<String, Counter> misses = new HashMap<>();

    /**
     * The one response cache, in front of every path: GET (and HEAD, from a kept GET) everywhere, POST for
     * {@code /sparql} (query body or form) and {@code /api} (form); keyed on the data's version, the request and
     * {@link #VARYING}. Answers from {@code /sparql} may be reused by clients for an hour (Fuseki's own answers
     * forbid storing).
     *
     * @param maxBytes     the most bytes of answers kept; 0 keeps none
     */
    AnswerCache(DataHolder holder, long maxBytes, MeterRegistry metrics) {
        this.holder = holder;
        this.maxEntryBytes = (int) Math.min(MAX_ENTRY_BYTES, maxBytes / 4);
        this.answers = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<Key, Answer>weigher((k, a) -> k.weight() + weight(a))
                .recordStats()
                .build();
        if (answers != null) {
            // cache_gets_total{cache="answers",result="hit"|"miss"}, cache_size, cache_evictions_total...: the hit
            // ratio over every path, beside the hits and misses by kind of path below.
            CaffeineCacheMetrics.monitor(metrics, answers, "answers");
        }
        for (String what : List.of("sparql", "documents", "api", "pages")) {
            hits.put(what, Counter.builder("stalinkg_answer_cache_hits").tag("for", what)
                    .description("answers sent from the cache").register(metrics));
            misses.put(what, Counter.builder("stalinkg_answer_cache_misses").tag("for", what)
                    .description("answers made afresh (not in the cache)").register(metrics));
        }
    }

    /** What a path is, for the metrics. */
    private static String what(String path) {
        if (path.equals(ServerPaths.SPARQL)) {
            return "sparql";
        }
        if (path.startsWith("/doc/") || path.startsWith("/id/")) {
            return "documents";
        }
        return path.startsWith(ServerPaths.API) ? "api" : "pages";
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String data = holder.current().store().version();
        // An external store (no version): its data can change under us, so nothing is kept here.
        Key key = answers == null || data == null ? null : key(req, data);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        String what = what(req.getRequestURI());
        String cacheControl = req.getHeader("Cache-Control");
        boolean fresh = cacheControl != null && cacheControl.contains("no-cache");
        Answer kept = fresh ? null : answers.getIfPresent(key);
        if (kept != null) {
            hits.get(what).increment();
            AnswerSender.send(req, resp, kept.withHeader(CACHE_HEADER, "hit"));
            return;
        }
        misses.get(what).increment();
        if ("HEAD".equals(req.getMethod())) {
            // HEAD is answered from a kept GET; on a miss it goes through unkept (its answer has no body to keep).
            chain.doFilter(request, response);
            return;
        }
        ResponseCapture capture = new ResponseCapture(resp, maxEntryBytes);
        chain.doFilter(request, capture);
        ResponseCapture.Held held = capture.finish();
        if (held == null) {
            return;   // passed through as it was written
        }
        Answer answer = kept(held, req.getRequestURI().equals(ServerPaths.SPARQL));
        if (data.equals(holder.current().store().version())) {
            answers.put(key, answer);
        }
        resp.setHeader("Pragma", null);   // Fuseki's no-cache on /sparql, written before the answer was kept
        AnswerSender.send(req, resp, answer.withHeader(CACHE_HEADER, "miss"));
    }

    /**
     * The key of {@code req}, or null if its answer is not kept: GET and HEAD (as GET) on every path but
     * {@link #NOT_KEPT_PATHS}; POST on {@code /sparql} and {@code /api}, by the body the limit filter read and held.
     */
    private static Key key(HttpServletRequest req, String data) {
        String method = req.getMethod();
        String path = req.getRequestURI();
        if (NOT_KEPT_PATHS.stream().anyMatch(path::startsWith)) {
            return null;
        }
        String queryString = req.getQueryString();
        String target = path + "?" + (queryString == null ? "" : queryString);
        String contentType = "";
        if ("POST".equals(method) && (path.equals(ServerPaths.SPARQL) || path.startsWith(ServerPaths.API + "/"))) {
            byte[] body = RequestLimitFilter.BufferedBody.of(req);
            if (body == null) {
                return null;
            }
            contentType = String.valueOf(req.getContentType());
            target = target + "\n" + new String(body, StandardCharsets.UTF_8);
        } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        StringBuilder varying = new StringBuilder();
        for (String h : VARYING) {
            varying.append(String.valueOf(req.getHeader(h))).append('\n');
        }
        return new Key(data, "HEAD".equals(method) ? "GET" : method, contentType, target, varying.toString());
    }

    /**
     * The answer kept of a held response: its type, bytes and ETag (or one made from the bytes), and the headers
     * worth keeping. Fuseki marks every {@code /sparql} answer no-store; kept, it is valid as long as the data, like
     * any other answer, and varies only with Accept.
     */
    private static Answer kept(ResponseCapture.Held held, boolean sparql) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> vary = List.of();
        String cacheControl = null;
        String etag = null;
        for (Map.Entry<String, String> h : held.headers().entrySet()) {
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            if (lower.equals("etag")) {
                etag = h.getValue();
            } else if (lower.equals("vary")) {
                vary = List.of(h.getValue().split(",\\s*"));
            } else if (lower.equals("cache-control")) {
                cacheControl = h.getValue();
            } else if (!NOT_KEPT.contains(lower) && !lower.startsWith("access-control-")) {
                headers.put(h.getKey(), h.getValue());
            }
        }
        if (sparql) {
            vary = List.of("Accept");
            cacheControl = HttpLib.CACHE_CONTROL;
        }
        return new Answer(200, held.contentType(), held.body(), etag != null ? etag : HttpLib.etag(held.body()), vary,
                cacheControl, headers);
    }
}
