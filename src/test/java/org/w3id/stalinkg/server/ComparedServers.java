package org.w3id.stalinkg.server;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.stalinkg.api.CannedQuery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What the tests that compare a server over an external store with one over the data in memory share
 * ({@code TestServeFromRemoteStore}, {@code TestServeFromVirtuoso}): requests to either, and answers read back.
 */
final class ComparedServers {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ComparedServers() {
    }

    static URI uri(FusekiServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.getHttpPort() + path);
    }

    static HttpResponse<String> get(FusekiServer server, String path, String accept) throws Exception {
        return send(HttpRequest.newBuilder(uri(server, path)).header("Accept", accept));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The canned query's path with its example parameters. */
    static String exampleUrl(CannedQuery q) {
        StringBuilder sb = new StringBuilder("/api/" + q.name());
        char sep = '?';
        for (var p : q.params()) {
            if (p.example() != null) {
                sb.append(sep).append(p.name()).append('=').append(encode(p.example()));
                sep = '&';
            }
        }
        return sb.toString();
    }

    static String title(String html) {
        int start = html.indexOf("<title>");
        return start < 0 ? "" : html.substring(start, html.indexOf("</title>", start));
    }

    /**
     * A document read back; JSON-LD that names our published context by its URL gets the context of
     * {@code contextServer} put inline, as no document is fetched.
     */
    static Graph parse(String body, String ext, FusekiServer contextServer) throws Exception {
        Lang lang = switch (ext) {
            case "ttl" -> Lang.TURTLE;
            case "nt" -> Lang.NTRIPLES;
            case "rdf" -> Lang.RDFXML;
            case "jsonld" -> Lang.JSONLD;
            default -> throw new IllegalArgumentException(ext);
        };
        String text = body;
        if (lang == Lang.JSONLD && !JsonParser.parseString(body).getAsJsonObject().get("@context").isJsonObject()) {
            JsonObject doc = JsonParser.parseString(body).getAsJsonObject();
            JsonElement context = JsonParser.parseString(get(contextServer, "/context.jsonld", "application/ld+json")
                    .body()).getAsJsonObject().get("@context");
            doc.add("@context", context);
            text = doc.toString();
        }
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).parse(g);
        return g;
    }
}
