package org.w3id.stalinkg.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.w3id.stalinkg.graph.QueryResources;

/**
 * One request of each kind the server answers, sent to itself: the training run that records which classes a
 * served request needs, so that the build can store them in a class-data sharing archive
 * ({@code -XX:ArchiveClassesAtExit}) and later start-ups map them instead of loading them one by one.
 */
final class WarmUp {

    private static final String COUNT = QueryResources.text("count-triples");

    /** Each request: path and Accept. */
    private static final List<String[]> REQUESTS = List.of(
            new String[] {"/sparql?query=" + URLEncoder.encode(COUNT, StandardCharsets.UTF_8),
                "application/sparql-results+json"},
            new String[] {"/sparql?query=" + URLEncoder.encode(COUNT, StandardCharsets.UTF_8), "text/csv"},
            new String[] {"/sparql?query=" + URLEncoder.encode(QueryResources.text("warm-up-construct"),
                    StandardCharsets.UTF_8), "text/turtle"},
            new String[] {"/api/goals", "application/sparql-results+json"},
            new String[] {"/api/timeline", "text/csv"},
            new String[] {"/search?text=famine", "application/json"},
            new String[] {"/id/policy/great-purge", "text/turtle"},
            new String[] {"/doc/policy/great-purge", "text/html"},
            new String[] {"/doc/policy/great-purge.jsonld", "application/ld+json"},
            new String[] {"/", "text/html"},
            new String[] {"/ontology", "application/rdf+xml"},
            new String[] {"/.well-known/void", "text/turtle"},
            new String[] {"/$/ping", "*/*"});

    private WarmUp() {}

    /** Sends every request to the server on {@code port} of this machine; returns how many were not answered 2xx/3xx. */
    static int run(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int failed = 0;
        for (String[] r : REQUESTS) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + r[0]))
                    .header("Accept", r[1]).timeout(Duration.ofSeconds(30)).build();
            int status = http.send(request, BodyHandlers.discarding()).statusCode();
            if (status >= 400) {
                failed++;
            }
        }
        return failed;
    }
}
