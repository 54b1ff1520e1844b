package org.w3id.stalinkg.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.stalinkg.graph.DigestLib;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One access-log line per request (logger {@value #LOGGER}, level INFO), written once the answer has been sent,
 * in the format of {@link AccessLogLine}: time, client address, method, path, status, bytes sent, milliseconds,
 * result rows, a digest of the query and the User-Agent. The digest is the first {@value #DIGEST_HEX_DIGITS} hex
 * digits of the SHA-256 of the SPARQL query text (from {@code ?query=}, a form's {@code query} field or an
 * {@code application/sparql-query} body, so one query has one digest however it is sent), else of the parameters
 * (the query string and a form body, as sent), else of the body; never the text itself, so a line stays short
 * whatever was sent and identical queries can be counted. Only a body that {@link RequestLimitFilter} has already
 * read within its limit is digested.
 * <p>
 * Also records each request's duration in {@link RequestMetrics}: by endpoint and status class, and a latency
 * histogram per endpoint.
 */
public final class AccessLogFilter implements Filter {

    /** The logger the lines go to. */
    public static final String LOGGER = "org.w3id.stalinkg.access";

    /** The request attribute in which the code that answers a SELECT leaves its number of rows. */
    public static final String ROWS_ATTRIBUTE = "org.w3id.stalinkg.rows";

    /** How much of a query's SHA-256 the log line shows: 12 hex digits, enough to tell queries apart. */
    static final int DIGEST_HEX_DIGITS = 12;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final RequestMetrics metrics;

    AccessLogFilter(MeterRegistry registry) {
        this.metrics = new RequestMetrics(registry);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        Instant arrived = Instant.now();
        long started = System.nanoTime();
        ServletContextRequest core = ServletContextRequest.getServletContextRequest(req);
        try {
            chain.doFilter(request, response);
        } finally {
            // What the request was is read now, while the servlet request is in use; the status and the bytes once
            // the answer has gone (a container error page, and compression, come after the filters).
            String endpoint = ServerPaths.endpointOf(req.getRequestURI());
            AccessLogLine line = LOG.isInfoEnabled() ? new AccessLogLine(arrived, req.getRemoteAddr(),
                    req.getMethod(), req.getRequestURI(), 0, -1, 0, req.getAttribute(ROWS_ATTRIBUTE),
                    queryDigest(req), req.getHeader("User-Agent")) : null;
            if (core == null) {
                done(line, endpoint, resp.getStatus(), -1, System.nanoTime() - started);
            } else {
                Response coreResponse = core.getServletContextResponse();
                Request.addCompletionListener(core, failure -> done(line, endpoint, coreResponse.getStatus(),
                        Response.getContentBytesWritten(coreResponse), System.nanoTime() - started));
            }
        }
    }

    /** Records a finished request and writes its line (if the log is on). */
    private void done(AccessLogLine line, String endpoint, int status, long bytes, long nanos) {
        metrics.record(endpoint, status, nanos);
        if (line != null) {
            LOG.info(new AccessLogLine(line.time(), line.client(), line.method(), line.path(), status, bytes,
                    TimeUnit.NANOSECONDS.toMillis(nanos), line.rows(), line.query(), line.ua()).format());
        }
    }

    /** The digest of the request's SPARQL query, else of its parameters, else of its body; null if none. */
    static String queryDigest(HttpServletRequest req) {
        byte[] body = req.getAttribute(RequestLimitFilter.BODY_ATTRIBUTE) instanceof byte[] b ? b : null;
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (body != null && type.startsWith("application/sparql-query")) {
            return digest(new String(body, StandardCharsets.UTF_8));
        }
        String form = body != null && type.startsWith("application/x-www-form-urlencoded")
                ? new String(body, StandardCharsets.UTF_8) : null;
        String queryString = req.getQueryString();
        String params = queryString == null || queryString.isEmpty() ? form
                : form == null || form.isEmpty() ? queryString : queryString + "&" + form;
        if (params != null && !params.isEmpty()) {
            String query = firstValue(params, "query");
            return digest(query != null ? query : params);
        }
        return body != null && body.length > 0 ? digest(new String(body, StandardCharsets.UTF_8)) : null;
    }

    /** The first value of {@code name} in form-encoded {@code params}, decoded; null if absent or malformed. */
    private static String firstValue(String params, String name) {
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            if (eq >= 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException ex) {
                    return null;  // a malformed escape: the parameters as sent are digested instead
                }
            }
        }
        return null;
    }

    /** The first {@value #DIGEST_HEX_DIGITS} hex digits of the SHA-256 of {@code text}. */
    static String digest(String text) {
        return DigestLib.sha256Hex(text, DIGEST_HEX_DIGITS);
    }
}
