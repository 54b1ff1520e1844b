package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.server.Limits;
import org.w3id.stalinkg.server.ServerSettings;

import picocli.CommandLine;

class TestStalinKgCmd {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = StalinKgCmd.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void validatePrintsCountsPerFileAndPerClassAndExitsZero() {
        assertEquals(0, run("validate"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("data/policies.ttl"), text);
        assertTrue(text.contains("ontology/stalin-kg.ttl"), text);
        assertTrue(text.lines().anyMatch(l -> l.trim().matches("Policy\\s+[1-9][0-9,]*")), text);
        assertTrue(text.contains("OK"), text);
    }

    @Test
    void statsPrintsClaimsPerSectionAndTheSourcedStatements() {
        assertEquals(0, run("stats"), err.toString() + out);
        String text = out.toString();
        for (String section : new String[] {"seed-summary", "seed-goals-table", "seed-what-youll-learn",
            "seed-consolidating-power", "seed-industrialization-drive", "seed-collectivization-policy",
            "seed-global-communist-influence", "seed-cult-of-personality", "seed-faq"}) {
            assertTrue(text.contains("source:" + section + ">") || text.contains(section), section + "\n" + text);
        }
        assertTrue(text.contains("Statements that need a source and have none: 0"), text);
        assertTrue(text.matches("(?s).*Statements with a source: [1-9][0-9,]*.*"), text);
    }

    @Test
    void validateOfABrokenFileExitsOneNamingTheFileAndLine() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-broken.ttl", "@prefix : <http://example.org/> .\n:a :b :c\n");
        assertEquals(1, run("validate", "--root", root.toString()));
        assertTrue(err.toString().contains("zz-broken.ttl:"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void serveOfABrokenGraphExitsOneWithoutServing() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "data/zz-broken.ttl", "@prefix : <http://example.org/> .\n:a :b :c\n");
        assertEquals(1, run("serve", "--root", root.toString(), "--port", "0"));
        assertTrue(err.toString().contains("not started"), err.toString());
    }

