package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * The map in a real browser (Debian's headless Chromium through chromedriver, as {@code TestPagesInBrowser}): the
 * Holodomor draws the Ukrainian SSR, a deportation draws an arrow from origin to destination, a place's page draws
 * its point, and no request leaves the server. Skipped without Chromium, except under CI. Screenshots go to
 * {@code target/screenshots/}.
 */
class TestMapInBrowser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = ProjectFiles.ROOT.resolve("target/screenshots");
    private static final String ID = "https://w3id.org/stalin-kg/id/";

    private static FusekiServer server;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "No " + CHROMIUM + " or " + CHROMEDRIVER
                    + ": install them with 'apt-get install chromium chromium-driver' to run the browser tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        server = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0)).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Chromium's own background traffic off; every request of the page is logged (performance log) below.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void holodomorDrawsTheUkrainianSsr() throws Exception {
        open("/map?thing=" + encode(ID + "outcome/holodomor"));
        WebElement ukraine = waitFor("path.skg-region[data-region='" + ID + "region/ukrainian-ssr']");
        assertTrue(ukraine.getAttribute("class").contains("leaflet-interactive"), "a Leaflet path");
        assertFalse(browser.findElements(By.cssSelector("path.skg-country")).isEmpty(), "the base map is drawn");
        assertEquals(ID + "outcome/holodomor",
                new Select(browser.findElement(By.id("map-thing"))).getFirstSelectedOption().getAttribute("value"));
        assertFalse(browser.findElements(By.cssSelector("#map-list a[href='/doc/region/ukrainian-ssr']")).isEmpty(),
                "the region is also a link in the list");
        ukraine.click();
        waitFor(".leaflet-popup a[href='/doc/region/ukrainian-ssr']");
        screenshot("map-holodomor");
        assertNoConsoleErrors("holodomor");
        assertNothingLoadedFromElsewhere();
    }

    @Test
    void aDeportationIsAnArrowFromOriginToDestination() throws Exception {
        open("/map?thing=" + encode(ID + "policy/deportation-of-the-crimean-tatars"));
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
        screenshot("map-crimean-tatars");
        assertNoConsoleErrors("crimean tatars");
    }

    @Test
    void choosingInTheSelectDrawsTheChoice() throws Exception {
        open("/map");
        waitFor("path.skg-country");
        new Select(browser.findElement(By.id("map-thing"))).selectByValue(ID + "policy/deportation-of-soviet-germans");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("thing="));
        waitFor("path.skg-deportation");
        assertEquals(2, browser.findElements(By.cssSelector("path.skg-deportation")).size(),
                "Volga German ASSR to the Kazakh SSR and to Siberia");
        assertNoConsoleErrors("select");
    }

    @Test
    void aPlacePageDrawsItsPoint() throws Exception {
        open("/doc/region/kazakh-ssr");
        waitFor(".place-map path.skg-region[data-region='" + ID + "region/kazakh-ssr']");
        screenshot("place-map-kazakh-ssr");
        assertNoConsoleErrors("place page");
        assertNothingLoadedFromElsewhere();
    }

    private static WebElement waitFor(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static void open(String path) {
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(base + path);
    }

    private static void assertNoConsoleErrors(String what) {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), what + ": " + errors);
    }

    /** Every request the page sent (Network.requestWillBeSent in the performance log) went to this server. */
    private static void assertNothingLoadedFromElsewhere() {
        Set<String> elsewhere = ConcurrentHashMap.newKeySet();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            String m = e.getMessage();
            if (!m.contains("\"Network.requestWillBeSent\"")) {
                continue;
            }
            java.util.regex.Matcher url = java.util.regex.Pattern.compile("\"url\":\"([^\"]+)\"").matcher(m);
            while (url.find()) {
                String u = url.group(1);
                seen.add(u);
                // The network only: chrome:// (the browser's own new-tab page), data: and blob: are not requests out.
                if (u.matches("(?i)(https?|wss?|ftp)://.*") && !u.startsWith(base + "/")) {
                    elsewhere.add(u);
                }
            }
        }
        assertTrue(seen.contains(base + "/static/map/countries-110m.json"), "the log holds the page's requests: " + seen);
        assertTrue(elsewhere.isEmpty(), "requests that left the server: " + elsewhere);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void screenshot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
