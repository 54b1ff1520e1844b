package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map in a real browser (Debian's headless Chromium through chromedriver, as {@code TestPagesInBrowser}): the
 * Holodomor draws the Ukrainian SSR, a deportation draws an arrow from origin to destination, a place's page draws
 * its point, and no request leaves the server. Skipped without Chromium, except under CI. Screenshots go to
 * {@code target/screenshots/}.
 */
class TestMapInBrowser {

    private static final String ID = "https://w3id.org/stalin-kg/id/";

    private static Chromium chromium;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start(1280, 900);
        browser = chromium.browser;
        base = chromium.base;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void holodomorDrawsTheUkrainianSsr() throws Exception {
        chromium.open("/map?thing=" + encode(ID + "outcome/holodomor"));
        WebElement ukraine = waitFor("path.skg-region[data-region='" + ID + "region/ukrainian-ssr']");
        assertTrue(ukraine.getAttribute("class").contains("leaflet-interactive"), "a Leaflet path");
        assertFalse(browser.findElements(By.cssSelector("path.skg-country")).isEmpty(), "the base map is drawn");
        assertEquals(ID + "outcome/holodomor",
                new Select(browser.findElement(By.id("map-thing"))).getFirstSelectedOption().getAttribute("value"));
        assertFalse(browser.findElements(By.cssSelector("#map-list a[href='/doc/region/ukrainian-ssr']")).isEmpty(),
                "the region is also a link in the list");
        ukraine.click();
        waitFor(".leaflet-popup a[href='/doc/region/ukrainian-ssr']");
        chromium.screenshot("map-holodomor");
        chromium.assertNoConsoleErrors("holodomor");
        chromium.assertNothingLoadedFromElsewhere("/static/map/countries-110m.json");
    }

    @Test
    void aDeportationIsAnArrowFromOriginToDestination() throws Exception {
        chromium.open("/map?thing=" + encode(ID + "policy/deportation-of-the-crimean-tatars"));
        WebElement arrow = waitFor("path.skg-deportation[data-policy='" + ID
                + "policy/deportation-of-the-crimean-tatars']");
        assertEquals("url(\"#skg-arrowhead\")", arrow.getCssValue("marker-end").replace("'", "\""),
                "the line ends in an arrowhead");
        assertFalse(browser.findElements(By.cssSelector("svg marker#skg-arrowhead")).isEmpty());
        assertEquals(2, browser.findElements(By.cssSelector("path.skg-deportation-end")).size(),
                "origin and destination");
        String d = arrow.getAttribute("d");
        assertTrue(d != null && d.startsWith("M"), d);
        assertFalse(browser.findElements(By.cssSelector(
                "#map-list a[href='/doc/region/crimean-assr'] ~ a[href='/doc/region/uzbek-ssr']")).isEmpty(),
                "from the Crimean ASSR to the Uzbek SSR, as links");
        chromium.screenshot("map-crimean-tatars");
        chromium.assertNoConsoleErrors("crimean tatars");
    }

    @Test
    void choosingInTheSelectDrawsTheChoice() throws Exception {
        chromium.open("/map");
        waitFor("path.skg-country");
        new Select(browser.findElement(By.id("map-thing"))).selectByValue(ID + "policy/deportation-of-soviet-germans");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("thing="));
        waitFor("path.skg-deportation");
        assertEquals(2, browser.findElements(By.cssSelector("path.skg-deportation")).size(),
                "Volga German ASSR to the Kazakh SSR and to Siberia");
        chromium.assertNoConsoleErrors("select");
    }

    @Test
    void aPlacePageDrawsItsPoint() throws Exception {
        chromium.open("/doc/region/kazakh-ssr");
        waitFor(".place-map path.skg-region[data-region='" + ID + "region/kazakh-ssr']");
        chromium.screenshot("place-map-kazakh-ssr");
        chromium.assertNoConsoleErrors("place page");
        chromium.assertNothingLoadedFromElsewhere("/static/map/countries-110m.json");
    }

    private static WebElement waitFor(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
