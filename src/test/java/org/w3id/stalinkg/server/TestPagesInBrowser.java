package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in a real browser: Debian's headless Chromium driven through chromedriver by Selenium. Each page
 * loads with no console error, and each feature does what a visitor expects. Screenshots go to
 * {@code target/screenshots/}. Without Chromium these tests are skipped (install it with
 * {@code apt-get install chromium chromium-driver}); under CI ({@code CI=true}) they must run.
 */
class TestPagesInBrowser extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/query", "/timeline", "/doc/policy/great-purge", "/doc/outcome/holodomor",
        "/api", "/api/docs", "/ontology.html", "/dumps/"})
    void pageLoadsWithNoConsoleError(String path) throws Exception {
        chromium.open(path);
        Thread.sleep(500);
        chromium.assertNoConsoleErrors(path);
        chromium.screenshot("page" + (path.equals("/") ? "-home" : path.replaceAll("[^a-z0-9]+", "-")));
    }

    @Test
    void homePageShowsTheCountsAndTheWaysIn() throws Exception {
        chromium.open("/");
        String text = browser.findElement(By.tagName("body")).getText();
        assertTrue(text.contains("triples") && text.contains("policies") && text.contains("regions"), text);
        for (String href : new String[] {"./timeline", "./query", "./api", "./ontology", "./dumps/"}) {
            assertTrue(!browser.findElements(By.cssSelector("a[href='" + href + "']")).isEmpty(), "no link to " + href);
        }
        assertTrue(!browser.findElements(By.cssSelector("a[href='./doc/goal/industrialization']")).isEmpty());
    }

    @Test
    void queryTypedInTheEditorShowsResults() throws Exception {
        chromium.open("/query");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        String query = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "SELECT ?label WHERE { <https://w3id.org/stalin-kg/id/goal/industrialization> rdfs:label ?label }";
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);", query);
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Индустриализация"));
        chromium.screenshot("query-results");
        chromium.assertNoConsoleErrors("/query");
    }

    @Test
    void timelineShowsTheFirstFiveYearPlan() throws Exception {
        chromium.open("/timeline");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return document.body.textContent.includes('First Five-Year Plan')"));
        List<WebElement> links = browser.findElements(By.cssSelector("a[href$='/doc/policy/first-five-year-plan']"));
        assertTrue(!links.isEmpty(), "the plan links to its page");
        chromium.screenshot("timeline");
    }

    @Test
    void searchForStalinInRussianFindsStalin() throws Exception {
        chromium.open("/");
        WebElement box = browser.findElement(By.cssSelector("form[data-search] input[type='search']"));
        box.sendKeys("Сталин");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("[role=option]")).stream()
                .anyMatch(o -> o.getText().contains("Сталин")));
        chromium.screenshot("search");
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
        chromium.open("/doc/policy/great-purge");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph canvas")));
        assertTrue(!browser.findElements(By.cssSelector("a[href$='/doc/group/old-bolsheviks']")).isEmpty(),
                "the neighbours are also a list of links");
        chromium.screenshot("graph-great-purge");
        chromium.assertNoConsoleErrors("/doc/policy/great-purge");
    }
}
