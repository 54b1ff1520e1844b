package org.w3id.stalinkg.cli;

import java.time.Duration;

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

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest a SPARQL query may run before it is cut off, in seconds, fractions allowed "
                    + "(default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--cache-mb", paramLabel = "MIB", defaultValue = "" + ServerSettings.DEFAULT_CACHE_MB,
            description = "Memory for cached canned-query answers, in MiB; 0 turns the cache off "
                    + "(default: ${DEFAULT-VALUE}).")
    long cacheMb;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public base URL of this deployment, ending in /, under which linked-data documents "
                    + "name things (https://w3id.org/stalin-kg/ for the canonical deployment); by default each "
                    + "request's own host, so that every IRI in a response dereferences here.")
    String baseUrl;

    /** The settings; an impossible value is a usage error naming the option. */
    ServerSettings settings(CommandLine commandLine) {
        try {
            return new ServerSettings(host, port, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                    cacheMb * 1024L * 1024L, baseUrl);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(commandLine, ex.getMessage().replace("Illegal port", "Illegal --port")
                    .replace("Illegal timeout", "Illegal --timeout").replace("Illegal cache size", "Illegal --cache-mb")
                    .replace("Illegal base URL", "Illegal --base-url"));
        }
    }
}
