package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.stalinkg.api.CannedQuery;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * Two replicas, as a load balancer sees them: each loads the files itself (as two processes would), listens on its
 * own port, and is asked the same requests with the same {@code Host} header (what a load balancer that forwards
 * the client's Host sends). Every answer must be the same bytes with the same ETag from both, so a client or cache
 * may revalidate against either.
 */
class TestReplicas {

    /** The public host the load balancer forwards; both replicas derive their public base from it. */
    private static final String HOST = "kg.example.org";

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static FusekiServer first;
    private static FusekiServer second;

    @BeforeAll
    static void start() {
        ServerSettings settings = ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withClientBudget(0, 0));
        first = KgServer.build(KnowledgeGraphLoader.forProject(ProjectFiles.ROOT).load(),
                ProjectFiles.cannedQueries(), settings).start();
        second = KgServer.build(KnowledgeGraphLoader.forProject(ProjectFiles.ROOT).load(),
                ProjectFiles.cannedQueries(), settings).start();
    }

    @AfterAll
    static void stop() {
        for (FusekiServer s : new FusekiServer[] {first, second}) {
            if (s != null) {
                s.stop();
            }
        }
    }

    /** One request: a path and the Accept header to send with it. */
    record Request(String path, String accept) {
        @Override
        public String toString() {
            return path + " (" + accept + ")";
        }
    }

    static Stream<Request> requests() {
        List<Request> list = new ArrayList<>();
        String[][] sparql = {
            {"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json"},
            {"SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label "
                    + "LIMIT 50", "text/csv"},
            {"SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 200", "application/sparql-results+xml"},
            {"ASK { ?s a <https://w3id.org/stalin-kg/ontology#Policy> }", "application/sparql-results+json"},
            {"CONSTRUCT WHERE { <https://w3id.org/stalin-kg/id/policy/great-purge> ?p ?o }", "text/turtle"},
            {"DESCRIBE <https://w3id.org/stalin-kg/id/outcome/holodomor>", "application/n-triples"},
        };
        for (String[] q : sparql) {
            list.add(new Request("/sparql?query=" + URLEncoder.encode(q[0], StandardCharsets.UTF_8), q[1]));
        }
        list.add(new Request("/sparql", "text/turtle"));
        list.add(new Request("/sparql", "application/n-triples"));
        for (CannedQuery q : ProjectFiles.cannedQueries().all()) {
            String url = exampleUrl(q);
            list.add(new Request(url, "*/*"));
            boolean graph = !q.query().isSelectType() && !q.query().isAskType();
            list.add(new Request(url, graph ? "application/ld+json" : "text/csv"));
        }
        list.add(new Request("/api", "application/json"));
        list.add(new Request("/api/openapi.json", "application/json"));
        for (String thing : new String[] {"outcome/holodomor", "policy/first-five-year-plan", "person/joseph-stalin",
            "region/ukrainian-ssr"}) {
            for (String ext : new String[] {"ttl", "jsonld", "rdf", "nt", "html"}) {
                list.add(new Request("/doc/" + thing + "." + ext, "*/*"));
            }
            list.add(new Request("/doc/" + thing, BROWSER));
            list.add(new Request("/id/" + thing, "text/turtle"));
        }
        for (String accept : new String[] {"text/turtle", "application/rdf+xml", "application/ld+json",
            "application/n-triples"}) {
            list.add(new Request("/ontology", accept));
            list.add(new Request("/.well-known/void", accept));
        }
        list.add(new Request("/ontology", "text/html"));
        list.add(new Request("/context.jsonld", "application/ld+json"));
        list.add(new Request("/", BROWSER));
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void replicasAnswerWithTheSameBytesAndETag(Request request) throws IOException {
        Response a = get(first, request);
        Response b = get(second, request);
        assertTrue(a.status() < 400, request + " -> " + a.status() + "\n" + a.text());
        assertEquals(a.status(), b.status(), request.toString());
        assertEquals(a.header("content-type"), b.header("content-type"), request.toString());
        assertEquals(a.header("location"), b.header("location"), request.toString());
        assertEquals(a.header("etag"), b.header("etag"), request + ": ETags differ");
        if (!Arrays.equals(a.body(), b.body())) {
            assertEquals(a.text(), b.text(), request + ": bodies differ");
        }
        assertArrayEquals(a.body(), b.body(), request.toString());
    }

    @Test
    void anETagFromOneReplicaRevalidatesOnTheOther() throws IOException {
        for (String path : new String[] {"/api/goals", "/doc/outcome/holodomor.ttl", "/ontology.ttl",
            "/.well-known/void"}) {
            Response a = get(first, new Request(path, "*/*"));
            String etag = a.header("etag");
            assertNotNull(etag, path + " has no ETag");
            Response b = get(second, new Request(path, "*/*"), "If-None-Match: " + etag);
            assertEquals(304, b.status(), path);
        }
    }

    /** The query's URL with the example value of each parameter that has one. */
    private static String exampleUrl(CannedQuery q) {
        StringBuilder sb = new StringBuilder("/api/" + q.name());
        char sep = '?';
        for (var p : q.params()) {
            if (p.example() != null) {
                sb.append(sep).append(p.name()).append('=').append(URLEncoder.encode(p.example(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return sb.toString();
    }

    /** A response: status, headers by lower-case name, body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * GET over HTTP/1.0 on a plain socket, so that the request can carry the public {@code Host} a load balancer
     * forwards (Java's HttpClient refuses to set Host); HTTP/1.0 also keeps the body unchunked.
     */
    private static Response get(FusekiServer server, Request request, String... extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getHttpPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("GET " + request.path() + " HTTP/1.0\r\nHost: " + HOST
                    + "\r\nAccept: " + request.accept() + "\r\n");
            for (String h : extraHeaders) {
                head.append(h).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] all = readAll(socket.getInputStream());
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Response(status, headers, Arrays.copyOfRange(all, end + 4, all.length));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no end of headers");
    }
}
