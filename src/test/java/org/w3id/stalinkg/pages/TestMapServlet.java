package org.w3id.stalinkg.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The map's pure parts: which IRI a {@code ?thing=} names, and the point of a WKT literal. */
class TestMapServlet {

    private static final String CANONICAL = "https://w3id.org/stalin-kg/id/";
    private static final String LOCAL = "https://kg.example.org/id/";

    @Test
    void thingIsAnIriOrAShortNameUnderTheDeploymentsBase() {
        assertEquals(CANONICAL + "outcome/holodomor", MapServlet.resolve(CANONICAL + "outcome/holodomor", CANONICAL));
        assertEquals(CANONICAL + "outcome/holodomor", MapServlet.resolve("outcome/holodomor", CANONICAL));
        assertEquals(LOCAL + "outcome/holodomor", MapServlet.resolve(CANONICAL + "outcome/holodomor", LOCAL),
                "a canonical IRI names the thing under another deployment's base");
        assertEquals(LOCAL + "outcome/holodomor", MapServlet.resolve(LOCAL + "outcome/holodomor", LOCAL));
    }

    @Test
    void anythingElseIsNoThing() {
        assertNull(MapServlet.resolve("http://example.org/id/outcome/holodomor", CANONICAL));
        assertNull(MapServlet.resolve(CANONICAL + "outcome/holodomor/../x", CANONICAL));
        assertNull(MapServlet.resolve("holodomor", CANONICAL));
        assertNull(MapServlet.resolve("<x> } ; DROP", CANONICAL));
    }

    @Test
    void pointIsLongitudeThenLatitude() {
        assertEquals("[31.17,48.38]", MapServlet.point("POINT(31.17 48.38)").toString());
        assertEquals("[-102.55,23.63]", MapServlet.point(" POINT ( -102.55 23.63 ) ").toString());
        assertTrue(MapServlet.point("POLYGON((0 0, 1 0, 1 1, 0 0))").isJsonNull(), "drawn only as a point");
    }
}
