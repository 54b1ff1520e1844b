package org.w3id.stalinkg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.w3id.stalinkg.http.HttpLib;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Answers kept in memory and sent again, byte for byte, when the same request comes back: for the SPARQL endpoint
 * ({@link #forSparql}) and the linked-data documents ({@link #forDocuments}). The data never changes while it is
 * served (a reload swaps it whole), so an answer is a function of the data's
 * {@linkplain org.w3id.stalinkg.graph.KnowledgeGraph#contentHash() content hash}, the request (path, query string,
 * and for a POST its body and content type) and the headers the answer varies with ({@code Accept}, and for
 * documents {@code Accept-Language} and {@code Host}, from which a document names its links); those make the key.
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

    /** A kept answer: its type, the other headers it was sent with (name, value, name, value...), bytes, ETag. */
    private record Answer(String contentType, List<String> headers, byte[] body, String etag) {
        int weight() {
            return body.length + headers.stream().mapToInt(h -> 2 * h.length() + 16).sum();
        }
    }

    private final DataHolder holder;
    private final Cache<Key, Answer> answers;
    private final int maxBodyBytes;
    private final int maxEntryBytes;
    private final boolean sparql;
    private final List<String> varyingHeaders;
    private final Counter hits;
    private final Counter misses;

    private AnswerCache(DataHolder holder, long maxBytes, int maxBodyBytes, boolean sparql, List<String> varyingHeaders,
                        String what, MeterRegistry metrics) {
        this.holder = holder;
        this.maxBodyBytes = maxBodyBytes;
        this.maxEntryBytes = (int) Math.min(MAX_ENTRY_BYTES, maxBytes / 4);
        this.sparql = sparql;
        this.varyingHeaders = varyingHeaders;
        this.answers = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<Key, Answer>weigher((k, a) -> k.weight() + a.weight())
                .build();
        this.hits = Counter.builder("stalinkg_answer_cache_hits").tag("for", what)
                .description("answers sent from the cache").register(metrics);
        this.misses = Counter.builder("stalinkg_answer_cache_misses").tag("for", what)
                .description("answers made afresh (not in the cache)").register(metrics);
    }

    /**
     * For {@code /sparql}: GET with a query, and POST (query body or form); keyed on Accept. A kept answer may be
     * reused by clients for an hour (Fuseki's own answers forbid storing).
     *
     * @param maxBytes     the most bytes of answers kept; 0 keeps none
     * @param maxBodyBytes the largest request body read for a key (the request limit filter refused larger ones)
     */
    static AnswerCache forSparql(DataHolder holder, long maxBytes, int maxBodyBytes, MeterRegistry metrics) {
        return new AnswerCache(holder, maxBytes, maxBodyBytes, true, List.of("Accept"), "sparql", metrics);
    }

    /** For the linked-data documents ({@code /doc/...}): GET, keyed on Accept, Accept-Language and Host. */
    static AnswerCache forDocuments(DataHolder holder, long maxBytes, MeterRegistry metrics) {
        return new AnswerCache(holder, maxBytes, 0, false, List.of("Accept", "Accept-Language", "Host"), "documents",
                metrics);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (answers == null) {
            chain.doFilter(request, response);
            return;
        }
        String method = req.getMethod();
        String request1;
        String contentType = "";
        if ("GET".equals(method)) {
            String queryString = req.getQueryString();
            if (sparql && (queryString == null
                    || !(queryString.startsWith("query=") || queryString.contains("&query=")))) {
                chain.doFilter(request, response);   // the service description, or an error
                return;
            }
            request1 = req.getRequestURI() + "?" + (queryString == null ? "" : queryString);
        } else if (sparql && "POST".equals(method)) {
            if (req.getContentLengthLong() > maxBodyBytes) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = req.getInputStream().readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                chain.doFilter(request, response);
                return;
            }
            contentType = String.valueOf(req.getContentType());
            String queryString = req.getQueryString();
            request1 = (queryString == null ? "" : queryString) + "\n" + new String(body, StandardCharsets.UTF_8);
            req = new RequestLimitFilter.BufferedBody(req, body);
        } else {
            chain.doFilter(request, response);
            return;
        }
        StringBuilder varying = new StringBuilder();
        for (String h : varyingHeaders) {
            varying.append(String.valueOf(req.getHeader(h))).append('\n');
        }
        String data = holder.current().store().version();
        if (data == null) {
            // An external store: its data can change under us, so nothing is kept here (the store's answers are
            // kept for --endpoint-cache-seconds by the remote store itself).
            chain.doFilter(req, response);
            return;
        }
        Key key = new Key(data, method, contentType, request1, varying.toString());
        String cacheControl = req.getHeader("Cache-Control");
        boolean fresh = cacheControl != null && cacheControl.contains("no-cache");
        Answer kept = fresh ? null : answers.getIfPresent(key);
        if (kept != null) {
            hits.increment();
            send(req, resp, kept, "hit");
            return;
        }
        misses.increment();
        Capture capture = new Capture(resp, maxEntryBytes);
        chain.doFilter(req, capture);
        Answer answer = capture.finish();
        if (answer == null) {
            return;   // passed through as it was written
        }
        if (data.equals(holder.current().store().version())) {
            answers.put(key, answer);
        }
        send(req, resp, answer, "miss");
    }

    private void send(HttpServletRequest req, HttpServletResponse resp, Answer answer, String how)
            throws IOException {
        for (int i = 0; i < answer.headers().size(); i += 2) {
            resp.setHeader(answer.headers().get(i), answer.headers().get(i + 1));
        }
        resp.setHeader("ETag", answer.etag());
        if (sparql) {
            // Fuseki marks every answer no-store; a kept answer is valid as long as the data, like a canned one.
            resp.setHeader("Vary", "Accept");
            resp.setHeader("Cache-Control", HttpLib.CACHE_CONTROL);
            resp.setHeader("Pragma", null);
        }
        resp.setHeader(CACHE_HEADER, how);
        if (HttpLib.notModified(req, answer.etag())) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(answer.contentType());
        resp.setContentLength(answer.body().length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(answer.body());
        }
    }

    /**
     * The response as Fuseki writes it, held back in memory while it is a 200 no larger than
     * {@code maxEntryBytes}; anything else (an error, a writer, a larger answer) is passed to the real response
     * as it comes.
     */
    private static final class Capture extends HttpServletResponseWrapper {

        private final HttpServletResponse real;
        private final int maxEntryBytes;
        private ByteArrayOutputStream held = new ByteArrayOutputStream(1024);
        private ServletOutputStream out;
        private boolean passThrough;
        private boolean failed;

        Capture(HttpServletResponse real, int maxEntryBytes) {
            super(real);
            this.real = real;
            this.maxEntryBytes = maxEntryBytes;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                if (getStatus() != HttpServletResponse.SC_OK) {
                    passThrough();
                }
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (!passThrough && held.size() + len > maxEntryBytes) {
                            passThrough();
                        }
                        if (passThrough) {
                            real.getOutputStream().write(b, off, len);
                        } else {
                            held.write(b, off, len);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        if (passThrough) {
                            real.getOutputStream().flush();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking writes only");
                    }
                };
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            passThrough();
            return real.getWriter();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            failed = true;
            passThrough();
            real.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            failed = true;
            passThrough();
            real.sendError(sc);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (passThrough) {
                real.flushBuffer();
            }
        }

        @Override
        public void setContentLength(int len) {
            if (passThrough) {
                real.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (passThrough) {
                real.setContentLengthLong(len);
            }
        }

        /** From now on everything goes to the real response, starting with what was held. */
        private void passThrough() throws IOException {
            if (passThrough) {
                return;
            }
            passThrough = true;
            if (held.size() > 0) {
                real.getOutputStream().write(held.toByteArray());
            }
            held = null;
        }

        /** The answer to keep, or null if the response went (or must go) through as written. */
        Answer finish() throws IOException {
            if (passThrough || failed || getStatus() != HttpServletResponse.SC_OK || held == null
                    || getHeader("Content-Encoding") != null) {
                passThrough();
                return null;
            }
            byte[] body = held.toByteArray();
            List<String> headers = new ArrayList<>();
            for (String name : real.getHeaderNames()) {
                if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))
                        && !name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                    headers.add(name);
                    headers.add(real.getHeader(name));
                }
            }
            String etag = real.getHeader("ETag");
            return new Answer(getContentType(), List.copyOf(headers), body, etag != null ? etag : HttpLib.etag(body));
        }
    }
}
