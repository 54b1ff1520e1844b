package org.w3id.stalinkg.server;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.stalinkg.graph.DigestLib;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One access-log line per request (logger {@code org.w3id.stalinkg.access}): method, path, status, duration in
 * milliseconds, the number of result rows when the request ran a SELECT, and for a query a 12-character digest of
 * its text instead of the text, so a line stays short whatever was sent and identical queries can be counted. Also
 * counts requests by status class for the metrics.
 * <pre>
 * GET /sparql 200 3 ms rows=11 query=9f86d081884c
 * </pre>
 */
public final class AccessLogFilter implements Filter {

    /** The request attribute in which the code that answers a SELECT leaves its number of rows. */
    public static final String ROWS_ATTRIBUTE = "org.w3id.stalinkg.rows";

    /** How much of a query's SHA-256 the log line shows: 12 hex digits, enough to tell queries apart. */
    static final int DIGEST_HEX_DIGITS = 12;

    private static final Logger LOG = LoggerFactory.getLogger("org.w3id.stalinkg.access");

    /** One timer per status class (1xx to 5xx), registered once: not a registry lookup per request. */
    private final Timer[] byStatusClass = new Timer[6];

    AccessLogFilter(MeterRegistry metrics) {
        for (int c = 1; c <= 5; c++) {
            byStatusClass[c] = Timer.builder("stalinkg_http_requests").description("HTTP requests by status class")
                    .tag("status", c + "xx").register(metrics);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long nanos = System.nanoTime() - started;
            int status = resp.getStatus();
            byStatusClass[Math.max(1, Math.min(5, status / 100))].record(nanos, TimeUnit.NANOSECONDS);
            if (LOG.isInfoEnabled()) {
                String query = req.getQueryString();
                Object rows = req.getAttribute(ROWS_ATTRIBUTE);
                LOG.info("{} {} {} {} ms{}{}", req.getMethod(), printable(req.getRequestURI()), status,
                        nanos / 1_000_000, rows == null ? "" : " rows=" + rows,
                        query == null ? "" : " query=" + digest(query));
            }
        }
    }

    /** The path with anything outside printable ASCII replaced, so a line cannot be forged. */
    private static String printable(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }

    /** The first {@value #DIGEST_HEX_DIGITS} hex digits of the SHA-256 of {@code text}. */
    static String digest(String text) {
        return DigestLib.sha256Hex(text, DIGEST_HEX_DIGITS);
    }
}
