package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * The access log over real HTTP: every field of {@link AccessLogLine} in its place, one digest for one query however
 * it is sent (GET, form, {@code application/sparql-query} body) and never the query's text, and a hostile
 * User-Agent (quotes, a forged {@code status=}, control characters, 10 KB, a line break) that stays inside one quoted,
 * escaped, capped value of one line.
 */
class TestAccessLog {

    /** The keys of a line, in their order. */
    static final List<String> KEYS = List.of("time", "client", "method", "path", "status", "bytes", "ms", "rows",
            "query", "ua");

    /** One {@code key=value}: a quoted value (with {@code \} escapes) or a bare one. */
    private static final Pattern PAIR = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|[^ \"]+)");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                        .withLimits(Limits.defaults().withClientBudget(0, 0))).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The pairs of a logged line (after the logger's own prefix), failing unless the line is pairs and nothing else. */
    static Map<String, String> parse(String logged) {
        String line = logged.substring(logged.indexOf("time="));
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(line);
        int at = 0;
        while (at < line.length() && m.find(at) && m.start() == at) {
            pairs.put(m.group(1), m.group(2));
            at = m.end();
            if (at < line.length()) {
                assertEquals(' ', line.charAt(at), "one space between pairs: " + line);
                at++;
            }
        }
        assertEquals(line.length(), at, "the whole line is key=value pairs: " + line);
        assertEquals(KEYS, List.copyOf(pairs.keySet()), line);
        return pairs;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String ua) throws Exception {
        return HTTP.send(request.header("User-Agent", ua).header("Cache-Control", "no-cache").build(),
                BodyHandlers.ofString());
    }

    @Test
    void oneQueryHasOneDigestWhetherSentByGetFormOrBodyAndItsTextIsNeverLogged() throws Exception {
        String query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
        String ua = "access-log-test/" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        try (LogCapture log = new LogCapture()) {
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/sparql?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))), ua).statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))), ua)
                    .statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
                    .header("Content-Type", "application/sparql-query").POST(BodyPublishers.ofString(query)), ua)
                    .statusCode());
            List<String> lines = log.await(l -> l.contains(ua), 3);
            assertEquals(3, lines.size(), String.join("\n", log.lines()));
            List<String> methods = lines.stream().map(l -> parse(l).get("method")).sorted().toList();
            assertEquals(List.of("GET", "POST", "POST"), methods);
            for (String line : lines) {
                Map<String, String> f = parse(line);
                assertFalse(line.contains("COUNT"), "the query's text is not logged: " + line);
                Instant time = Instant.parse(f.get("time"));
                assertTrue(!time.isBefore(before) && !time.isAfter(Instant.now()), line);
                assertEquals("127.0.0.1", f.get("client"), line);
                assertEquals("\"/sparql\"", f.get("path"), line);
                assertEquals("200", f.get("status"), line);
                assertTrue(Long.parseLong(f.get("bytes")) > 20, line);
                assertTrue(Long.parseLong(f.get("ms")) >= 0, line);
                assertEquals("1", f.get("rows"), line);
                assertEquals(AccessLogFilter.digest(query), f.get("query"), line);
                assertEquals("\"" + ua + "\"", f.get("ua"), line);
            }
        }
    }

    @Test
    void aCannedQuerysParametersAreDigestedAlikeByGetAndForm() throws Exception {
        String ua = "access-log-test/" + UUID.randomUUID();
        try (LogCapture log = new LogCapture()) {
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(base
                    + "/api/policies-for-goal?goal=industrialization")), ua).statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/policies-for-goal"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString("goal=industrialization")), ua).statusCode());
            List<String> lines = log.await(l -> l.contains(ua), 2);
            assertEquals(2, lines.size(), String.join("\n", log.lines()));
            for (String line : lines) {
                Map<String, String> f = parse(line);
                assertEquals(AccessLogFilter.digest("goal=industrialization"), f.get("query"), line);
                assertTrue(Integer.parseInt(f.get("rows")) > 0, line);
            }
        }
    }

    @Test
    void bytesAreTheBodysBytesAsSentCompressedOrNot() throws Exception {
        String ua = "access-log-test/" + UUID.randomUUID();
        try (LogCapture log = new LogCapture()) {
            HttpResponse<byte[]> plain = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/static/site.css"))
                    .header("User-Agent", ua + " identity").build(), BodyHandlers.ofByteArray());
            HttpResponse<byte[]> gzipped = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/static/site.css"))
                    .header("User-Agent", ua + " gzip").header("Accept-Encoding", "gzip").build(),
                    BodyHandlers.ofByteArray());
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
            assertTrue(gzipped.body().length < plain.body().length);
            List<String> lines = log.await(l -> l.contains(ua), 2);
            assertEquals(2, lines.size(), String.join("\n", log.lines()));
            for (String line : lines) {
                HttpResponse<byte[]> sent = line.contains(" gzip\"") ? gzipped : plain;
                assertEquals(String.valueOf(sent.body().length), parse(line).get("bytes"), line);
            }
        }
    }

    @Test
    void aRequestWithoutQueryOrUserAgentHasDashes() throws Exception {
        String path = "/nothing-here-" + UUID.randomUUID();
        try (LogCapture log = new LogCapture()) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
            List<String> lines = log.await(l -> l.contains(path), 1);
            assertEquals(1, lines.size(), String.join("\n", log.lines()));
            Map<String, String> f = parse(lines.get(0));
            assertEquals("404", f.get("status"));
            assertEquals("-", f.get("rows"));
            assertEquals("-", f.get("query"));
            assertEquals("-", f.get("ua"));
        }
    }

    @Test
    void aHostileUserAgentStaysOneQuotedEscapedCappedValue() throws Exception {
        String path = "/nothing-here-" + UUID.randomUUID();
        // The most HTTP lets through: quotes, backslashes, tabs and obs-text (Jetty refuses other controls with 400).
        String forged = "evil\" status=200 rows=9 ua=\"x\\\t[2J\u0085\u00ff";
        String ua = forged + "A".repeat(10_000);
        try (LogCapture log = new LogCapture()) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nUser-Agent: " + ua
                    + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
            List<String> lines = log.await(l -> l.contains(path), 1);
            assertEquals(1, lines.size(), String.join("\n", log.lines()));
            String line = lines.get(0).substring(lines.get(0).indexOf("time="));
            Map<String, String> f = parse(line);
            assertEquals("404", f.get("status"), "the real status, not the forged one: " + line);
            assertEquals("-", f.get("rows"), line);
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "printable ASCII only: " + line);
            String expected = "\"evil\\\" status=200 rows=9 ua=\\\"x\\\\\\u0009[2J\\u0085\\u00ff"
                    + "A".repeat(AccessLogLine.MAX_CHARS - forged.length()) + "...\"";
            assertEquals(expected, f.get("ua"));
            assertTrue(line.length() < 600, "capped: " + line.length());
        }
    }

    @Test
    void aLineBreakInAUserAgentCannotStartALine() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (LogCapture log = new LogCapture()) {
            for (String brk : new String[] {"\n", "\r", "\n ", "\r\n "}) {
                raw("GET /nothing-here-" + marker + " HTTP/1.1\r\nHost: x\r\nUser-Agent: a" + brk + "forged-" + marker
                        + " status=200\r\nConnection: close\r\n\r\n");
            }
            raw("GET /$/ping?" + marker + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            log.await(l -> l.contains("/$/ping"), 1);
            for (String line : log.lines()) {
                assertFalse(line.startsWith("forged") || line.startsWith(" forged"), "a forged line: " + line);
                if (line.contains("forged-" + marker)) {
                    parse(line);  // logged, if at all, inside one line's quoted value
                }
            }
        }
    }

    @Test
    void valuesAreEscapedWhateverTheyHold() {
        assertEquals("\"a\\u000ab\\u000dc\\u2028\\\"\\\\\"", AccessLogLine.quoted("a\nb\rc\u2028\"\\"));
        assertEquals("-", AccessLogLine.quoted(null));
        assertEquals("a?b?c", AccessLogLine.token("a b\"c"));
        assertEquals("x?y", AccessLogLine.token("x=y"));
        String line = new AccessLogLine(Instant.EPOCH, "::1\n", "GET\r\nX", "/a\nb", 200, 5, 1, null, null,
                "x\ny").format();
        assertEquals(1, line.lines().count(), line);
        assertEquals("time=1970-01-01T00:00:00Z client=::1? method=GET??X path=\"/a\\u000ab\" status=200 bytes=5 ms=1 "
                + "rows=- query=- ua=\"x\\u000ay\"", line);
    }

    /** Sends {@code request} as it is, in ISO-8859-1, and returns the answer's first line. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getHttpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int eol = answer.indexOf('\r');
            return eol < 0 ? answer : answer.substring(0, eol);
        }
    }
}
