package org.w3id.stalinkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.graph.OntologyReleasesLib;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.server.DataHolder;
import org.w3id.stalinkg.server.KgServer;
import org.w3id.stalinkg.server.ServedData;
import org.w3id.stalinkg.server.ServerSettings;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.vocab.SKG;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The identity rule: what a thing is called never depends on the request. The same resource fetched with different
 * Host headers (odd ones, IPv6 literals, none at all, X-Forwarded-Host) is the same bytes; the ontology's namespace is
 * the one the data's predicates use; every version IRI the ontology names resolves here.
 */
class TestIdentity {

    private static FusekiServer server;

    /** Each request is sent with one of these header sets; null is HTTP/1.0 with no Host at all. */
    private static final List<String> HOSTS = Arrays.asList("Host: 127.0.0.1:PORT\r\n", "Host: w3id.org\r\n",
            "Host: evil.example:81\r\n", "Host: [::1]:PORT\r\n", "Host: a_b..c\r\n",
            "Host: 127.0.0.1:PORT\r\nX-Forwarded-Host: attacker.example\r\nX-Forwarded-Proto: https\r\n", null);

    @BeforeAll
    static void start() {
        var kg = ProjectFiles.bundledGraph();
        ServedData data = new ServedData(new LocalStore(kg), kg.ontology(),
                OntologyReleasesLib.load(ProjectFiles.ROOT.resolve("ontology/releases"), kg.ontology()),
                ProjectFiles.cannedQueries());
        server = KgServer.build(new DataHolder(data), ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                new SimpleMeterRegistry()).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyRdfAnswerIsTheSameBytesWhateverTheHostHeader() throws IOException {
        String construct = URLEncoder.encode("CONSTRUCT { <" + SKG.ID_BASE + "policy/collectivization> ?p ?o } "
                + "WHERE { <" + SKG.ID_BASE + "policy/collectivization> ?p ?o }", StandardCharsets.UTF_8);
        String select = URLEncoder.encode("SELECT ?s WHERE { ?s a <" + SKG.NS + "Famine> } ORDER BY ?s",
                StandardCharsets.UTF_8);
        String[][] resources = {
            {"/ontology", "text/turtle"}, {"/ontology.jsonld", "*/*"}, {"/ontology.rdf", "*/*"},
            {"/ontology.html", "text/html"}, {"/ontology/0.3.0", "application/rdf+xml"},
            {"/doc/policy/collectivization", "text/turtle"}, {"/doc/policy/collectivization.jsonld", "*/*"},
            {"/doc/policy/collectivization", "text/html"}, {"/.well-known/void", "text/turtle"},
            {"/context.jsonld", "*/*"}, {"/sparql?query=" + construct, "text/turtle"},
            {"/sparql?query=" + select, "application/sparql-results+json"}, {"/sparql", "text/turtle"},
            {"/api/goals?format=json", "*/*"}, {"/id/policy/collectivization", "*/*"}};
        for (String[] r : resources) {
            Raw first = null;
            for (String host : HOSTS) {
                Raw answer = get(r[0], r[1], host);
                assertTrue(answer.status() == 200 || answer.status() == 303, r[0] + " with " + host + ": "
                        + answer.status() + " " + new String(answer.body(), StandardCharsets.UTF_8));
                if (first == null) {
                    first = answer;
                } else {
                    assertArrayEquals(first.body(), answer.body(), r[0] + " differs with " + host);
                    assertEquals(first.header("Location"), answer.header("Location"), r[0] + " with " + host);
                    assertEquals(first.header("ETag"), answer.header("ETag"), r[0] + " with " + host);
                }
            }
            String body = new String(first.body(), StandardCharsets.UTF_8);
            assertFalse(body.contains("evil.example") || body.contains("attacker.example")
                    || body.contains("127.0.0.1") || body.contains("http://w3id.org/"), r[0] + ": " + body);
        }
    }

    @Test
    void theOntologysNamespaceIsTheOneTheDatasPredicatesUse() throws IOException {
        Graph ontology = parse(get("/ontology", "text/turtle", "Host: example.org\r\n"), Lang.TURTLE);
        assertTrue(ontology.contains(Node.ANY, RDF.type.asNode(), OWL2.Ontology.asNode()));
        Node iri = ontology.find(Node.ANY, RDF.type.asNode(), OWL2.Ontology.asNode()).next().getSubject();
        assertEquals(SKG.ONTOLOGY_IRI, iri.getURI());
        Graph doc = parse(get("/doc/policy/collectivization", "application/n-triples", "Host: example.org\r\n"),
                Lang.NTRIPLES);
        List<String> ours = new ArrayList<>();
        doc.find().forEachRemaining(t -> {
            if (t.getPredicate().getURI().contains("stalin-kg")) {
                ours.add(t.getPredicate().getURI());
            }
        });
        assertFalse(ours.isEmpty());
        for (String p : ours) {
            assertTrue(p.startsWith(SKG.NS), p);
            assertTrue(ontology.contains(org.apache.jena.graph.NodeFactory.createURI(p), RDF.type.asNode(), Node.ANY), p + " is not declared");
        }
    }

    @Test
    void everyVersionIriTheOntologyNamesResolvesHere() throws IOException {
        List<String> pending = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Graph current = parse(get("/ontology", "text/turtle", null), Lang.TURTLE);
        current.find(Node.ANY, OWL2.versionIRI.asNode(), Node.ANY).forEachRemaining(t -> pending.add(
                t.getObject().getURI()));
        current.find(Node.ANY, OWL2.priorVersion.asNode(), Node.ANY).forEachRemaining(t -> pending.add(
                t.getObject().getURI()));
        assertFalse(pending.isEmpty());
        while (!pending.isEmpty()) {
            String version = pending.remove(0);
            if (seen.contains(version)) {
                continue;
            }
            seen.add(version);
            assertTrue(version.startsWith(SKG.ONTOLOGY_IRI + "/"), version);
            String path = "/ontology/" + version.substring(SKG.ONTOLOGY_IRI.length() + 1);
            for (String accept : List.of("text/turtle", "application/rdf+xml", "application/ld+json",
                    "application/n-triples", "text/html")) {
                assertEquals(200, get(path, accept, null).status(), path + " as " + accept);
            }
            Graph release = parse(get(path, "text/turtle", null), Lang.TURTLE);
            Triple declared = release.find(Node.ANY, OWL2.versionIRI.asNode(), Node.ANY).next();
            assertEquals(version, declared.getObject().getURI(), path + " serves another version");
            release.find(Node.ANY, OWL2.priorVersion.asNode(), Node.ANY).forEachRemaining(t -> pending.add(
                    t.getObject().getURI()));
        }
        assertTrue(seen.size() >= 3, seen.toString());
        assertEquals(404, get("/ontology/9.9.9", "text/turtle", null).status());
    }

    @Test
    void underAConfiguredBaseAnIriFromASparqlAnswerDereferencesHereAndNamesItsDocument() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/";
        var kg = KnowledgeGraphLoader.forProject(ProjectFiles.ROOT).base(base).load();
        ServedData data = new ServedData(new LocalStore(kg), kg.ontology(),
                CannedQueries.load(ProjectFiles.ROOT.resolve("queries"), base + "id/"));
        FusekiServer own = KgServer.build(new DataHolder(data), ServerSettings.defaults().withHost("127.0.0.1")
                .withPort(port).withBaseUrl(base), new SimpleMeterRegistry()).start();
        try {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            String select = URLEncoder.encode("SELECT ?f WHERE { ?f a <" + SKG.NS + "Famine> } ORDER BY ?f",
                    StandardCharsets.UTF_8);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "sparql?query=" + select))
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            List<String> famines = answer.body().lines().skip(1).map(String::strip).toList();
            assertFalse(famines.isEmpty(), answer.body());
            for (String iri : famines) {
                assertTrue(iri.startsWith(base + "id/outcome/"), iri);
                HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(iri))
                        .header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, doc.statusCode(), iri);
                Graph g = GraphFactory.createDefaultGraph();
                RDFParser.create().source(new StringReader(doc.body())).lang(Lang.NTRIPLES).parse(g);
                Node subject = NodeFactory.createURI(iri);
                assertTrue(g.contains(subject, RDF.type.asNode(), NodeFactory.createURI(SKG.NS + "Famine")), iri);
                g.find().forEachRemaining(t -> assertFalse(t.toString().contains(SKG.ID_BASE), "canonical: " + t));
            }
            String goals = http.send(HttpRequest.newBuilder(URI.create(base + "api/goals?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(goals.contains(base + "id/goal/") && !goals.contains(SKG.ID_BASE), goals);
            String voidTurtle = http.send(HttpRequest.newBuilder(URI.create(base + ".well-known/void"))
                    .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(voidTurtle.contains("\"" + base + "id/\""), voidTurtle);
            String ontology = http.send(HttpRequest.newBuilder(URI.create(base + "ontology.nt")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(ontology.contains("<" + SKG.NS + "Famine>"), "the vocabulary never moves");
        } finally {
            own.stop();
        }
    }

    private static Graph parse(Raw answer, Lang lang) {
        assertEquals(200, answer.status());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(new String(answer.body(), StandardCharsets.UTF_8))).lang(lang)
                .parse(g);
        return g;
    }

    /** A response read off a raw socket: status, head, body bytes. */
    private record Raw(int status, String head, byte[] body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /**
     * GET {@code target} with exactly these header lines (null: HTTP/1.0 with no Host), over a raw socket, since
     * Java's HTTP client will not send another Host.
     */
    private static Raw get(String target, String accept, String hostLines) throws IOException {
        int port = server.getHttpPort();
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String request = (hostLines == null ? "GET " + target + " HTTP/1.0\r\n"
                    : "GET " + target + " HTTP/1.1\r\n" + hostLines.replace("PORT", Integer.toString(port)))
                    + "Accept: " + accept + "\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            byte[] all = bytes.toByteArray();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (chunked[lineEnd] != '\r') {
                lineEnd++;
            }
            String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
