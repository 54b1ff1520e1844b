package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it. Catches what unit tests cannot: a jar whose merged META-INF/services lost
 * Jena's Turtle parser, a missing logger, a wrong main class.
 */
class JarIT {

    private static final Path JAR = Path.of("target/stalin-kg.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void jarValidatesTheBundledData() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run mvn package first: no " + JAR);
        Process p = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString(), "validate")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("data/policies.ttl") && output.contains("OK"), output);
    }

    @Test
    void jarLoadsATdb2DatabaseAndServesIt(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        Process load = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString(), "load", "--tdb2", db.toString())
                .redirectErrorStream(true).start();
        String output = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(load.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, load.exitValue(), output);
        assertTrue(output.contains("loaded ") && output.contains("TDB2 bulk load"), output);
        Process p = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString(), "serve", "--tdb2", db.toString(),
                "--host", "127.0.0.1", "--port", "0", "--admin-port", "-1").redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String port = awaitPort(lines);
            String query = URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", StandardCharsets.UTF_8);
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql?query=" + query))
                            .header("Accept", "text/csv").timeout(Duration.ofSeconds(30)).build(),
                    BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(Long.parseLong(response.body().lines().toList().get(1).trim()) > 1000, response.body());
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The port of the "served at" line, reading the output until it comes. */
    private static String awaitPort(BufferedReader lines) throws IOException {
        Pattern served = Pattern.compile("served at http://127\\.0\\.0\\.1:(\\d+)/sparql");
        StringBuilder seen = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = served.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("the jar did not start:\n" + seen);
    }

    /**
     * The start-up runs Jena on several threads at once (parsing, validation, the canned queries, preloading
     * Fuseki); threads that first touch Jena together can deadlock in class initialisation, which hung one start in
     * a few. Jena is now initialised on one thread first; ten fresh JVMs must each start and stop in time.
     */
    @Test
    void tenStartsInARowNeverHang() throws Exception {
        Path log = Files.createTempFile("stalin-kg-start", ".log");
        try {
            for (int i = 0; i < 10; i++) {
                Process p = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString(), "serve", "--host",
                        "127.0.0.1", "--port", "0", "--admin-port", "-1", "--exit-after-warm-up")
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                boolean done = p.waitFor(120, TimeUnit.SECONDS);
                if (!done) {
                    p.destroyForcibly();
                }
                assertTrue(done, "start " + i + " hung:\n" + Files.readString(log));
                assertEquals(0, p.exitValue(), Files.readString(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void jarServesSparqlAndLogs() throws Exception {
        Process p = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString(),
                "--host", "127.0.0.1", "--port", "0", "--admin-port", "0").redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Pattern served = Pattern.compile("served at http://127\\.0\\.0\\.1:(\\d+)/sparql");
            StringBuilder seen = new StringBuilder();
            String port = null;
            for (String line; port == null && (line = lines.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = served.matcher(line);
                if (m.find()) {
                    port = m.group(1);
                }
            }
            assertNotNull(port, "the jar did not start:\n" + seen);
            assertTrue(seen.toString().contains("KnowledgeGraphLoader - Loaded"), "no log output:\n" + seen);
            String query = URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", StandardCharsets.UTF_8);
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql?query=" + query))
                            .header("Accept", "text/csv").timeout(Duration.ofSeconds(30)).build(),
                    BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            List<String> csv = response.body().lines().toList();
            assertEquals("n", csv.get(0));
            assertTrue(Long.parseLong(csv.get(1).trim()) > 1000, response.body());
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Two replicas as two processes (what a load balancer has behind it): each loads the files in its own JVM, so
     * anything that varies from one JVM to the next (hash seeds, blank-node labels, map orders) shows here, which
     * two servers in one JVM (TestReplicas) cannot show. Every answer must be the same bytes with the same ETag.
     */
    @Test
    void twoJarsAnswerWithTheSameBytesAndETags(@TempDir Path logs) throws Exception {
        String base = "https://kg.example.org/";
        Process a = startJar(logs.resolve("a.log"), "--base-url", base);
        Process b = startJar(logs.resolve("b.log"), "--base-url", base);
        try {
            int portA = portOf(a, logs.resolve("a.log"));
            int portB = portOf(b, logs.resolve("b.log"));
            HttpClient http = HttpClient.newHttpClient();
            String describe = URLEncoder.encode("DESCRIBE <https://w3id.org/stalin-kg/id/outcome/holodomor>",
                    StandardCharsets.UTF_8);
            String select = URLEncoder.encode("SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 300",
                    StandardCharsets.UTF_8);
            String[][] requests = {
                {"/sparql?query=" + select, "application/sparql-results+json"},
                {"/sparql?query=" + describe, "text/turtle"},
                {"/sparql?query=" + describe, "application/ld+json"},
                {"/sparql", "application/n-triples"},
                {"/api/describe?thing=outcome/holodomor", "application/n-triples"},
                {"/api/describe?thing=outcome/holodomor", "application/ld+json"},
                {"/api/timeline", "application/json"},
                {"/api/goals", "text/csv"},
                {"/api", "text/html"},
                {"/api/openapi.json", "application/json"},
                {"/doc/outcome/holodomor.ttl", "*/*"},
                {"/doc/outcome/holodomor.nt", "*/*"},
                {"/doc/outcome/holodomor.rdf", "*/*"},
                {"/doc/outcome/holodomor.jsonld", "*/*"},
                {"/doc/outcome/holodomor.html", "*/*"},
                {"/doc/person/joseph-stalin.jsonld", "*/*"},
                {"/ontology", "text/turtle"},
                {"/ontology", "application/rdf+xml"},
                {"/ontology", "application/ld+json"},
                {"/ontology", "application/n-triples"},
                {"/ontology", "text/html"},
                {"/context.jsonld", "*/*"},
                {"/.well-known/void", "text/turtle"},
                {"/.well-known/void", "application/ld+json"},
                {"/.well-known/void", "application/n-triples"},
                {"/.well-known/void", "application/rdf+xml"},
                {"/dumps/", "text/html"},
                {"/dumps/stalin-kg.ttl.gz.sha256", "*/*"},
                {"/dumps/stalin-kg.nt.gz.sha256", "*/*"},
                {"/dumps/stalin-kg.trig.gz.sha256", "*/*"},
                {"/dumps/stalin-kg.nq.gz.sha256", "*/*"},
                {"/dumps/stalin-kg.jsonld.gz.sha256", "*/*"},
                {"/", "text/html"},
            };
            for (String[] r : requests) {
                var x = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA + r[0]))
                        .header("Accept", r[1]).timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofByteArray());
                var y = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB + r[0]))
                        .header("Accept", r[1]).timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofByteArray());
                assertEquals(200, x.statusCode(), r[0] + " " + r[1]);
                assertEquals(x.headers().firstValue("ETag"), y.headers().firstValue("ETag"), r[0] + " " + r[1]);
                assertEquals(new String(x.body(), StandardCharsets.UTF_8), new String(y.body(), StandardCharsets.UTF_8),
                        r[0] + " " + r[1]);
            }
        } finally {
            for (Process p : new Process[] {a, b}) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** The jar serving the bundled data on a free port, this machine only, no admin port; output to {@code log}. */
    private static Process startJar(Path log, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString(),
                "--host", "127.0.0.1", "--port", "0", "--admin-port", "-1"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The port the jar says it serves at, once it has started. */
    private static int portOf(Process p, Path log) throws Exception {
        Pattern served = Pattern.compile("served at http://127\\.0\\.0\\.1:(\\d+)/sparql");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = served.matcher(text);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!p.isAlive()) {
                throw new AssertionError("the jar stopped:\n" + text);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the jar did not start in 180 s:\n" + Files.readString(log));
    }

    @Test
    void jarServesFromASparqlEndpointWithoutDataAndAnswers502WhileItIsDown(@TempDir Path root) throws Exception {
        // Only ontology/ and queries/: with --sparql-endpoint, data/ is never read.
        for (String folder : new String[] {"ontology", "queries"}) {
            Files.createDirectories(root.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) {
                        Files.copy(f, root.resolve(folder).resolve(f.getFileName()));
                    }
                }
            }
        }
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Process p = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString(), "--root", root.toString(),
                "--sparql-endpoint", "http://127.0.0.1:" + deadPort + "/ds/sparql",
                "--host", "127.0.0.1", "--port", "0", "--admin-port", "-1").redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Pattern served = Pattern.compile("served at http://127\\.0\\.0\\.1:(\\d+)/sparql");
            StringBuilder seen = new StringBuilder();
            String port = null;
            boolean told = false;
            for (String line; !told && (line = lines.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = served.matcher(line);
                if (m.find()) {
                    port = m.group(1);
                }
                told = line.contains("does not answer yet");
            }
            assertNotNull(port, "the jar did not start:\n" + seen);
            assertTrue(told, "the jar did not say the store is down:\n" + seen);
            HttpClient http = HttpClient.newHttpClient();
            var api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/goals"))
                    .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
            assertEquals(502, api.statusCode(), api.body());
            assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    api.body());
            assertTrue(api.body().contains("\"status\": 502") && api.body().contains("could not be reached"),
                    api.body());
            var ontology = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ontology.ttl"))
                    .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
            assertEquals(200, ontology.statusCode(), ontology.body());
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
