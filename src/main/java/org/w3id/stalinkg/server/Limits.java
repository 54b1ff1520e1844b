package org.w3id.stalinkg.server;

import java.time.Duration;

/**
 * What a client may ask of the public port, in the spirit of the Wikidata Query Service and DBpedia. Every limit has
 * a default here and a flag on {@code serve}; the README's "Limits" section lists them.
 *
 * @param firstResultTimeout  longest wait for a query's first result (default 10 s; the overall limit is
 *                            {@link ServerSettings#timeout()}, default 30 s)
 * @param apiTimeout          longest a canned query may run (default 5 s)
 * @param maxRows             most result rows per response (default 10,000); a response cut there says so in
 *                            {@value #CAPPED_HEADER}
 * @param maxBodyBytes        largest request body (default 1 MiB; 413 beyond)
 * @param maxQueryChars       longest query text (default 64 Ki characters; 400 beyond)
 * @param maxHeaderBytes      largest request line and headers (default 16 KiB; 414 for a longer URL, 431 for
 *                            larger headers)
 * @param maxConcurrentQueries queries that run at once (default two per core); beyond, 503 with Retry-After
 * @param queueWait           how long a query waits for a free slot before the 503 (default 100 ms)
 * @param clientQueryMillisPerMinute query time a client (address and User-Agent) may use per minute (default 60 s,
 *                            as WDQS); beyond, 429 with Retry-After; 0 switches budgets off
 * @param clientErrorsPerMinute refused or failed queries a client may cause per minute (default 30); beyond, 429
 */
public record Limits(Duration firstResultTimeout, Duration apiTimeout, int maxRows, int maxBodyBytes,
                     int maxQueryChars, int maxHeaderBytes, int maxConcurrentQueries, Duration queueWait,
                     long clientQueryMillisPerMinute, int clientErrorsPerMinute) {

    /** The response header that says a result was cut at {@link #maxRows()} rows. */
    public static final String CAPPED_HEADER = "X-Result-Capped";

    public Limits {
        if (maxRows < 1 || maxBodyBytes < 1 || maxQueryChars < 1 || maxHeaderBytes < 1024 || maxConcurrentQueries < 1
                || clientQueryMillisPerMinute < 0 || clientErrorsPerMinute < 0) {
            throw new IllegalArgumentException("Illegal limits: " + this);
        }
    }

    /** The defaults. */
    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(5), 10_000, 1 << 20, 64 * 1024, 16 * 1024,
                Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), Duration.ofMillis(100),
                60_000, 30);
    }

    public Limits withMaxConcurrentQueries(int n) {
        return new Limits(firstResultTimeout, apiTimeout, maxRows, maxBodyBytes, maxQueryChars, maxHeaderBytes, n,
                queueWait, clientQueryMillisPerMinute, clientErrorsPerMinute);
    }

    public Limits withClientBudget(long queryMillisPerMinute, int errorsPerMinute) {
        return new Limits(firstResultTimeout, apiTimeout, maxRows, maxBodyBytes, maxQueryChars, maxHeaderBytes,
                maxConcurrentQueries, queueWait, queryMillisPerMinute, errorsPerMinute);
    }

    public Limits withMaxRows(int rows) {
        return new Limits(firstResultTimeout, apiTimeout, rows, maxBodyBytes, maxQueryChars, maxHeaderBytes,
                maxConcurrentQueries, queueWait, clientQueryMillisPerMinute, clientErrorsPerMinute);
    }

    public Limits withTimeouts(Duration firstResult, Duration api) {
        return new Limits(firstResult, api, maxRows, maxBodyBytes, maxQueryChars, maxHeaderBytes,
                maxConcurrentQueries, queueWait, clientQueryMillisPerMinute, clientErrorsPerMinute);
    }
}
