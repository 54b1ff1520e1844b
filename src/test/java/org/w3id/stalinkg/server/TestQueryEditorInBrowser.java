package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.stalinkg.graph.ProjectFiles;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The query editor in a real browser (Debian's headless Chromium through chromedriver, as
 * {@code TestPagesInBrowser}): a query without its PREFIX lines runs, a query in the address runs on load, and no
 * request leaves the server. Skipped without Chromium, except under CI. Screenshots go to
 * {@code target/screenshots/}.
 */
class TestQueryEditorInBrowser {

    private static final String ID = "https://w3id.org/stalin-kg/id/";

    private static Chromium chromium;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.start(1280, 1000);
        browser = chromium.browser;
        base = chromium.base;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Each test starts from a fresh editor: no tabs or results kept from the one before. */
    @BeforeEach
    void forget() {
        browser.get(base + "/api/openapi.json");
        js("localStorage.clear(); sessionStorage.clear();");
    }

    @Test
    void theServerListsItsPrefixesAndSparqlStaysPlain() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(base + "/query/prefixes.json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode());
        JsonObject doc = JsonParser.parseString(resp.body()).getAsJsonObject();
        Set<String> prefixes = new HashSet<>();
        for (JsonElement e : doc.getAsJsonArray("prefixes")) {
            JsonObject p = e.getAsJsonObject();
            prefixes.add(p.get("prefix").getAsString() + " " + p.get("namespace").getAsString());
        }
        for (String expected : new String[] {"skg https://w3id.org/stalin-kg/ontology#", "policy " + ID + "policy/",
            "region " + ID + "region/", "person " + ID + "person/", "goal " + ID + "goal/",
            "office-term " + ID + "office-term/", "source " + ID + "source/",
            "rdfs http://www.w3.org/2000/01/rdf-schema#", "skos http://www.w3.org/2004/02/skos/core#",
            "geo http://www.opengis.net/ont/geosparql#", "wd http://www.wikidata.org/entity/",
            "time http://www.w3.org/2006/time#", "bibo http://purl.org/ontology/bibo/"}) {
            assertTrue(prefixes.contains(expected), expected + " in " + prefixes);
        }
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base + "/sparql?query="
                + encode("SELECT ?p WHERE { ?p a skg:Policy }"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, plain.statusCode(), "/sparql knows no prefix: " + plain.body());
    }

    @Test
    void aQueryWithoutItsPrefixRunsAndShowsPolicies() throws Exception {
        chromium.open("/query");
        waitForEditor();
        js("skgQuery.yasgui.getTab().getYasqe().setValue('')");
        WebElement input = browser.findElement(By.cssSelector(".tabPanel.active .CodeMirror textarea"));
        input.sendKeys("SELECT ?p WHERE { ?p a skg:Policy }");
        input.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitForText(".tabPanel.active .yasr", "first-five-year-plan");
        String value = editorValue();
        assertTrue(value.contains("PREFIX skg: <https://w3id.org/stalin-kg/ontology#>"), value);
        assertTrue(value.contains("SELECT ?p WHERE { ?p a skg:Policy }"), value);
        chromium.screenshot("query-without-prefix");
        chromium.assertNoConsoleErrors("without prefix");
        chromium.assertNothingLoadedFromElsewhere("/static/query.js");
    }

