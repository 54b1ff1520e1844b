package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * What the browser tests share: a real server on port 0 over the bundled data, and a headless Chromium whose own
 * background traffic is off and whose console and network requests are logged, so a test can say that a page had
 * no console error and loaded nothing from elsewhere. Without Chromium the tests are skipped (under CI, where
 * {@code .ci/run} installs it, they fail instead). Screenshots go to {@code target/screenshots/}.
 */
final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = ProjectFiles.ROOT.resolve("target/screenshots");
    private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]+)\"");

    final FusekiServer server;
    final ChromeDriver browser;
    final String base;

    private Chromium(FusekiServer server, ChromeDriver browser) {
        this.server = server;
        this.browser = browser;
        this.base = "http://127.0.0.1:" + server.getHttpPort();
    }

    /** The server and the browser, with a window {@code width} x {@code height}; skipped without Chromium. */
    static Chromium start(int width, int height) throws IOException {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            String why = "No " + BINARY + " or " + DRIVER
                    + ": install them with 'apt-get install chromium chromium-driver' to run the browser tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        FusekiServer server = KgServer.build(ProjectFiles.bundledGraph(), ProjectFiles.cannedQueries(),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0)).start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        // No request may leave the machine: Chromium's own background traffic is switched off too.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        return new Chromium(server, browser);
    }

    /** Opens {@code path} of the server, with the console and network logs of earlier pages dropped. */
    void open(String path) {
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(base + path);
    }

    void assertNoConsoleErrors(String what) {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), what + ": " + errors);
    }

    /**
     * Every request the page sent since it was opened (Network.requestWillBeSent in the performance log) went to
     * this server, and {@code expected} (a path of the server) was among them, so the log did hold the requests.
     */
    void assertNothingLoadedFromElsewhere(String expected) {
        Set<String> elsewhere = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            String m = e.getMessage();
            if (!m.contains("\"Network.requestWillBeSent\"")) {
                continue;
            }
            Matcher url = URL.matcher(m);
            while (url.find()) {
                String u = url.group(1);
                seen.add(u);
                // The network only: chrome:// (the browser's own new-tab page), data: and blob: are not requests out.
                if (u.matches("(?i)(https?|wss?|ftp)://.*") && !u.startsWith(base + "/")) {
                    elsewhere.add(u);
                }
            }
        }
        assertTrue(seen.contains(base + expected), "the log holds the page's requests: " + seen);
        assertTrue(elsewhere.isEmpty(), "requests that left the server: " + elsewhere);
    }

    void screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        browser.quit();
        server.stop();
    }
}