    @Test
    void malformedCannedQueryStopsServeAndValidateNamingTheFile() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "queries/zz-broken.rq", "#+ summary: broken\nSELECT ?x WHERE { ?x }\n");
        assertEquals(1, run("validate", "--root", root.toString()));
        assertTrue(err.toString().contains("zz-broken.rq:2:"), err.toString());
        assertEquals(1, run("serve", "--root", root.toString(), "--port", "0"));
        assertTrue(err.toString().contains("not started") && err.toString().contains("zz-broken.rq"), err.toString());
    }

    @Test
    void helpExplainsBothCommands() {
        assertEquals(0, run("--help"));
        String text = out.toString();
        assertTrue(text.contains("serve") && text.contains("validate") && text.contains("stats"), text);
        assertTrue(text.contains("--port") && text.contains("--timeout") && text.contains("--host"), text);
    }

    @Test
    void badOptionIsAUsageErrorNotAStackTrace() {
        assertEquals(2, run("serve", "--port", "seventy"));
        assertTrue(err.toString().contains("--port"), err.toString());
        assertTrue(!err.toString().contains("\tat "), err.toString());
    }

    @Test
    void outOfRangePortIsRefused() {
        assertEquals(2, run("serve", "--port", "70000"), err.toString());
        assertTrue(err.toString().startsWith("Illegal --port=70000 : must be 0 (any free port) to 65535"),
                err.toString());
    }

    @Test
    void impossibleOptionValuesAreUsageErrorsNamingTheOption() {
        String[][] cases = {
            {"--timeout", "0"}, {"--timeout", "NaN"}, {"--api-timeout", "-1"}, {"--first-result-timeout", "0"},
            {"--max-rows", "0"}, {"--max-body-kib", "3000000"}, {"--max-query-kib", "0"}, {"--max-header-kib", "0"},
            {"--max-concurrent-queries", "-1"}, {"--client-query-seconds", "-1"}, {"--client-errors", "-1"},
            {"--answer-cache-mb", "-1"}, {"--admin-port", "-2"},
            {"--base-url", "ftp://example.org/"}, {"--base-url", "http://example.org/no-slash"}};
        for (String[] c : cases) {
            StringWriter fresh = new StringWriter();
            CommandLine cmd = StalinKgCmd.commandLine();
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(fresh));
            assertEquals(2, cmd.execute("serve", c[0], c[1], "--port", "0"), String.join(" ", c) + ": " + fresh);
            assertTrue(fresh.toString().startsWith("Illegal " + c[0] + "="), fresh.toString());
            assertTrue(!fresh.toString().contains("\tat "), "no stack trace: " + fresh);
        }
    }

    @Test
    void helpShowsTheDefaultsTheServerUses() {
        assertEquals(0, run("help", "serve"));
        String text = out.toString().replaceAll("\\s+", " ");
        assertTrue(text.contains("(default: " + ServerSettings.DEFAULT_TIMEOUT_SECONDS + ")"), text);
        assertTrue(text.contains("(default: " + Limits.DEFAULT_MAX_ROWS + ")"), text);
        assertTrue(text.contains("(default: " + Limits.DEFAULT_CLIENT_ERRORS + ")"), text);
        assertTrue(text.contains("(default: " + (ServerSettings.DEFAULT_PORT + 1) + ")"), text);
    }

    @Test
    void sparqlEndpointWithATdb2DatabaseIsAUsageError() {
        StringWriter fresh = new StringWriter();
        CommandLine cmd = StalinKgCmd.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(fresh));
        assertEquals(2, cmd.execute("serve", "--sparql-endpoint", "http://127.0.0.1:9/sparql", "--tdb2", "db",
                "--port", "0"), fresh.toString());
        assertTrue(fresh.toString().startsWith("--tdb2 cannot be used with --sparql-endpoint"), fresh.toString());
    }

    @Test
    void sparqlEndpointThatIsNotAnHttpUrlIsAUsageError() {
        for (String url : new String[] {"store:3030/ds", "ftp://store/ds", "http://", "not a url"}) {
            StringWriter fresh = new StringWriter();
            CommandLine cmd = StalinKgCmd.commandLine();
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(fresh));
            assertEquals(2, cmd.execute("serve", "--sparql-endpoint", url, "--port", "0"), url + ": " + fresh);
            assertTrue(fresh.toString().startsWith("Illegal --sparql-endpoint=" + url + " : must be an absolute http(s) URL"),
                    fresh.toString());
            assertTrue(!fresh.toString().contains("\tat "), "no stack trace: " + fresh);
        }
        assertEquals(2, run("--sparql-endpoint", "http://store/ds", "--endpoint-cache-seconds", "0"), err.toString());
        assertTrue(err.toString().contains("--endpoint-cache-seconds"), err.toString());
    }

    @Test
    void sparqlEndpointModeStillChecksTheOntologyAndTheQueries() {
        Path root = ProjectFiles.copyProjectTo(tmp);
        ProjectFiles.write(root, "queries/zz-broken.rq", "#+ summary: broken\nSELECT ?x WHERE { ?x }\n");
        assertEquals(1, run("serve", "--root", root.toString(), "--port", "0", "--sparql-endpoint",
                "http://127.0.0.1:9/ds/sparql"));
        assertTrue(err.toString().contains("not started") && err.toString().contains("zz-broken.rq"), err.toString());
        ProjectFiles.write(root, "queries/zz-broken.rq", "#+ summary: mended\nSELECT ?x WHERE { ?x ?p ?o }\n");
        ProjectFiles.write(root, "ontology/zz-broken.ttl", "@prefix : <http://example.org/> .\n:a :b :c\n");
        assertEquals(1, run("serve", "--root", root.toString(), "--port", "0", "--sparql-endpoint",
                "http://127.0.0.1:9/ds/sparql"));
        assertTrue(err.toString().contains("zz-broken.ttl:"), err.toString());
    }
}
