package org.w3id.stalinkg.cli;

import java.time.Duration;

import org.w3id.stalinkg.server.Limits;
import org.w3id.stalinkg.server.ServerSettings;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How to serve: the options of {@code serve}, also accepted with no command name. */
final class ServeOptions {

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = ServerSettings.DEFAULT_HOST,
            description = "Interface to bind: 0.0.0.0 for all, 127.0.0.1 for this machine only "
                    + "(default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest a SPARQL query may run before it is cut off, in seconds, fractions allowed "
                    + "(default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--cache-mb", paramLabel = "MIB", defaultValue = "" + ServerSettings.DEFAULT_CACHE_MB,
            description = "Memory for cached canned-query answers, in MiB; 0 turns the cache off "
                    + "(default: ${DEFAULT-VALUE}).")
    long cacheMb;

    @Option(names = "--answer-cache-mb", paramLabel = "MIB",
            defaultValue = "" + ServerSettings.DEFAULT_ANSWER_CACHE_MB,
            description = "Memory for answers of /sparql, and again for linked-data documents, kept to be sent again "
                    + "when the same request comes back, in MiB; 0 turns them off (default: ${DEFAULT-VALUE}).")
    long answerCacheMb;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public base URL of this deployment, ending in /, under which linked-data documents "
                    + "name things (https://w3id.org/stalin-kg/ for the canonical deployment); by default each "
                    + "request's own host, so that every IRI in a response dereferences here.")
    String baseUrl;

    @Option(names = "--first-result-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest wait for a query's first result, in seconds (default: ${DEFAULT-VALUE}).")
    double firstResultSeconds;

    @Option(names = "--api-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Longest a canned query (/api) may run, in seconds (default: ${DEFAULT-VALUE}).")
    double apiSeconds;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "10000",
            description = "Most result rows per response; a capped response says so in X-Result-Capped "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--max-body-kib", paramLabel = "KIB", defaultValue = "1024",
            description = "Largest request body, in KiB; 413 beyond (default: ${DEFAULT-VALUE}).")
    int maxBodyKib;

    @Option(names = "--max-query-kib", paramLabel = "KIB", defaultValue = "64",
            description = "Longest query text, in Ki characters; 400 beyond (default: ${DEFAULT-VALUE}).")
    int maxQueryKib;

    @Option(names = "--max-header-kib", paramLabel = "KIB", defaultValue = "16",
            description = "Largest request line and headers, in KiB; 414 or 431 beyond (default: ${DEFAULT-VALUE}).")
    int maxHeaderKib;

    @Option(names = "--max-concurrent-queries", paramLabel = "N", defaultValue = "0",
            description = "Queries that run at once; beyond, 503 with Retry-After. 0 means two per core "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Option(names = "--client-query-seconds", paramLabel = "SECONDS", defaultValue = "60",
            description = "Query time one client (address and User-Agent) may use per minute; beyond, 429. "
                    + "0 switches client budgets off (default: ${DEFAULT-VALUE}).")
    double clientQuerySeconds;

    @Option(names = "--client-errors", paramLabel = "N", defaultValue = "30",
            description = "Failed queries one client may cause per minute; beyond, 429 (default: ${DEFAULT-VALUE}).")
    int clientErrors;

    @Option(names = "--admin-port", paramLabel = "N", defaultValue = "3031",
            description = "Admin port on 127.0.0.1 only (POST /reload, GET /metrics); 0 picks a free one, -1 turns "
                    + "it off (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--exit-after-warm-up", hidden = true,
            description = "Send one request of each kind to the started server, then stop (the build's class-data "
                    + "sharing training run).")
    boolean exitAfterWarmUp;

    /** The limits of the options. */
    Limits limits() {
        Limits d = Limits.defaults();
        return new Limits(Duration.ofMillis(Math.round(firstResultSeconds * 1000)),
                Duration.ofMillis(Math.round(apiSeconds * 1000)), maxRows, maxBodyKib * 1024, maxQueryKib * 1024,
                maxHeaderKib * 1024, maxConcurrent > 0 ? maxConcurrent : d.maxConcurrentQueries(), d.queueWait(),
                Math.round(clientQuerySeconds * 1000), clientErrors);
    }

    /** The settings; an impossible value is a usage error naming the option. */
    ServerSettings settings(CommandLine commandLine) {
        try {
            return new ServerSettings(host, port, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                    cacheMb * 1024L * 1024L, answerCacheMb * 1024L * 1024L, baseUrl, limits());
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(commandLine, ex.getMessage().replace("Illegal port", "Illegal --port")
                    .replace("Illegal timeout", "Illegal --timeout")
                    .replace("Illegal cache size", "Illegal --cache-mb or --answer-cache-mb")
                    .replace("Illegal base URL", "Illegal --base-url")
                    .replace("Illegal limits", "Illegal limit (check the --max-* and --client-* options)"));
        }
    }
}
