package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * The web pages in a real browser: Debian's headless Chromium driven through chromedriver by Selenium. Each page
 * loads with no console error, and each feature does what a visitor expects. Screenshots go to
 * {@code target/screenshots/}. Without Chromium these tests are skipped (install it with
 * {@code apt-get install chromium chromium-driver}); under CI ({@code CI=true}) they must run.
 */
class TestPagesInBrowser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = ProjectFiles.ROOT.resolve("target/screenshots");

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
        // No request may leave the machine: Chromium's own background traffic is switched off too.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/query", "/timeline", "/doc/policy/great-purge", "/doc/outcome/holodomor",
        "/api", "/api/docs", "/ontology.html", "/dumps/"})
    void pageLoadsWithNoConsoleError(String path) throws Exception {
        open(path);
        Thread.sleep(500);
        assertNoConsoleErrors(path);
        screenshot("page" + (path.equals("/") ? "-home" : path.replaceAll("[^a-z0-9]+", "-")));
    }

    @Test
    void homePageShowsTheCountsAndTheWaysIn() throws Exception {
        open("/");
        String text = browser.findElement(By.tagName("body")).getText();
        assertTrue(text.contains("triples") && text.contains("policies") && text.contains("regions"), text);
        for (String href : new String[] {"/timeline", "/query", "/api", "/ontology", "/dumps/"}) {
            assertTrue(!browser.findElements(By.cssSelector("a[href='" + href + "']")).isEmpty(), "no link to " + href);
        }
        assertTrue(!browser.findElements(By.cssSelector("a[href='/doc/goal/industrialization']")).isEmpty());
    }

    @Test
    void queryTypedInTheEditorShowsResults() throws Exception {
        open("/query");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        String query = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "SELECT ?label WHERE { <https://w3id.org/stalin-kg/id/goal/industrialization> rdfs:label ?label }";
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);", query);
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Индустриализация"));
        screenshot("query-results");
        assertNoConsoleErrors("/query");
    }

    @Test
    void timelineShowsTheFirstFiveYearPlan() throws Exception {
        open("/timeline");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return document.body.textContent.includes('First Five-Year Plan')"));
        List<WebElement> links = browser.findElements(By.cssSelector("a[href$='/doc/policy/first-five-year-plan']"));
        assertTrue(!links.isEmpty(), "the plan links to its page");
        screenshot("timeline");
    }

    @Test
    void searchForStalinInRussianFindsStalin() throws Exception {
        open("/");
        WebElement box = browser.findElement(By.cssSelector("form[data-search] input[type='search']"));
        box.sendKeys("Сталин");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("[role=option]")).stream()
                .anyMatch(o -> o.getText().contains("Сталин")));
        screenshot("search");
        List<WebElement> options = browser.findElements(By.cssSelector("[role=option]"));
        int stalin = -1;
        for (int i = 0; i < options.size() && stalin < 0; i++) {
            if (options.get(i).getText().contains("Сталин") && options.get(i).getText().toLowerCase().contains("person")) {
                stalin = i;
            }
        }
        assertTrue(stalin >= 0, "no suggestion is the person Stalin: "
                + options.stream().map(WebElement::getText).toList());
        for (int i = 0; i <= stalin; i++) {
            box.sendKeys(Keys.ARROW_DOWN);
        }
        box.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/doc/person/joseph-stalin"));
    }

    @Test
    void resourcePageDrawsItsNeighbourhood() throws Exception {
        open("/doc/policy/great-purge");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph canvas")));
        assertTrue(!browser.findElements(By.cssSelector("a[href$='/doc/group/old-bolsheviks']")).isEmpty(),
                "the neighbours are also a list of links");
        screenshot("graph-great-purge");
        assertNoConsoleErrors("/doc/policy/great-purge");
    }

    private static void open(String path) {
        browser.get(base + path);
        assertEquals(base + path, browser.getCurrentUrl().replaceAll("#.*", ""));
    }

    private static void assertNoConsoleErrors(String path) {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), path + ": " + errors);
    }

    private static void screenshot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
