package org.w3id.stalinkg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

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
 * Answers of the SPARQL endpoint kept in memory and sent again, byte for byte, when the same request comes back.
 * The data never changes while it is served (a reload swaps it whole), so an answer is a function of the data's
 * {@linkplain org.w3id.stalinkg.graph.KnowledgeGraph#contentHash() content hash}, the request (the URL's query
 * string, and for a POST its body and content type) and its {@code Accept} header; those make the key. A repeated
 * query then costs neither parsing, nor evaluation, nor writing the results: this is where most of a small query's
 * time goes in Fuseki.
 * <p>
 * Only complete {@code 200} answers up to {@link #MAX_ENTRY_BYTES} are kept: a larger answer, an error, a time-out
 * and anything sent while a reload swapped the data pass through unkept. A kept answer carries a strong
 * {@code ETag} (SHA-256 of its bytes), so {@code If-None-Match} gets {@code 304}, and a {@code Content-Length}.
 * A request with {@code Cache-Control: no-cache} is evaluated afresh (its answer then replaces the kept one).
 * The cache is bounded by bytes (Caffeine, least recently and frequently used out first) and can be switched off
 * with a size of 0.
 */
final class SparqlAnswerCache implements Filter {

    /** The largest answer kept. */
    static final int MAX_ENTRY_BYTES = 1024 * 1024;

    /** The response header that tells whether the answer came from the cache: {@code hit} or {@code miss}. */
    static final String CACHE_HEADER = "X-Cache";

    /** How long clients and proxies may reuse a kept answer without asking again: as the canned queries' answers. */
    static final String CACHE_CONTROL = "public, max-age=3600";

    private record Key(String data, String method, String contentType, String request, String accept) {
        int weight() {
            return 2 * (data.length() + request.length() + accept.length() + contentType.length()) + 64;
        }
    }

    private record Answer(String contentType, String capped, byte[] body, String etag) {}

    private final DataHolder holder;
    private final Cache<Key, Answer> answers;
    private final int maxBodyBytes;
    private final Counter hits;
    private final Counter misses;

    /**
     * @param maxBytes    the most bytes of answers kept; 0 keeps none
     * @param maxBodyBytes the largest request body read for a key (the request limit filter refused larger ones)
     */
    SparqlAnswerCache(DataHolder holder, long maxBytes, int maxBodyBytes, MeterRegistry metrics) {
        this.holder = holder;
        this.maxBodyBytes = maxBodyBytes;
        this.answers = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<Key, Answer>weigher((k, a) -> k.weight() + a.body().length)
                .build();
        this.hits = Counter.builder("stalinkg_sparql_cache_hits").description("SPARQL answers sent from the cache")
                .register(metrics);
        this.misses = Counter.builder("stalinkg_sparql_cache_misses")
                .description("SPARQL queries evaluated (not in the cache)").register(metrics);
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
            if (queryString == null || !(queryString.startsWith("query=") || queryString.contains("&query="))) {
                chain.doFilter(request, response);   // the service description, or an error
                return;
            }
            request1 = queryString;
        } else if ("POST".equals(method)) {
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
        String accept = req.getHeader("Accept");
        String data = holder.current().graph().contentHash();
        Key key = new Key(data, method, contentType, request1, accept == null ? "" : accept);
        String cacheControl = req.getHeader("Cache-Control");
        boolean fresh = cacheControl != null && cacheControl.contains("no-cache");
        Answer kept = fresh ? null : answers.getIfPresent(key);
        if (kept != null) {
            hits.increment();
            send(req, resp, kept, "hit");
            return;
        }
        misses.increment();
        Capture capture = new Capture(resp);
        chain.doFilter(req, capture);
        Answer answer = capture.finish();
        if (answer == null) {
            return;   // passed through as it was written
        }
        if (data.equals(holder.current().graph().contentHash())) {
            answers.put(key, answer);
        }
        send(req, resp, answer, "miss");
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, Answer answer, String how)
            throws IOException {
        resp.setHeader("ETag", answer.etag());
        resp.setHeader("Vary", "Accept");
        // Fuseki marks every answer no-store; a kept answer is valid as long as the data, like a canned one.
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        resp.setHeader("Pragma", null);
        resp.setHeader(CACHE_HEADER, how);
        if (answer.capped() != null) {
            resp.setHeader(Limits.CAPPED_HEADER, answer.capped());
        }
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
     * {@link #MAX_ENTRY_BYTES}; anything else (an error, a writer, a larger answer) is passed to the real response
     * as it comes.
     */
    private static final class Capture extends HttpServletResponseWrapper {

        private final HttpServletResponse real;
        private ByteArrayOutputStream held = new ByteArrayOutputStream(1024);
        private ServletOutputStream out;
        private boolean passThrough;
        private boolean failed;

        Capture(HttpServletResponse real) {
            super(real);
            this.real = real;
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
                        if (!passThrough && held.size() + len > MAX_ENTRY_BYTES) {
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
            return new Answer(getContentType(), getHeader(Limits.CAPPED_HEADER), body, HttpLib.etag(body));
        }
    }
}
