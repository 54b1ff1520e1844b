package org.w3id.stalinkg.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The base of the browser tests: one {@link Chromium} session (a real server on port 0 and a headless Chromium) for
 * the test class, started before its first test and closed after its last. The test classes run one after another,
 * so the session of one class is closed before the next class opens its own.
 */
abstract class BrowserTest {

    static Chromium chromium;
    static ChromeDriver browser;
    static String base;

    @BeforeAll
    static void startChromium() throws Exception {
        chromium = Chromium.start(1280, 900);
        browser = chromium.browser;
        base = chromium.base;
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