    @Test
    void aPastedQueryGetsItsPrefixes() {
        chromium.open("/query");
        waitForEditor();
        js("const cm = skgQuery.yasgui.getTab().getYasqe();"
                + "cm.setValue(''); cm.replaceRange(arguments[0], {line: 0, ch: 0}, undefined, 'paste');",
                "SELECT ?g WHERE { ?g a skg:PoliticalGoal ; skos:prefLabel|rdfs:label ?l }");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> editorValue().contains("PREFIX rdfs:"));
        String value = editorValue();
        assertTrue(value.contains("PREFIX skg:") && value.contains("PREFIX skos:"), value);
    }

    @Test
    void aQueryInTheAddressRunsOnLoad() throws Exception {
        chromium.open("/query?query=" + encode("SELECT ?goal WHERE { ?goal a skg:PoliticalGoal } ORDER BY ?goal"));
        waitForText(".tabPanel.active .yasr", "industrialization");
        assertTrue(editorValue().contains("skg:PoliticalGoal"), editorValue());
        chromium.screenshot("query-from-address");
        chromium.open("/query#query=" + encode("SELECT ?plan WHERE { ?plan rdfs:label \"First Five-Year Plan\"@en }"));
        waitForText(".tabPanel.active .yasr", "first-five-year-plan");
        chromium.assertNoConsoleErrors("from the address");
        chromium.assertNothingLoadedFromElsewhere("/static/query.js");
    }

    @Test
    void copyLinkGivesALinkThatOpensAndRunsTheQuery() {
        chromium.open("/query");
        waitForEditor();
        String query = "SELECT ?person WHERE { ?person a skg:Person } ORDER BY ?person";
        js("skgQuery.yasgui.getTab().getYasqe().setValue(arguments[0])", query);
        browser.findElement(By.id("copy-link")).click();
        WebElement field = browser.findElement(By.id("share-link"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !field.getAttribute("value").isEmpty());
        String link = field.getAttribute("value");
        assertTrue(link.startsWith(base + "/query#query="), link);
        forget();
        browser.get(link);
        waitForText(".tabPanel.active .yasr", "joseph-stalin");
    }

    @Test
    void resultIrisLinkToTheirPagesHereAndShowTheirNames() throws Exception {
        chromium.open("/query?query=" + encode("SELECT ?p ?goal WHERE { ?p a skg:Policy ; skg:servesGoal ?goal "
                + "FILTER(CONTAINS(STR(?p), \"five-year\")) } ORDER BY ?p ?goal"));
        WebElement plan = waitFor(".tabPanel.active .yasr a[href='/doc/policy/first-five-year-plan']");
        assertEquals(ID + "policy/first-five-year-plan", plan.getAttribute("title"), "the canonical IRI");
        assertFalse(browser.findElements(By.cssSelector(".tabPanel.active .yasr a[href='/doc/goal/industrialization']"))
                .isEmpty(), "every IRI of the graph links here");
        assertTrue(browser.findElements(By.cssSelector(".tabPanel.active .yasr a[href^='https://w3id.org/']"))
                .isEmpty(), "no link leaves the server");
        WebElement names = browser.findElement(By.id("show-names"));
        assertFalse(names.isSelected());
        names.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector(".tabPanel.active .yasr .skg-name")).stream()
                .anyMatch(e -> e.isDisplayed() && e.getText().equals("First Five-Year Plan")));
        scrollToResults();
        chromium.screenshot("query-results-named");
        String csv = (String) js("return skgQuery.csv()");
        assertTrue(csv.startsWith("\"p\",\"goal\"") && csv.contains(ID + "policy/first-five-year-plan"), csv);
        String json = (String) js("return skgQuery.json()");
        assertTrue(json.contains("\"bindings\""), json);
        browser.findElement(By.id("download-csv")).click();
        chromium.assertNoConsoleErrors("links and names");
        chromium.assertNothingLoadedFromElsewhere("/static/query.js");
    }

    @Test
    void theGalleryShowsEveryCannedQueryAndLoadsOne() throws Exception {
        chromium.open("/query");
        waitForEditor();
        browser.findElement(By.cssSelector("#gallery summary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                "true".equals(js("return document.getElementById('gallery').dataset.ready || ''")));
        int canned = ProjectFiles.cannedQueries().all().size();
        assertEquals(canned, browser.findElements(By.cssSelector("#gallery-list .query-card")).size(),
                "a card per canned query");
        WebElement card = browser.findElement(By.cssSelector(".query-card[data-name='policies-for-goal']"));
        assertTrue(card.getText().contains("industrialization"), "its parameter with the example value: "
                + card.getText());
        // Filter by a tag: only the cards with it stay.
        browser.findElement(By.cssSelector("#gallery-tags button[data-tag='regions']")).click();
        List<WebElement> shown = browser.findElements(By.cssSelector("#gallery-list .query-card")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertFalse(shown.isEmpty());
        assertTrue(shown.size() < canned, "the filter hides some");
        for (WebElement c : shown) {
            assertTrue(c.getAttribute("data-tags").contains("regions"), c.getAttribute("data-name"));
        }
        chromium.screenshot("query-gallery");
        browser.findElement(By.cssSelector("#gallery-tags button[data-tag='']")).click();
        card.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> editorValue().contains("skg:servesGoal"));
        assertTrue(editorValue().contains("VALUES (?goal) { (<" + ID + "goal/industrialization>) }"), editorValue());
        browser.findElement(By.cssSelector(".tabPanel.active .yasqe_queryButton")).click();
        waitFor(".tabPanel.active .yasr a[href='/doc/policy/first-five-year-plan']");
        chromium.assertNoConsoleErrors("gallery");
        chromium.assertNothingLoadedFromElsewhere("/static/query.js");
    }

    @Test
    void classesPropertiesAndThingsCompleteByName() throws Exception {
        chromium.open("/query");
        waitForEditor();
        js("skgQuery.yasgui.getTab().getYasqe().setValue('')");
        WebElement input = browser.findElement(By.cssSelector(".tabPanel.active .CodeMirror textarea"));
        input.sendKeys("SELECT ?p WHERE { ?p a skg:Polic");
        WebElement policy = waitForHint("skg:Policy");
        assertTrue(policy.getText().contains("A course of action"), "the definition as a hint: " + policy.getText());
        chromium.screenshot("query-complete-class");
        input.sendKeys(Keys.ESCAPE);
        js("const y = skgQuery.yasgui.getTab().getYasqe(); y.setValue(''); y.focus();");
        input = browser.findElement(By.cssSelector(".tabPanel.active .CodeMirror textarea"));
        input.sendKeys("SELECT ?p WHERE { ?p skg:servesG");
        waitForHint("skg:servesGoal");
        input.sendKeys(Keys.ESCAPE);
        js("const y = skgQuery.yasgui.getTab().getYasqe(); y.setValue(''); y.focus();");
        input = browser.findElement(By.cssSelector(".tabPanel.active .CodeMirror textarea"));
        input.sendKeys("SELECT ?p WHERE { ?p skg:servesGoal goal:indust");
        WebElement goal = waitForHint("goal:industrialization");
        assertTrue(goal.getText().contains("Industrialization"), goal.getText());
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                editorValue().contains("skg:servesGoal goal:industrialization"));
        assertTrue(editorValue().contains("PREFIX goal: <" + ID + "goal/>"), editorValue());
        js("const y = skgQuery.yasgui.getTab().getYasqe(); y.setValue(''); y.focus();");
        input = browser.findElement(By.cssSelector(".tabPanel.active .CodeMirror textarea"));
        input.sendKeys("SELECT ?x WHERE { person:Стал");
        WebElement stalin = waitForHint("person:joseph-stalin");
        assertTrue(stalin.getText().contains("Сталин"), stalin.getText());
        chromium.screenshot("query-complete-thing");
        chromium.assertNoConsoleErrors("completion");
        chromium.assertNothingLoadedFromElsewhere("/static/query.js");
    }

    @Test
    void theTimelineViewDrawsTheFiveYearPlans() throws Exception {
        chromium.open("/query?query=" + encode("SELECT ?plan ?start ?end WHERE { ?plan a skg:Policy ; skg:startDate ?start ; "
                + "skg:endDate ?end FILTER(REGEX(STR(?plan), \"(first|second|third|fourth|fifth)-five-year-plan$\")) }"
                + " ORDER BY ?start"));
        WebElement view = waitFor(".tabPanel.active .skg-timeline-view");
        assertEquals("5", view.getAttribute("data-periods"), "the five plans");
        assertEquals(5, view.findElements(By.cssSelector("rect.skg-period")).size());
        assertFalse(view.findElements(By.cssSelector("a[href='/doc/policy/first-five-year-plan']")).isEmpty(),
                "each plan links to its page");
        scrollToResults();
        chromium.screenshot("query-view-timeline");
        chromium.assertNoConsoleErrors("timeline");
        chromium.assertNothingLoadedFromElsewhere("/static/query.js");
    }

    @Test
    void theGraphViewDrawsAConstruct() throws Exception {
        chromium.open("/query?query=" + encode("CONSTRUCT { ?p skg:servesGoal ?g . ?g rdfs:label ?l } WHERE { ?p skg:servesGoal ?g ."
                + " ?g rdfs:label ?l FILTER(LANG(?l) = \"en\") FILTER(CONTAINS(STR(?p), \"five-year\")) }"));
        WebElement view = waitFor(".tabPanel.active .skg-graph-view canvas");
        view = browser.findElement(By.cssSelector(".tabPanel.active .skg-graph-view"));
        assertTrue(Integer.parseInt(view.getAttribute("data-nodes")) >= 5, view.getAttribute("data-nodes"));
        assertTrue(Integer.parseInt(view.getAttribute("data-edges")) >= 5, view.getAttribute("data-edges"));
        assertEquals(Boolean.TRUE, js("return skgQuery.graph.nodes().some(n => n.data('label') === 'Industrialization'"
                + " && n.data('href') === '/doc/goal/industrialization')"), "a goal, named, linked here");
        scrollToResults();
        chromium.screenshot("query-view-graph");
        chromium.assertNoConsoleErrors("graph");
        chromium.assertNothingLoadedFromElsewhere("/static/query.js");
    }

    @Test
    void theChartViewDrawsCountsPerClass() throws Exception {
        chromium.open("/query?query=" + encode("SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?class "
                + "FILTER(STRSTARTS(STR(?class), STR(skg:))) } GROUP BY ?class ORDER BY DESC(?n) LIMIT 20"));
        WebElement view = waitFor(".tabPanel.active .skg-chart-view");
        assertTrue(view.findElements(By.cssSelector("rect.skg-bar")).size() > 5);
        assertFalse(view.findElements(By.cssSelector("a[href='/ontology#Policy']")).isEmpty(), "a class links here");
        scrollToResults();
        chromium.screenshot("query-view-chart");
        // Every view can be chosen; one that cannot draw the result says why.
        browser.findElement(By.cssSelector(".tabPanel.active .yasr .select_map")).click();
        WebElement why = waitFor(".tabPanel.active .skg-view-why");
        assertTrue(why.getText().contains("WKT"), why.getText());
        chromium.assertNoConsoleErrors("chart");
        chromium.assertNothingLoadedFromElsewhere("/static/query.js");
    }

    @Test
    void theMapViewDrawsPoints() throws Exception {
        chromium.open("/query?query=" + encode("SELECT ?region ?wkt WHERE { ?region a skg:Region ; "
                + "geo:hasGeometry/geo:asWKT ?wkt }"));
        WebElement view = waitFor(".tabPanel.active .skg-map-view[data-features]");
        assertTrue(Integer.parseInt(view.getAttribute("data-features")) > 10, view.getAttribute("data-features"));
        waitFor(".tabPanel.active .skg-map-view path.skg-country");
        assertFalse(view.findElements(By.cssSelector("path.skg-map-point")).isEmpty());
        scrollToResults();
        chromium.screenshot("query-view-map");
        chromium.assertNoConsoleErrors("map");
        chromium.assertNothingLoadedFromElsewhere("/static/query.js");
    }

    @Test
    void aMalformedQueryShowsTheParsersMessageWithItsLine() {
        chromium.open("/query?query=" + encode("SELECT ?x WHERE {\n  ?x a \n}"));
        WebElement error = waitFor(".tabPanel.active .yasr .errorResult .skg-problem");
        String text = (String) js("return arguments[0].textContent", error);
        assertTrue(text.contains("line 3"), text + " / " + js("return document.querySelector('.tabPanel.active .yasr')"
                + ".textContent"));
        assertFalse(text.contains("at org."), "no stack trace: " + text);
    }

    @Test
    void aResultCutAtTheRowCapSaysSo() {
        chromium.open("/query?query=" + encode("SELECT * WHERE { ?s ?p ?o }"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                d.findElement(By.id("results-status")).getText().contains("row cap"));
        assertTrue(browser.findElement(By.id("results-status")).getText().contains("10000"),
                browser.findElement(By.id("results-status")).getText());
    }

    private static void scrollToResults() throws InterruptedException {
        js("document.querySelector('.tabPanel.active .yasr').scrollIntoView()");
        Thread.sleep(300);
    }

    private static WebElement waitForHint(String text) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(
                    By.cssSelector(".CodeMirror-hints li")).stream()
                    .filter(e -> e.getText().startsWith(text)).findFirst().orElse(null));
        } catch (TimeoutException ex) {
            fail("no hint " + text + " among " + browser.findElements(By.cssSelector(".CodeMirror-hints li")).stream()
                    .map(WebElement::getText).toList() + "; query: " + editorValue() + "; console: "
                    + browser.manage().logs().get(LogType.BROWSER).getAll());
            return null;
        }
    }

    // helpers

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void waitForEditor() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                "true".equals(js("return document.getElementById('yasgui').dataset.ready || ''"))
                && !d.findElements(By.cssSelector(".CodeMirror")).isEmpty());
    }

    private static String editorValue() {
        return (String) js("return skgQuery.yasgui.getTab().getYasqe().getValue()");
    }

    private static void waitForText(String css, String text) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return !found.isEmpty() && found.get(0).getText().contains(text);
            });
        } catch (TimeoutException ex) {
            List<WebElement> found = browser.findElements(By.cssSelector(css));
            fail("no '" + text + "' in " + css + ": " + (found.isEmpty() ? "(none)" : found.get(0).getText())
                    + "\nat " + browser.getCurrentUrl() + "\nquery: " + editorValue() + "\nconsole: "
                    + browser.manage().logs().get(LogType.BROWSER).getAll());
        }
    }

    private static WebElement waitFor(String css) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return found.isEmpty() ? null : found.get(0);
            });
        } catch (TimeoutException ex) {
            List<WebElement> yasr = browser.findElements(By.cssSelector(".tabPanel.active .yasr"));
            fail("no " + css + "; results (" + js("const y = skgQuery.yasgui.getTab().getYasr(); return y.results ? "
                    + "y.results.getContentType() + ' ' + y.getSelectedPluginName() : 'none'") + "): " + (yasr.isEmpty() ? "(none)" : yasr.get(0).getText()) + "\nquery: "
                    + editorValue() + "\nconsole: " + browser.manage().logs().get(LogType.BROWSER).getAll());
            return null;
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
