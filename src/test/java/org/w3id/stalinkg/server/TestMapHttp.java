package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.stalinkg.graph.ProjectFiles;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The map over real HTTP, on a real server with the real data: the page, its JSON ({@code /map/data}), the files it
 * loads from the jar (Leaflet's WebJar, the Natural Earth base map), the small map of a place's page and the
 * geometries as linked data.
 */
class TestMapHttp {

    private static final String ID = "https://w3id.org/stalin-kg/id/";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0)).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void holodomorStruckTheUkrainianSsrAtItsPoint() throws Exception {
        JsonObject data = data(ID + "outcome/holodomor");
        JsonObject ukraine = find(data.getAsJsonArray("regions"), "region", ID + "region/ukrainian-ssr");
        assertEquals("Ukrainian SSR", ukraine.get("label").getAsString());
        assertEquals("/doc/region/ukrainian-ssr", ukraine.get("href").getAsString());
        JsonArray point = ukraine.getAsJsonArray("point");
        assertEquals(31.17, point.get(0).getAsDouble(), 1e-9, "longitude first");
        assertEquals(48.38, point.get(1).getAsDouble(), 1e-9);
        assertEquals("POINT(31.17 48.38)", ukraine.get("wkt").getAsString());
        assertEquals("/doc/outcome/holodomor", data.get("href").getAsString());
    }

    @Test
    void deportationOfTheChechensAndIngushRunsFromTheirRepublicToKazakhAndKirghizSsrs() throws Exception {
        JsonObject data = data(ID + "policy/deportation-of-the-chechens-and-ingush");
        assertEquals(Set.of("chechen-ingush-assr -> kazakh-ssr", "chechen-ingush-assr -> kirghiz-ssr"),
                routes(data));
        for (JsonElement e : data.getAsJsonArray("deportations")) {
            JsonObject d = e.getAsJsonObject();
            assertEquals("/doc/policy/deportation-of-the-chechens-and-ingush", d.get("href").getAsString());
            assertTrue(d.getAsJsonObject("from").get("point").isJsonArray(), "origin located: " + d);
            assertTrue(d.getAsJsonObject("to").get("point").isJsonArray(), "destination located: " + d);
        }
    }

    @Test
    void anOutcomeDrawsTheDeportationsThatLedToIt() throws Exception {
        // outcome:deported-soviet-koreans <- skg:ledTo policy:deportation-of-soviet-koreans
        assertEquals(Set.of("soviet-far-east -> kazakh-ssr", "soviet-far-east -> uzbek-ssr"),
                routes(data("outcome/deported-soviet-koreans")));
    }

    @Test
    void theDeportationOfPeoplesDrawsTheDeportationsThatArePartOfIt() throws Exception {
        Set<String> routes = routes(data(ID + "policy/deportation-of-peoples"));
        for (String route : List.of("volga-german-assr -> kazakh-ssr", "volga-german-assr -> siberia",
                "crimean-assr -> uzbek-ssr", "kalmyk-assr -> siberia", "georgian-ssr -> uzbek-ssr",
                "soviet-far-east -> kazakh-ssr", "kabardino-balkar-assr -> kirghiz-ssr")) {
            assertTrue(routes.contains(route), route + " in " + routes);
        }
    }

    @Test
    void aRegionIsItsOwnPlaceOnTheMap() throws Exception {
        JsonObject data = data(ID + "region/kazakh-ssr");
        assertEquals(1, data.getAsJsonArray("regions").size(), data.toString());
        assertEquals(ID + "region/kazakh-ssr",
                data.getAsJsonArray("regions").get(0).getAsJsonObject().get("region").getAsString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "'',                                                     400",
        "'not an iri',                                           400",
        "'http://example.org/id/outcome/holodomor',              400",
        "'https://w3id.org/stalin-kg/id/outcome/no-such-thing',  404",
    })
    void aBadThingIsAProblemNamingTheParameter(String thing, int status) throws Exception {
        HttpResponse<String> r = get("/map/data?thing=" + encode(thing), "application/json");
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("thing", JsonParser.parseString(r.body()).getAsJsonObject().get("parameter").getAsString());
    }

    @Test
    void mapPageOffersTheOutcomesAndPoliciesAndLoadsEverythingFromThisServer() throws Exception {
        HttpResponse<String> r = get("/map", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<option value=\"" + ID + "outcome/holodomor\">"), "the Holodomor is a choice");
        assertTrue(html.contains("<option value=\"" + ID + "policy/deportation-of-soviet-germans\">"));
        assertFalse(html.contains("<option value=\"" + ID + "person/"), "only outcomes and policies");
        List<String> loaded = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            loaded.add(m.group(1));
        }
        for (String url : loaded) {
            assertTrue(url.startsWith("./") || url.startsWith("#") || url.startsWith("data:"),
                    "nothing is loaded or linked from elsewhere, and every link is relative: " + url);
        }
        for (String path : List.of("/webjars/leaflet/1.9.4/dist/leaflet.js", "/webjars/leaflet/1.9.4/dist/leaflet.css",
                "/static/map.js", "/static/map/topojson-client.min.js", "/static/map/NOTICE.txt")) {
            assertTrue(loaded.contains("." + path), path + " in " + loaded);
            assertEquals(200, get(path, "*/*").statusCode(), path);
        }
        HttpResponse<String> countries = get("/static/map/countries-110m.json", "*/*");
        assertEquals(200, countries.statusCode());
        JsonObject topology = JsonParser.parseString(countries.body()).getAsJsonObject();
        assertEquals("Topology", topology.get("type").getAsString());
        assertTrue(topology.getAsJsonObject("objects").has("countries"));
    }

    @Test
    void homePageLinksToTheMap() throws Exception {
        assertTrue(get("/", "text/html").body().contains("<a href=\"./map\">Map</a>"));
    }

    @Test
    void aPlacePageShowsASmallMapAndOtherPagesDoNot() throws Exception {
        String place = get("/doc/region/ukrainian-ssr", "text/html").body();
        assertTrue(place.contains("class=\"place-map\" data-thing=\"" + ID + "region/ukrainian-ssr\""), place);
        assertTrue(place.contains("\"../../webjars/leaflet/1.9.4/dist/leaflet.js\""));
        assertTrue(place.contains("<a href=\"../../doc/geometry/ukrainian-ssr\">"), "a link to the point's page");
        String policy = get("/doc/policy/great-purge", "text/html").body();
        assertFalse(policy.contains("place-map"));
        assertFalse(policy.contains("leaflet"));
    }

    @Test
    void aGeometryPageShowsItsPointOnASmallMap() throws Exception {
        String page = get("/doc/geometry/ukrainian-ssr", "text/html").body();
        assertTrue(page.contains("<code>POINT(31.17 48.38)</code>"), page);
        assertTrue(page.contains("class=\"place-map\" data-thing=\"" + ID + "geometry/ukrainian-ssr\""));
        JsonObject data = data(ID + "geometry/ukrainian-ssr");
        assertEquals(ID + "region/ukrainian-ssr",
                data.getAsJsonArray("regions").get(0).getAsJsonObject().get("region").getAsString());
    }

    @Test
    void aGeometryDereferencesAsLinkedData() throws Exception {
        HttpResponse<String> id = get("/id/geometry/ukrainian-ssr", "text/turtle");
        assertEquals(303, id.statusCode());
        assertEquals("../../doc/geometry/ukrainian-ssr", id.headers().firstValue("Location").orElse(""));
        HttpResponse<String> doc = get("/doc/geometry/ukrainian-ssr", "text/turtle");
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("POINT(31.17 48.38)"), doc.body());
    }

    @Test
    void everyRegionHasAPointAndEveryDeportationOfPeoplesAnOriginAndADestination() throws Exception {
        String unlocated = "PREFIX geo: <http://www.opengis.net/ont/geosparql#> "
                + "PREFIX skg: <https://w3id.org/stalin-kg/ontology#> "
                + "SELECT ?r WHERE { ?r a skg:Region FILTER NOT EXISTS { ?r geo:hasGeometry/geo:asWKT ?wkt } }";
        assertEquals("r", get("/sparql?query=" + encode(unlocated), "text/csv").body().strip());
        String unrouted = "PREFIX skg: <https://w3id.org/stalin-kg/ontology#> "
                + "SELECT ?p WHERE { ?p a skg:Policy ; skg:partOf <" + ID + "policy/deportation-of-peoples> "
                + "FILTER NOT EXISTS { ?p skg:deportedFrom ?from ; skg:deportedTo ?to } }";
        assertEquals("p", get("/sparql?query=" + encode(unrouted), "text/csv").body().strip());
    }

    private static Set<String> routes(JsonObject data) {
        Set<String> out = new TreeSet<>();
        for (JsonElement e : data.getAsJsonArray("deportations")) {
            JsonObject d = e.getAsJsonObject();
            out.add(slug(d.getAsJsonObject("from")) + " -> " + slug(d.getAsJsonObject("to")));
        }
        return out;
    }

    private static String slug(JsonObject place) {
        String iri = place.get("region").getAsString();
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    private static JsonObject find(JsonArray array, String key, String value) {
        for (JsonElement e : array) {
            if (e.getAsJsonObject().get(key).getAsString().equals(value)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + array);
    }

    private static JsonObject data(String thing) throws Exception {
        HttpResponse<String> r = get("/map/data?thing=" + encode(thing), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET()
                .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
