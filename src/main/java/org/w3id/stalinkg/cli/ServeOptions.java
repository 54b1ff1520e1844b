package org.w3id.stalinkg.cli;

import static org.w3id.stalinkg.cli.OptionsLib.kibToBytes;
import static org.w3id.stalinkg.cli.OptionsLib.mibToBytes;
import static org.w3id.stalinkg.cli.OptionsLib.positiveSeconds;
import static org.w3id.stalinkg.cli.OptionsLib.require;

import java.time.Duration;
import java.util.List;

import org.w3id.stalinkg.server.Limits;
import org.w3id.stalinkg.server.ServerSettings;
import org.w3id.stalinkg.vocab.SKG;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How to serve: the options of {@code serve}, also accepted with no command name. Each default is the constant of
 * {@link ServerSettings} or {@link Limits} that the server itself uses, and each value is checked as it is parsed
 * ({@link OptionsLib}), so that {@link #settings()} cannot fail.
 */
final class ServeOptions {

    /** {@code --max-concurrent-queries 0}: the server's default, {@link Limits#defaultMaxConcurrentQueries()}. */
    static final int CONCURRENT_PER_CORE = 0;

    /** {@code --admin-port} not given: the port after {@code --port} (any free one with {@code --port 0}). */
    static final int ADMIN_PORT_AFTER_PORT = Integer.MIN_VALUE;

    /** The highest TCP port. */
    static final int MAX_PORT = 65_535;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    int port;
    String host;
    Duration timeout;
    long answerCacheBytes;
    String baseUrl;
    Duration firstResultTimeout;
    Duration apiTimeout;
    int maxRows;
    int maxBodyBytes;
    int maxQueryChars;
    int maxHeaderBytes;
    int maxConcurrent;
    long clientQueryMillis;
    int clientErrors;
    int adminPort = ADMIN_PORT_AFTER_PORT;
    List<String> trustedProxies = List.of();
    String basePath = ServerSettings.DEFAULT_BASE_PATH;

    @Option(names = "--exit-after-warm-up", hidden = true,
            description = "Send one request of each kind to the started server, then stop (the build's class-data "
                    + "sharing training run).")
    boolean exitAfterWarmUp;

    @Option(names = "--print-config",
            description = "Print the configuration in effect, as a --config file would say it, with where each value "
                    + "comes from (command line, --config file and line, or default), and exit without loading.")
    boolean printConfig;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    void port(int value) {
        port = require(spec, "--port", value, value >= 0 && value <= MAX_PORT, "must be 0 (any free port) to "
                + MAX_PORT);
    }

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = ServerSettings.DEFAULT_HOST,
            description = "Interface to bind: 0.0.0.0 for all, 127.0.0.1 for this machine only "
                    + "(default: ${DEFAULT-VALUE}).")
    void host(String value) {
        host = require(spec, "--host", value, !value.isBlank(), "must be an address or a host name");
    }

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + ServerSettings.DEFAULT_TIMEOUT_SECONDS,
            description = "Longest a SPARQL query may run before it is cut off, in seconds, fractions allowed "
                    + "(default: ${DEFAULT-VALUE}).")
    void timeout(double seconds) {
        timeout = positiveSeconds(spec, "--timeout", seconds);
    }

    @Option(names = "--answer-cache-mb", paramLabel = "MIB",
            defaultValue = "" + ServerSettings.DEFAULT_ANSWER_CACHE_MB,
            description = "Memory for answers kept to be sent again when the same request comes back (the one "
                    + "response cache, in front of every path), in MiB; 0 turns it off (default: ${DEFAULT-VALUE}).")
    void answerCacheMb(long mib) {
        answerCacheBytes = mibToBytes(spec, "--answer-cache-mb", mib);
    }

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public base URL of this deployment, ending in /, under which every RDF answer (SPARQL "
                    + "results, /api, linked-data documents, dumps) names things; vocabulary IRIs never change "
                    + "(default: the canonical " + SKG.BASE + ").")
    void baseUrl(String value) {
        baseUrl = require(spec, "--base-url", value, ServerSettings.isBaseUrl(value),
                "must be http(s)://host/path/ ending in /");
    }

    @Option(names = "--trusted-proxy", paramLabel = "CIDR", split = "\\s*,\\s*", splitSynopsisLabel = ",",
            description = "A reverse proxy whose Forwarded and X-Forwarded-For, -Proto, -Host and -Prefix headers are "
                    + "believed: an address or CIDR range (127.0.0.1/32, 10.0.0.0/8, ::1/128); repeatable, or several "
                    + "separated by commas. From any other address those headers are ignored (default: none).")
    void trustedProxies(List<String> values) {
        for (String value : values) {
            String why = ServerSettings.trustedProxyRefusal(value);
            require(spec, "--trusted-proxy", value, why == null, why);
        }
        trustedProxies = List.copyOf(values);
    }

    @Option(names = "--base-path", paramLabel = "PATH", defaultValue = ServerSettings.DEFAULT_BASE_PATH,
            description = "The path the site is published under (a final / may be left out), such as /kg/ behind a proxy that passes /kg/... "
                    + "through; requests under it are served as if at the root, and pages link relatively "
                    + "(default: ${DEFAULT-VALUE}).")
    void basePath(String value) {
        String slashed = value.endsWith("/") ? value : value + "/";
        require(spec, "--base-path", value, ServerSettings.isBasePath(slashed), ServerSettings.BASE_PATH_RULE);
        basePath = slashed;
    }

    @Option(names = "--first-result-timeout", paramLabel = "SECONDS",
            defaultValue = "" + Limits.DEFAULT_FIRST_RESULT_SECONDS,
            description = "Longest wait for a query's first result, in seconds (default: ${DEFAULT-VALUE}).")
    void firstResultTimeout(double seconds) {
        firstResultTimeout = positiveSeconds(spec, "--first-result-timeout", seconds);
    }

    @Option(names = "--api-timeout", paramLabel = "SECONDS", defaultValue = "" + Limits.DEFAULT_API_SECONDS,
            description = "Longest a canned query (/api) may run, in seconds (default: ${DEFAULT-VALUE}).")
    void apiTimeout(double seconds) {
        apiTimeout = positiveSeconds(spec, "--api-timeout", seconds);
    }

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_ROWS,
            description = "Most result rows per response; a capped response says so in " + Limits.CAPPED_HEADER
                    + " (default: ${DEFAULT-VALUE}).")
    void maxRows(int value) {
        maxRows = require(spec, "--max-rows", value, value >= 1, "must be 1 or more");
    }

    @Option(names = "--max-body-kib", paramLabel = "KIB", defaultValue = "" + Limits.DEFAULT_MAX_BODY_KIB,
            description = "Largest request body, in KiB; 413 beyond (default: ${DEFAULT-VALUE}).")
    void maxBodyKib(int kib) {
        maxBodyBytes = kibToBytes(spec, "--max-body-kib", kib);
    }

    @Option(names = "--max-query-kib", paramLabel = "KIB", defaultValue = "" + Limits.DEFAULT_MAX_QUERY_KIB,
            description = "Longest query text, in Ki characters; 400 beyond (default: ${DEFAULT-VALUE}).")
    void maxQueryKib(int kib) {
        maxQueryChars = kibToBytes(spec, "--max-query-kib", kib);
    }

    @Option(names = "--max-header-kib", paramLabel = "KIB", defaultValue = "" + Limits.DEFAULT_MAX_HEADER_KIB,
            description = "Largest request line and headers, in KiB; 414 or 431 beyond (default: ${DEFAULT-VALUE}).")
    void maxHeaderKib(int kib) {
        maxHeaderBytes = kibToBytes(spec, "--max-header-kib", kib);
    }

    @Option(names = "--max-concurrent-queries", paramLabel = "N", defaultValue = "" + CONCURRENT_PER_CORE,
            description = "Queries that run at once; beyond, 503 with Retry-After. " + CONCURRENT_PER_CORE
                    + " means two per core (default: ${DEFAULT-VALUE}).")
    void maxConcurrent(int value) {
        maxConcurrent = require(spec, "--max-concurrent-queries", value, value >= 0, "must be 0 or more");
    }

    @Option(names = "--client-query-seconds", paramLabel = "SECONDS",
            defaultValue = "" + Limits.DEFAULT_CLIENT_QUERY_SECONDS,
            description = "Query time one client (address and User-Agent) may use per minute; beyond, 429. "
                    + "0 switches client budgets off (default: ${DEFAULT-VALUE}).")
    void clientQuerySeconds(double seconds) {
        clientQueryMillis = OptionsLib.seconds(spec, "--client-query-seconds", seconds);
    }

    @Option(names = "--client-errors", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_CLIENT_ERRORS,
            description = "Failed queries one client may cause per minute; beyond, 429 (default: ${DEFAULT-VALUE}).")
    void clientErrors(int value) {
        clientErrors = require(spec, "--client-errors", value, value >= 0, "must be 0 or more");
    }

    @Option(names = "--admin-port", paramLabel = "N",
            description = "Admin port on 127.0.0.1 only (POST /reload, GET /metrics); 0 picks a free one, -1 turns "
                    + "it off (default: the port after --port, 3031 for 3030; a free one with --port 0).")
    void adminPort(int value) {
        adminPort = require(spec, "--admin-port", value, value >= -1 && value <= MAX_PORT,
                "must be -1 (off), 0 (any free port) or a port up to " + MAX_PORT);
    }

    /** The admin port: as given, or the one after the public port (any free one if that is 0 or the last). */
    int effectiveAdminPort() {
        if (adminPort != ADMIN_PORT_AFTER_PORT) {
            return adminPort;
        }
        return port == 0 || port == MAX_PORT ? 0 : port + 1;
    }

    /** The limits of the options. */
    Limits limits() {
        return new Limits(firstResultTimeout, apiTimeout, maxRows, maxBodyBytes, maxQueryChars, maxHeaderBytes,
                maxConcurrent == CONCURRENT_PER_CORE ? Limits.defaultMaxConcurrentQueries() : maxConcurrent,
                Duration.ofMillis(Limits.DEFAULT_QUEUE_WAIT_MILLIS), clientQueryMillis, clientErrors);
    }

    /** The settings of the options. */
    ServerSettings settings() {
        return new ServerSettings(host, port, timeout, answerCacheBytes, baseUrl, limits(), trustedProxies, basePath);
    }
}
