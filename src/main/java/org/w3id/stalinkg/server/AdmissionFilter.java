package org.w3id.stalinkg.server;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.eclipse.jetty.http.HttpStatus;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.Problem;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Admission control for the requests that run queries ({@code /sparql} with a query, {@code /api/NAME}): a bounded
 * number run at once, and a request that finds no free slot within {@link Limits#queueWait()} is answered 503 with
 * {@code Retry-After} at once rather than queued; a client over its budget ({@link ClientBudgets}) is answered 429
 * with {@code Retry-After}. Everything else (pages, static files, the health check) passes untouched, so the
 * health check answers while every slot is taken.
 */
final class AdmissionFilter implements Filter {

    private final Semaphore slots;
    private final long queueWaitMillis;
    private final ClientBudgets budgets;
    private final Counter shed;
    private final Counter throttled;
    private final Timer queries;

    AdmissionFilter(Limits limits, MeterRegistry metrics) {
        this.slots = new Semaphore(limits.maxConcurrentQueries(), true);
        this.queueWaitMillis = limits.queueWait().toMillis();
        this.budgets = new ClientBudgets(limits.clientQueryMillisPerMinute(), limits.clientErrorsPerMinute());
        this.shed = Counter.builder("stalinkg_queries_shed").description("queries refused with 503: no free slot")
                .register(metrics);
        this.throttled = Counter.builder("stalinkg_queries_throttled")
                .description("queries refused with 429: client over budget").register(metrics);
        this.queries = Timer.builder("stalinkg_queries").description("queries admitted, by their duration")
                .register(metrics);
        Gauge.builder("stalinkg_query_slots_free", slots, Semaphore::availablePermits)
                .description("query slots free now (of --max-concurrent-queries)").register(metrics);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (!isQuery(req)) {
            chain.doFilter(request, response);
            return;
        }
        String client = req.getRemoteAddr() + "|" + String.valueOf(req.getHeader("User-Agent"));
        if (budgets.enabled()) {
            long wait = budgets.retryAfterSeconds(client);
            if (wait > 0) {
                throttled.increment();
                refuse(req, resp, 429, wait, "Too many queries or errors from this client in the last minute; "
                        + "retry after " + wait + " s.");
                return;
            }
        }
        boolean admitted;
        try {
            admitted = slots.tryAcquire(queueWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            shed.increment();
            refuse(req, resp, 503, 1, "The server is busy: every query slot is taken; retry in a second.");
            return;
        }
        long started = System.nanoTime();
        try {
            chain.doFilter(request, new RetryAfterOn503(resp));
        } finally {
            slots.release();
            long nanos = System.nanoTime() - started;
            queries.record(nanos, TimeUnit.NANOSECONDS);
            if (budgets.enabled()) {
                budgets.charge(client, nanos / 1_000_000, resp.getStatus() >= 400);
            }
        }
    }

    /** The requests that run a query: /sparql with a query (not its service description), and /api/NAME. */
    static boolean isQuery(HttpServletRequest req) {
        String path = req.getRequestURI();
        if (path.equals(ServerPaths.SPARQL)) {
            return "POST".equals(req.getMethod()) || req.getQueryString() != null;
        }
        if (path.startsWith(ServerPaths.API + "/")) {
            String name = path.substring(ServerPaths.API.length() + 1);
            return !name.isEmpty() && !name.equals("openapi.json") && !name.equals("docs");
        }
        return false;
    }

    /**
     * Adds {@code Retry-After} to a 503 that the query itself caused (it ran past its time limit), as to the 503s
     * of load shedding: a client may try again, with a lighter query.
     */
    private static final class RetryAfterOn503 extends HttpServletResponseWrapper {
        RetryAfterOn503(HttpServletResponse resp) {
            super(resp);
        }

        @Override
        public void setStatus(int sc) {
            if (sc == 503 && !isCommitted()) {
                setHeader("Retry-After", "5");
            }
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (sc == 503 && !isCommitted()) {
                setHeader("Retry-After", "5");
            }
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (sc == 503 && !isCommitted()) {
                setHeader("Retry-After", "5");
            }
            super.sendError(sc);
        }
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse resp, int status, long retryAfter,
                               String message) throws IOException {
        AnswerSender.send(req, resp, Problem.of(status, HttpStatus.getMessage(status), message)
                .header("Retry-After", Long.toString(retryAfter)).answer(req));
    }
}
