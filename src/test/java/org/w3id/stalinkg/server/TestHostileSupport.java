package org.w3id.stalinkg.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
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

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.w3id.stalinkg.graph.ProjectFiles;

import com.google.gson.JsonParser;

/**
 * Shared plumbing of the hostile tests (TestHostile*): a real server on 127.0.0.1 and a free port, real HTTP.
 * Abstract, so that no test runner treats it as a test class.
 */
abstract class TestHostileSupport {

    static final String JSON = "application/sparql-results+json";
    static final String SPARQL_QUERY = "application/sparql-query";
    static final String SMALL = "SELECT * WHERE { ?s ?p ?o } LIMIT 3";
    static final String CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    TestHostileSupport() {}

    /** Settings every hostile server starts from: this machine only, any free port. */
    static ServerSettings local() {
        return ServerSettings.defaults().withHost("127.0.0.1").withPort(0);
    }

    static FusekiServer start(ServerSettings settings) {
        return KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(), settings).start();
    }

    static void stop(FusekiServer server) {
        if (server != null) {
            server.stop();
        }
    }

    static String base(FusekiServer server) {
        return "http://127.0.0.1:" + server.getHttpPort();
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException,
            InterruptedException {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    /** On a connection of its own: a refusal may close the connection, which must not spoil a pooled one. */
    static HttpResponse<String> sendAlone(HttpRequest.Builder request) throws IOException, InterruptedException {
        return newClient().send(request.build(), BodyHandlers.ofString());
    }

    static HttpResponse<String> getQuery(HttpClient client, String base, String query) throws Exception {
        return send(client, request(base + "/sparql?query=" + encode(query)).header("Accept", JSON).GET());
    }

    static HttpResponse<String> postQuery(HttpClient client, String base, String query) throws Exception {
        return send(client, request(base + "/sparql").header("Content-Type", SPARQL_QUERY)
                .header("Accept", JSON).POST(BodyPublishers.ofString(query)));
    }

    /** The rows of a SPARQL JSON result. */
    static int sparqlRows(String json) {
        ResultSet rs = ResultSetFactory.fromJSON(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        int n = 0;
        while (rs.hasNext()) {
            rs.next();
            n++;
        }
        return n;
    }

    /** The elements of a plain JSON array (the canned API's {@code format=json}). */
    static int jsonArraySize(String json) {
        return JsonParser.parseString(json).getAsJsonArray().size();
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
    }

    /** A response read off a raw socket. */
    record RawResponse(int status, String head, String body) {}

    /**
     * Sends {@code requestTarget} exactly as given in a GET request line (no client normalizes or refuses it) and
     * reads the whole response; status -1 if the server closed the connection without a status line.
     */
    static RawResponse rawGet(int port, String requestTarget) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            String req = "GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
            out.write(req.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) >= 0 && bytes.size() < 4 << 20) {
                    bytes.write(buf, 0, n);
                }
            } catch (IOException ex) {
                // a reset after the response: keep what was read
            }
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = -1;
            if (head.startsWith("HTTP/1.")) {
                String[] parts = head.split(" ", 3);
                if (parts.length >= 2) {
                    status = Integer.parseInt(parts[1].trim());
                }
            }
            return new RawResponse(status, head, body);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
