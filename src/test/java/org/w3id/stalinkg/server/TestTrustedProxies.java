package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --trusted-proxy}: forwarding headers are believed from a trusted peer only, and then the client is the
 * right-most untrusted address of the chain. Seen through the client budgets: each server allows one failed query
 * per client per minute, so a second failure from the same client is 429 and one from another client is not.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestTrustedProxies extends TestHostileSupport {

    /** Trusts all of 127/8, where the tests connect from. */
    private static FusekiServer trusting;
    /** Trusts 10/8 only: the tests' headers come from an untrusted peer. */
    private static FusekiServer distrusting;
    private static final HttpClient HTTP = newClient();
    private static final AtomicInteger QUERIES = new AtomicInteger();

    @BeforeAll
    static void startServers() {
        ServerSettings oneError = local().withLimits(Limits.defaults().withClientBudget(60_000, 1));
        trusting = start(oneError.withTrustedProxies(List.of("127.0.0.0/8")));
        distrusting = start(oneError.withTrustedProxies(List.of("10.0.0.0/8")));
    }

    @AfterAll
    static void stopServers() {
        stop(trusting);
        stop(distrusting);
    }

    /** A query that fails to parse, a new text each time so that no answer is sent again from the cache. */
    private static int failedQuery(FusekiServer server, String... headers) throws Exception {
        HttpRequest.Builder r = request(base(server) + "/sparql?query=" + encode("SELEC " + QUERIES.incrementAndGet()))
                .header("Accept", JSON);
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return send(HTTP, r.GET()).statusCode();
    }

    @Test
    void fromATrustedProxyTwoForwardedClientsHaveTwoBudgets() throws Exception {
        assertEquals(400, failedQuery(trusting, "X-Forwarded-For", "203.0.113.1"));
        assertEquals(429, failedQuery(trusting, "X-Forwarded-For", "203.0.113.1"),
                "the first client's budget is spent");
        assertEquals(400, failedQuery(trusting, "X-Forwarded-For", "203.0.113.2"), "the second client has its own");
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnoredAndTheBudgetShared() throws Exception {
        assertEquals(400, failedQuery(distrusting, "X-Forwarded-For", "203.0.113.11"));
        assertEquals(429, failedQuery(distrusting, "X-Forwarded-For", "203.0.113.12"), "one client: the peer");
        assertEquals(429, failedQuery(distrusting, "Forwarded", "for=203.0.113.13"), "Forwarded is ignored too");
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy() throws Exception {
        // A client forges the left of the chain; the proxy appends what it saw on the right.
        assertEquals(400, failedQuery(trusting, "X-Forwarded-For", "198.51.100.1, 203.0.113.21"));
        assertEquals(429, failedQuery(trusting, "X-Forwarded-For", "198.51.100.2, 203.0.113.21"),
                "a different forged left part is the same client");
        // Two trusted proxies in a row: the address before them is the client.
        assertEquals(400, failedQuery(trusting, "X-Forwarded-For", "203.0.113.22, 127.0.0.9"));
        assertEquals(429, failedQuery(trusting, "X-Forwarded-For", "203.0.113.22"));
    }

    @Test
    void forwardedIsReadAsXForwardedForIs() throws Exception {
        assertEquals(400, failedQuery(trusting, "Forwarded",
                "for=198.51.100.9, for=\"[2001:db8::31]:4711\";proto=https"));
        assertEquals(429, failedQuery(trusting, "X-Forwarded-For", "2001:db8::31"), "the same client");
        assertEquals(400, failedQuery(trusting, "Forwarded", "for=203.0.113.32;by=127.0.0.1"), "another one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Forwarded-For: <script>, ;;;", "X-Forwarded-For: 999.1.1.1", "X-Forwarded-For: ",
        "Forwarded: for=\"[::1", "Forwarded: for=;;;,,,=", "X-Forwarded-Port: abc", "X-Forwarded-Proto: \u00e9",
        "X-Proxied-Https: maybe", "X-Forwarded-Host: [::1", "X-Forwarded-Prefix: /../../etc/", "Forwarded: for=unknown",
        "X-Forwarded-For: example.org"})
    void aMalformedHeaderFromATrustedProxyBreaksNothing(String header) throws Exception {
        String name = header.substring(0, header.indexOf(':'));
        String value = header.substring(header.indexOf(':') + 1).strip();
        for (FusekiServer server : List.of(trusting, distrusting)) {
            HttpResponse<String> page = send(HTTP, request(base(server) + "/doc/person/joseph-stalin")
                    .header(name, value).GET());
            assertEquals(200, page.statusCode(), header + ": " + abbreviate(page.body()));
            HttpResponse<String> ping = send(HTTP, request(base(server) + "/$/ping").header(name, value).GET());
            assertEquals(200, ping.statusCode(), header);
        }
    }

    @Test
    void aThousandHopsAreAnsweredAsOne() throws Exception {
        StringBuilder forwarded = new StringBuilder();
        StringBuilder xff = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            forwarded.append(i == 0 ? "" : ",").append("for=10.0.").append(i / 250).append('.').append(i % 250);
            xff.append(i == 0 ? "" : ",").append("127.0.").append(i / 250).append('.').append(i % 250);
        }
        for (String name : List.of("Forwarded", "X-Forwarded-For")) {
            String value = name.equals("Forwarded") ? forwarded.toString() : xff.toString();
            HttpResponse<String> r = send(HTTP, request(base(trusting) + "/$/ping").header(name, value).GET());
            assertEquals(200, r.statusCode(), name);
        }
    }

    @Test
    void forwardedHostAndProtoChangeNoIri() throws Exception {
        String path = "/doc/person/joseph-stalin.ttl";
        HttpResponse<byte[]> plain = HTTP.send(request(base(trusting) + path).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> forwarded = HTTP.send(request(base(trusting) + path)
                .header("X-Forwarded-Host", "evil.example:8443").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=other.example;proto=https").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, forwarded.statusCode());
        assertArrayEquals(plain.body(), forwarded.body(), "the same bytes, whatever the proxy says");
        HttpResponse<String> redirect = send(HTTP, request(base(trusting) + "/id/person/joseph-stalin")
                .header("X-Forwarded-Host", "evil.example").header("Accept", "text/turtle").GET());
        assertEquals(303, redirect.statusCode());
        assertTrue(!header(redirect, "Location").contains("evil"), header(redirect, "Location"));
    }

    @Test
    void theChainIsReadWithoutDns() throws Exception {
        TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8", "::1/128"));
        InetAddress peer = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        assertEquals("192.0.2.7", proxies.client(HttpFields.build()
                .add("X-Forwarded-For", "192.0.2.5, 192.0.2.7:1234, 10.1.2.3, ::1"), peer).getHostAddress());
        assertEquals("192.0.2.8", proxies.client(HttpFields.build()
                .add("Forwarded", "for=192.0.2.9").add("Forwarded", "for=192.0.2.8, for=\"[::1]\""), peer)
                .getHostAddress());
        assertEquals("10.0.0.1", proxies.client(HttpFields.build().add("X-Forwarded-For", "10.0.0.1, 10.0.0.2"), peer)
                .getHostAddress(), "every hop trusted: the left-most");
        assertEquals(peer, proxies.client(HttpFields.build().add("X-Forwarded-For", "unknown"), peer));
        assertEquals(peer, proxies.client(HttpFields.build(), peer));
        assertNull(TrustedProxies.literal("example.org"));
        assertNull(TrustedProxies.literal("1.2.3"));
        assertNull(TrustedProxies.node("[::1"));
    }
}
