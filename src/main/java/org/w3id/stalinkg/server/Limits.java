package org.w3id.stalinkg.server;

import java.time.Duration;

/**
 * What a client may ask of the public port, in the spirit of the Wikidata Query Service and DBpedia. Every limit has
 * a default here and a flag on {@code serve}; the README's "Limits" section lists them.
 *
 * @param firstResultTimeout  longest wait for a query's first result (default {@value #DEFAULT_FIRST_RESULT_SECONDS} s;
 *                            the overall limit is {@link ServerSettings#timeout()}, default
 *                            {@value ServerSettings#DEFAULT_TIMEOUT_SECONDS} s)
 * @param apiTimeout          longest a canned query may run (default {@value #DEFAULT_API_SECONDS} s)
 * @param maxRows             most result rows per response (default {@value #DEFAULT_MAX_ROWS}); a response cut there
 *                            says so in {@value #CAPPED_HEADER}
 * @param maxBodyBytes        largest request body (default {@value #DEFAULT_MAX_BODY_KIB} KiB; 413 beyond)
 * @param maxQueryChars       longest query text (default {@value #DEFAULT_MAX_QUERY_KIB} Ki characters; 400 beyond)
 * @param maxHeaderBytes      largest request line and headers (default {@value #DEFAULT_MAX_HEADER_KIB} KiB; 414 for
 *                            a longer URL, 431 for larger headers)
 * @param maxConcurrentQueries queries that run at once (default two per core); beyond, 503 with Retry-After
 * @param queueWait           how long a query waits for a free slot before the 503 (default
 *                            {@value #DEFAULT_QUEUE_WAIT_MILLIS} ms)
 * @param clientQueryMillisPerMinute query time a client (address and User-Agent) may use per minute (default
 *                            {@value #DEFAULT_CLIENT_QUERY_SECONDS} s, as WDQS); beyond, 429 with Retry-After; 0
 *                            switches budgets off
 * @param clientErrorsPerMinute refused or failed queries a client may cause per minute (default
 *                            {@value #DEFAULT_CLIENT_ERRORS}); beyond, 429
 */
public record Limits(Duration firstResultTimeout, Duration apiTimeout, int maxRows, int maxBodyBytes,
                     int maxQueryChars, int maxHeaderBytes, int maxConcurrentQueries, Duration queueWait,
                     long clientQueryMillisPerMinute, int clientErrorsPerMinute) {

    /** The response header that says a result was cut at {@link #maxRows()} rows. */
    public static final String CAPPED_HEADER = "X-Result-Capped";

    /** The default longest wait for a query's first result, in seconds. */
    public static final int DEFAULT_FIRST_RESULT_SECONDS = 10;

    /** The default longest run of a canned query, in seconds. */
    public static final int DEFAULT_API_SECONDS = 5;

    /** The default most result rows per response. */
    public static final int DEFAULT_MAX_ROWS = 10_000;

    /** The default largest request body, in KiB. */
    public static final int DEFAULT_MAX_BODY_KIB = 1024;

    /** The default longest query text, in Ki characters. */
    public static final int DEFAULT_MAX_QUERY_KIB = 64;

    /** The default largest request line and headers, in KiB. */
    public static final int DEFAULT_MAX_HEADER_KIB = 16;

    /** The default wait for a free query slot, in milliseconds. */
    public static final int DEFAULT_QUEUE_WAIT_MILLIS = 100;

    /** The default query time one client may use per minute, in seconds. */
    public static final int DEFAULT_CLIENT_QUERY_SECONDS = 60;

    /** The default failed queries one client may cause per minute. */
    public static final int DEFAULT_CLIENT_ERRORS = 30;

    public Limits {
        if (maxRows < 1 || maxBodyBytes < 1 || maxQueryChars < 1 || maxHeaderBytes < 1024 || maxConcurrentQueries < 1
                || clientQueryMillisPerMinute < 0 || clientErrorsPerMinute < 0) {
            throw new IllegalArgumentException("Illegal limits: " + this);
        }
    }

    /** The defaults. */
    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(DEFAULT_FIRST_RESULT_SECONDS), Duration.ofSeconds(DEFAULT_API_SECONDS),
                DEFAULT_MAX_ROWS, DEFAULT_MAX_BODY_KIB * 1024, DEFAULT_MAX_QUERY_KIB * 1024,
                DEFAULT_MAX_HEADER_KIB * 1024, defaultMaxConcurrentQueries(),
                Duration.ofMillis(DEFAULT_QUEUE_WAIT_MILLIS), DEFAULT_CLIENT_QUERY_SECONDS * 1000L,
                DEFAULT_CLIENT_ERRORS);
    }

    /** The default queries that run at once: two per core, at least two. */
    public static int defaultMaxConcurrentQueries() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
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
