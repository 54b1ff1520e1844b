package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx (Debian's package) in front, as the README's example configures it: {@code /kg/} proxied to the server
 * started with {@code --trusted-proxy 127.0.0.1/32 --base-path /kg/}. nginx runs as this user, from a folder of its own
 * (pid, logs, temporary files), in the foreground. Skipped when nginx is not installed, except under CI
 * ({@code CI=true}), where {@code .ci/run} installs it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TestBehindNginx extends TestHostileSupport {

    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"));
    private static final AtomicInteger QUERIES = new AtomicInteger();

    @TempDir
    static Path folder;

    private static FusekiServer server;
    private static Process nginx;
    private static int port;

    @BeforeAll
    static void startBoth() throws Exception {
        Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            String why = "No nginx in /usr/sbin or /usr/bin: install it with 'apt-get install nginx' to run the "
                    + "reverse-proxy test";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        server = start(local().withTrustedProxies(List.of("127.0.0.1/32")).withBasePath("/kg/")
                .withLimits(Limits.defaults().withClientBudget(60_000, 1)));
        port = freePort();
        Files.writeString(folder.resolve("nginx.conf"), config(folder, port, server.getHttpPort()));
        nginx = new ProcessBuilder(binary.toString(), "-p", folder.toString(), "-e", folder.resolve("error.log")
                .toString(), "-c", folder.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        awaitListening();
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
        stop(server);
    }

    /** The README's example, with this test's ports and folder, in the foreground, one process, as this user. */
    static String config(Path dir, int listen, int backend) {
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid DIR/nginx.pid;
                error_log DIR/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path DIR/client_body;
                    proxy_temp_path DIR/proxy;
                    fastcgi_temp_path DIR/fastcgi;
                    uwsgi_temp_path DIR/uwsgi;
                    scgi_temp_path DIR/scgi;
                    server {
                        listen 127.0.0.1:LISTEN;
                        location /kg/ {
                            proxy_pass http://127.0.0.1:BACKEND;
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_set_header X-Forwarded-Host $host;
                        }
                    }
                }
                """.replace("DIR", dir.toString()).replace("LISTEN", Integer.toString(listen))
                .replace("BACKEND", Integer.toString(backend));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                fail("nginx stopped: " + Files.readString(folder.resolve("nginx.out")) + readLog());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("nginx does not listen on " + port + ": " + readLog());
    }

    private static String readLog() throws IOException {
        Path log = folder.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "(no error.log)";
    }

    /**
     * The status of a query that fails to parse, sent through nginx from the local address {@code from} (any of
     * 127/8 reaches the loopback interface), with an X-Forwarded-For of its own if {@code forged} is not null.
     */
    private static int failedQueryFrom(String from, String forged) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(30_000);
            String request = "GET /kg/sparql?query=" + encode("SELEC " + QUERIES.incrementAndGet()) + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\nAccept: application/sparql-results+json\r\n"
                    + (forged == null ? "" : "X-Forwarded-For: " + forged + "\r\n") + "Connection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void twoClientsWithDifferentAddressesHaveTwoBudgets() throws Exception {
        assertEquals(400, failedQueryFrom("127.0.0.2", null));
        assertEquals(429, failedQueryFrom("127.0.0.2", null), "127.0.0.2 has spent its one failure");
        assertEquals(400, failedQueryFrom("127.0.0.3", null), "127.0.0.3 has a budget of its own");
        assertEquals(429, failedQueryFrom("127.0.0.2", "203.0.113.50"),
                "a forged X-Forwarded-For does not make 127.0.0.2 someone else");
    }

    @Test
    void everyPageAndEveryLinkWorksUnderKg() throws Exception {
        LinkCheck links = new LinkCheck("/kg/");
        String base = "http://127.0.0.1:" + port + "/kg/";
        for (String page : TestBasePath.PAGES) {
            links.page(URI.create(base + page), 200);
        }
        links.page(URI.create(base + "doc/policy/great-purg"), 404);
        assertTrue(links.followed() > 100, "links followed: " + links.followed());
    }

    @Test
    void theEndpointsTheScriptsFetchAnswerThroughNginx() throws Exception {
        java.net.http.HttpClient http = newClient();
        for (String path : List.of("sparql?query=" + encode("ASK {}"), "query/prefixes.json", "query/terms.json",
                "search?text=purge", "api?format=json", "api/chronology?format=json", "api/openapi.json",
                "map/data?thing=" + encode("https://w3id.org/stalin-kg/id/outcome/holodomor"),
                "static/map/countries-110m.json", "$/ping")) {
            java.net.http.HttpResponse<String> r = send(http, request("http://127.0.0.1:" + port + "/kg/" + path)
                    .header("Accept", "*/*").GET());
            assertEquals(200, r.statusCode(), path + ": " + abbreviate(r.body()));
        }
        java.net.http.HttpResponse<String> id = send(http, request("http://127.0.0.1:" + port
                + "/kg/id/outcome/holodomor").header("Accept", "text/turtle").GET());
        assertEquals(303, id.statusCode());
        assertEquals("/kg/doc/outcome/holodomor", id.uri().resolve(header(id, "Location")).getPath());
    }
}
