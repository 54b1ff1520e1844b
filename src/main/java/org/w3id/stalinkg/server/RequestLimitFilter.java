package org.w3id.stalinkg.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.Problem;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds request bodies: a body larger than {@link Limits#maxBodyBytes()} is refused with 413 before anything reads
 * it, whether it declares its length or comes in chunks (then at most the limit plus one byte is read). Fuseki
 * would otherwise read a whole {@code application/sparql-query} body into memory, however large. A body within the
 * limit is read here, once, and held ({@link BufferedBody}): the read-only check, the response cache and the
 * servlet all read those bytes.
 */
final class RequestLimitFilter implements Filter {

    /** The request attribute holding the body read here (within the limit), for the access log's digest. */
    static final String BODY_ATTRIBUTE = "org.w3id.stalinkg.body";

    private final int maxBodyBytes;

    RequestLimitFilter(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        long declared = req.getContentLengthLong();
        if (declared > maxBodyBytes) {
            if (declared <= (long) DRAIN_FACTOR * maxBodyBytes) {
                // Read and drop a body not much over the limit before refusing it: closing a connection with unread
                // bytes resets it, and the client, still sending, then never sees the 413 (seen in a test, now and
                // then). A far larger body is refused at once.
                drain(req.getInputStream(), declared);
            }
            tooLarge(req, resp);
            return;
        }
        if (hasBody(req) && !identity(req.getHeader("Content-Encoding"))) {
            // Fuseki would inflate a gzip or deflate body after this filter has bounded the compressed bytes: a small
            // body could grow without limit. Bodies are taken as they are sent, uncompressed, or not at all.
            drain(req.getInputStream(), (long) DRAIN_FACTOR * maxBodyBytes);
            AnswerSender.send(req, resp, Problem.of(415, "Unsupported Media Type", "A request body with "
                    + "Content-Encoding " + req.getHeader("Content-Encoding") + " is not accepted: send it "
                    + "uncompressed (at most " + maxBodyBytes + " bytes).")
                    .header("Accept-Encoding", "identity").answer(req));
            return;
        }
        if (hasBody(req)) {
            // Read here, once, at most one byte past the limit (a chunked body declares no length); every filter and
            // servlet after this one reads the held bytes (and, for a form, its fields, which the container can no
            // longer read).
            byte[] body = req.getInputStream().readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                drain(req.getInputStream(), (long) (DRAIN_FACTOR - 1) * maxBodyBytes);
                tooLarge(req, resp);
                return;
            }
            // The access log digests the query in the held bytes; nothing else reads the body from here.
            req.setAttribute(BODY_ATTRIBUTE, body);
            chain.doFilter(new BufferedBody(req, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A declared body up to this many times the limit is read and dropped before the 413. */
    static final int DRAIN_FACTOR = 4;

    /** Reads and drops at most {@code limit} more bytes of the body. */
    private static void drain(InputStream in, long limit) {
        byte[] sink = new byte[8192];
        long left = limit;
        try {
            for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) {
                left -= n;
            }
        } catch (IOException ex) {
            // The client gave up: nothing to answer.
        }
    }

    /** No Content-Encoding, or only "identity". */
    private static boolean identity(String contentEncoding) {
        return contentEncoding == null || contentEncoding.isBlank()
                || contentEncoding.trim().equalsIgnoreCase("identity");
    }

    private static boolean hasBody(HttpServletRequest req) {
        String method = req.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private void tooLarge(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AnswerSender.send(req, resp, Problem.of(413, "Content Too Large", "Request body too large: at most "
                + maxBodyBytes + " bytes.").header("Connection", "close").answer(req));
    }

    /** A request whose body has been read already; a form's fields come from those bytes. */
    static final class BufferedBody extends HttpServletRequestWrapper {

        /** The held body of {@code request}, or of a request it wraps; null if none was read here. */
        static byte[] of(ServletRequest request) {
            for (ServletRequest r = request; r instanceof ServletRequestWrapper w; r = w.getRequest()) {
                if (r instanceof BufferedBody b) {
                    return b.body;
                }
            }
            return null;
        }

        private final byte[] body;
        private final Map<String, String[]> parameters;

        BufferedBody(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
            String type = req.getContentType();
            boolean form = type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
            this.parameters = form ? formParameters(req.getQueryString(), new String(body, StandardCharsets.UTF_8))
                    : null;
        }

        private static Map<String, String[]> formParameters(String queryString, String form) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            for (String part : new String[] {queryString, form}) {
                if (part == null || part.isEmpty()) {
                    continue;
                }
                for (String pair : part.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    all.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> out = new LinkedHashMap<>();
            all.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
            return Collections.unmodifiableMap(out);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters != null ? parameters : super.getParameterMap();
        }

        @Override
        public String getParameter(String name) {
            if (parameters == null) {
                return super.getParameter(name);
            }
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters != null ? parameters.get(name) : super.getParameterValues(name);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return parameters != null ? Collections.enumeration(parameters.keySet()) : super.getParameterNames();
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return body.length == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
