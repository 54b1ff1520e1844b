package org.w3id.stalinkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.stalinkg.graph.LabelIndex;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.server.KgServer;
import org.w3id.stalinkg.server.Limits;
import org.w3id.stalinkg.server.ServerSettings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * The full-text search: {@code /search} answers from the Lucene index what the canned {@code search} query answers
 * by scanning every name, for texts that begin words; bad input is refused with 400; {@code text:query} works on
 * {@code /sparql}.
 */
class TestSearch {

    private static FusekiServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(), ServerSettings.defaults()
                .withHost("127.0.0.1").withPort(0).withLimits(Limits.defaults().withClientBudget(0, 0))).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Words that occur only at the start of words in the names: the index and the scan must agree exactly. */
    @ParameterizedTest
    @ValueSource(strings = {"famine", "Голодомор", "Сталинград", "purge", "Gulag", "collectivization", "Comintern"})
    void theIndexFindsWhatTheScanFinds(String text) throws Exception {
        JsonArray indexed = json(get("/search?text=" + encode(text)));
        JsonArray scanned = json(get("/api/search?format=json&text=" + encode(text)));
        assertFalse(scanned.isEmpty(), "the scan finds " + text);
        assertEquals(scanned, indexed, text);
    }

    @Test
    void everyWordMustBeginAWordOfTheName() throws Exception {
        List<String> names = names(json(get("/search?text=" + encode("great pur"))));
        assertTrue(names.contains("Great Purge"), names.toString());
        names.forEach(n -> assertTrue(n.toLowerCase().matches("(?s).*\\bgreat.*") && n.toLowerCase().contains("pur"), n));
        assertTrue(json(get("/search?text=" + encode("лодомор"))).isEmpty(), "the middle of a word is not a match");
    }

    @Test
    void langKeepsOneLanguage() throws Exception {
        JsonArray ru = json(get("/search?lang=ru&text=" + encode("голод")));
        assertFalse(ru.isEmpty());
        for (JsonElement e : ru) {
            assertEquals("ru", e.getAsJsonObject().get("language").getAsString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?text=a", "?text=%20%20", "?text=%2B%2B%2B", "?text=famine&lang=e%20n"})
    void badInputIs400WithAMessage(String query) throws Exception {
        HttpResponse<String> r = get("/search" + query);
        assertEquals(400, r.statusCode(), query);
        com.google.gson.JsonObject problem = JsonParser.parseString(r.body()).getAsJsonObject();
        assertTrue(problem.get("detail").getAsString().contains("'"), r.body());
        assertEquals(400, problem.get("status").getAsInt());
        assertTrue(problem.has("parameter"), r.body());
    }

    @Test
    void tooLongIs400() throws Exception {
        assertEquals(400, get("/search?text=" + "a".repeat(101)).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\" OR *:*", "title:(x", "fam~ AND", "\\", "*", "great) OR (purge"})
    void luceneSyntaxIsJustText(String text) throws Exception {
        HttpResponse<String> r = get("/search?text=" + encode(text));
        assertTrue(r.statusCode() == 200 || r.statusCode() == 400, text + " -> " + r.statusCode());
        if (r.statusCode() == 200) {
            JsonParser.parseString(r.body()).getAsJsonArray();
        }
    }

    @Test
    void aRepeatedSearchIs304ByItsETag() throws Exception {
        HttpResponse<String> first = get("/search?text=famine");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/search?text=famine"))
                .header("If-None-Match", etag).build(), BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
    }

    @Test
    void textQueryWorksOnTheSparqlEndpoint() throws Exception {
        String query = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { (?s ?score ?name) "
                + "text:query (\"holodomor*\" 10) }";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sparql?query=" + encode(query)))
                .header("Accept", "text/csv").build(), BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("https://w3id.org/stalin-kg/id/outcome/holodomor"), r.body());
    }

    @Test
    void prefixQueriesEscapeLuceneSyntax() {
        assertEquals("great* AND pur*", LabelIndex.prefixQuery("Great  PUR"));
        assertEquals("голод*", LabelIndex.prefixQuery("Голод"));
        assertEquals("five* AND year*", LabelIndex.prefixQuery("five-year"));
        assertNull(LabelIndex.prefixQuery(" ++ ** "));
    }

    private static List<String> names(JsonArray rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(e -> names.add(e.getAsJsonObject().get("name").getAsString()));
        return names;
    }

    private static JsonArray json(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonArray();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
