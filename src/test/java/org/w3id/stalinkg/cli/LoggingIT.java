package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's logging recipes on the built jar: slf4j-simple's system properties, given in a file of JVM options
 * ({@code java @FILE}), send every line to a file, change its format, and turn the access log off or on.
 */
class LoggingIT {

    private static final Path JAR = Path.of("target/stalin-kg.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** Serves with the JVM options of {@code options}, sends two requests, stops; returns the log file's lines. */
    private static List<String> serveAndAsk(Path tmp, String name, String... options) throws Exception {
        Path log = tmp.resolve(name + ".log");
        Path args = tmp.resolve(name + ".args");
        Files.writeString(args, "-Dorg.slf4j.simpleLogger.logFile=" + log + "\n" + String.join("\n", options) + "\n");
        Path out = tmp.resolve(name + ".out");
        Process p = new ProcessBuilder(JAVA.toString(), "@" + args, "-jar", JAR.toString(), "--host", "127.0.0.1",
                "--port", "0", "--admin-port", "-1").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            Pattern served = Pattern.compile("served at http://127\\.0\\.0\\.1:(\\d+)/sparql");
            String port = null;
            for (int i = 0; i < 900 && port == null && p.isAlive(); i++) {
                Matcher m = served.matcher(Files.readString(out));
                if (m.find()) {
                    port = m.group(1);
                } else {
                    Thread.sleep(200);
                }
            }
            assertTrue(port != null, "the jar did not start:\n" + Files.readString(out));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String path : List.of("/$/ready", "/api/goals")) {
                assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("User-Agent", "logging-it").build(), BodyHandlers.discarding()).statusCode());
            }
            // The access lines are written once the answers have gone: wait for the second, or for 10 s.
            for (int i = 0; i < 50 && !Files.readString(log).contains("/api/goals"); i++) {
                Thread.sleep(200);
            }
            assertFalse(Files.readString(out).contains("KnowledgeGraphLoader"), "the log went to the file, not "
                    + "standard error:\n" + Files.readString(out));
            return Files.readAllLines(log);
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theLogGoesToAFileInTheFormatAskedAndTheAccessLogCanBeTurnedOff(@TempDir Path tmp) throws Exception {
        List<String> on = serveAndAsk(tmp, "on", "-Dorg.slf4j.simpleLogger.showDateTime=false",
                "-Dorg.slf4j.simpleLogger.levelInBrackets=true");
        assertTrue(on.stream().anyMatch(l -> l.startsWith("[INFO] KnowledgeGraphLoader - Loaded")), String.join("\n", on));
        List<String> access = on.stream().filter(l -> l.startsWith("[INFO] access - time=")).toList();
        assertEquals(2, access.size(), String.join("\n", on));
        assertTrue(access.get(1).contains(" path=\"/api/goals\" status=200 ") && access.get(1).endsWith(
                " ua=\"logging-it\""), access.get(1));

        List<String> off = serveAndAsk(tmp, "off", "-Dorg.slf4j.simpleLogger.log.org.w3id.stalinkg.access=off");
        assertTrue(off.stream().anyMatch(l -> l.contains("KnowledgeGraphLoader - Loaded")), String.join("\n", off));
        assertTrue(off.stream().noneMatch(l -> l.contains("access - ")), String.join("\n", off));
    }
}
