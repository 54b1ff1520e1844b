package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The site under a sub-path: {@code --base-path /kg/} for a proxy that passes {@code /kg/...} through, and
 * {@code X-Forwarded-Prefix} from a trusted proxy. Every page's links stay under the sub-path and answer.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TestBasePath extends TestHostileSupport {

    /** The pages a person reaches, under the base path; each page's links are followed. */
    static final List<String> PAGES = List.of("", "query", "map", "timeline", "api", "api/", "api/docs",
            "api/policies-for-goal?goal=industrialization", "ontology", "dumps/", "doc/person/joseph-stalin",
            "doc/region/ukrainian-ssr");

    /** At /kg/, trusting 127.0.0.1 (the tests). */
    private static FusekiServer underKg;
    /** At the root, trusting 127.0.0.1. */
    private static FusekiServer atRoot;
    private static final HttpClient HTTP = newClient();

    @BeforeAll
    static void startServers() {
        ServerSettings settings = local().withLimits(Limits.defaults().withClientBudget(0, 0))
                .withTrustedProxies(List.of("127.0.0.1/32"));
        underKg = start(settings.withBasePath("/kg/"));
        atRoot = start(settings);
    }

    @AfterAll
    static void stopServers() {
        stop(underKg);
        stop(atRoot);
    }

    @Test
    void everyLinkOfEveryPageStaysUnderTheBasePathAndAnswers() throws Exception {
        LinkCheck links = new LinkCheck("/kg/");
        for (String page : PAGES) {
            links.page(URI.create(base(underKg) + "/kg/" + page), 200);
        }
        links.page(URI.create(base(underKg) + "/kg/doc/policy/great-purg"), 404);
        links.page(URI.create(base(underKg) + "/kg/no/such/page"), 404);
        assertTrue(links.followed() > 100, "links followed: " + links.followed());
    }

    @Test
    void theBaseWithoutItsSlashIsRedirectedToIt() throws Exception {
        HttpResponse<String> r = send(HTTP, request(base(underKg) + "/kg").GET());
        assertEquals(301, r.statusCode());
        assertEquals("kg/", header(r, "Location"));
        assertEquals("/kg/", URI.create(base(underKg) + "/kg").resolve(header(r, "Location")).getPath());
    }

    @Test
    void redirectsAreRelativeAndStayUnderTheBase() throws Exception {
        HttpResponse<String> r = send(HTTP, request(base(underKg) + "/kg/id/person/joseph-stalin")
                .header("Accept", "text/turtle").GET());
        assertEquals(303, r.statusCode());
        URI doc = URI.create(base(underKg) + "/kg/id/person/joseph-stalin").resolve(header(r, "Location"));
        assertEquals("/kg/doc/person/joseph-stalin", doc.getPath());
        HttpResponse<String> turtle = send(HTTP, request(doc.toString()).header("Accept", "text/turtle").GET());
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.body().contains("<https://w3id.org/stalin-kg/id/person/joseph-stalin>")
                || turtle.body().contains("person:joseph-stalin"), "the canonical IRI, not one under /kg/");
        assertTrue(!turtle.body().contains("/kg/"), "no IRI names the sub-path");
    }

    @Test
    void theEndpointsAnswerUnderTheBaseAndAtTheRoot() throws Exception {
        for (String path : List.of("/kg/sparql?query=" + encode("ASK {}"), "/sparql?query=" + encode("ASK {}"),
                "/kg/$/ping", "/kg/api/openapi.json", "/kg/query/prefixes.json", "/kg/query/terms.json",
                "/kg/search?text=purge", "/kg/api?format=json", "/kg/api/chronology?format=json")) {
            HttpResponse<String> r = send(HTTP, request(base(underKg) + path).header("Accept", "*/*").GET());
            assertEquals(200, r.statusCode(), path + ": " + abbreviate(r.body()));
        }
        assertEquals(404, send(HTTP, request(base(underKg) + "/kgx/query").GET()).statusCode());
    }

    @Test
    void aTrustedProxysPrefixIsTakenOffThePath() throws Exception {
        HttpResponse<String> r = send(HTTP, request(base(atRoot) + "/kg/query").header("X-Forwarded-Prefix", "/kg")
                .GET());
        assertEquals(200, r.statusCode());
        assertEquals(404, send(HTTP, request(base(atRoot) + "/kg/query").GET()).statusCode(), "without it");
        for (String bad : List.of("/kg/..", "/../kg", "kg", "/kg/%2e%2e", "/k g")) {
            assertEquals(404, send(HTTP, request(base(atRoot) + "/kg/query").header("X-Forwarded-Prefix", bad)
                    .GET()).statusCode(), bad + " is no prefix");
        }
    }

    @Test
    void anUntrustedPeersPrefixIsIgnored() throws Exception {
        FusekiServer distrusting = start(local().withTrustedProxies(List.of("10.0.0.0/8")));
        try {
            assertEquals(404, send(HTTP, request(base(distrusting) + "/kg/query")
                    .header("X-Forwarded-Prefix", "/kg").GET()).statusCode());
        } finally {
            stop(distrusting);
        }
    }

    @Test
    void pathsThatClimbOutOfTheBaseReachNothing() throws Exception {
        String[] leaks = {"root:", "<modelVersion>", "#+ summary:", "org.slf4j.simpleLogger", "swagger-ui.version",
            "@prefix skg:"};
        List<String> wrong = new java.util.ArrayList<>();
        for (String target : List.of("/kg/../pom.xml", "/kg/%2e%2e/pom.xml", "/kg/..%2fpom.xml",
                "/kg/static/../../../../etc/passwd", "/kg/static/%2e%2e/simplelogger.properties",
                "/kg/static/..%2fsimplelogger.properties", "/kg/webjars/%2e%2e/%2e%2e/%2e%2e/stalin-kg.properties",
                "/kg/doc/..;/..;/etc/passwd", "/kg/dumps/%2e%2e/pom.xml", "/kg/api/%2e%2e/queries/search.rq",
                "/kg%2f..%2fpom.xml", "/kg/%2e%2e/%2e%2e/etc/passwd", "/kg//etc/passwd", "/kg/./../pom.xml")) {
            RawResponse r = rawGet(underKg.getHttpPort(), target);
            if (r.status() != 400 && r.status() != 404) {
                wrong.add(target + " -> " + r.status());
            }
            for (String leak : leaks) {
                if (r.body().contains(leak)) {
                    wrong.add(target + " leaked " + leak);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "crafted paths under the base: " + wrong);
    }

    @Test
    void aPageIsTheSameBytesUnderAnyPrefix() throws Exception {
        String plain = send(HTTP, request(base(atRoot) + "/doc/person/joseph-stalin").GET()).body();
        String under = send(HTTP, request(base(underKg) + "/kg/doc/person/joseph-stalin").GET()).body();
        String forwarded = send(HTTP, request(base(atRoot) + "/kg/doc/person/joseph-stalin")
                .header("X-Forwarded-Prefix", "/kg/").header("X-Forwarded-Host", "example.org").GET()).body();
        assertEquals(plain, under);
        assertEquals(plain, forwarded);
    }
}
