package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
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

    /** A free port on 127.0.0.1, held open by the returned socket. */
    private static ServerSocket holdAPort() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
    }

    private static void assertOneLineWithoutClassNames(String text) {
        assertEquals(1, text.lines().count(), "one line: " + text);
        assertFalse(text.matches("(?s).*\\b[a-z]+\\.[a-z.]+\\.[A-Z]\\w*(Exception|Error).*"), "a class name: " + text);
        assertFalse(text.contains("Exception"), text);
    }

    @Test
    void dumpIntoAFolderThatCannotBeWrittenSaysSoInOneLineBeforeLoading() {
        assertEquals(1, run("dump", "--out", "/proc/nope"));
        assertOneLineWithoutClassNames(err.toString());
        assertTrue(err.toString().startsWith("stalin-kg: nothing dumped: cannot "), err.toString());
        assertTrue(err.toString().contains("/proc/nope"), err.toString());
        assertEquals("", out.toString(), "nothing loaded nor written");
    }

    @Test
    void aPortInUseSaysSoInOneLineBeforeLoading() throws IOException {
        try (ServerSocket taken = holdAPort()) {
            int port = taken.getLocalPort();
            assertEquals(1, run("serve", "--host", "127.0.0.1", "--port", "" + port, "--admin-port", "-1"));
            assertOneLineWithoutClassNames(err.toString());
            assertEquals("stalin-kg: not started: port " + port + " (--port) cannot be used on 127.0.0.1: it is in "
                    + "use; choose another with --port N (0 picks a free one)", err.toString().strip());
            assertEquals("", out.toString(), "nothing loaded");
        }
    }

    @Test
    void anAdminPortInUseSaysSoInOneLineBeforeLoading() throws IOException {
        try (ServerSocket taken = holdAPort()) {
            int port = taken.getLocalPort();
            assertEquals(1, run("serve", "--host", "127.0.0.1", "--port", "0", "--admin-port", "" + port));
            assertOneLineWithoutClassNames(err.toString());
            assertTrue(err.toString().contains("port " + port + " (--admin-port"), err.toString());
            assertTrue(err.toString().contains("--admin-port -1"), err.toString());
        }
    }

    @Test
    void theAdminPortIsTheOneAfterThePortUnlessGiven() {
        assertEquals(3041, adminPortOf("--port", "3040"));
        assertEquals(ServerSettings.DEFAULT_PORT + 1, adminPortOf());
        assertEquals(0, adminPortOf("--port", "0"));
        assertEquals(-1, adminPortOf("--port", "3040", "--admin-port", "-1"));
        assertEquals(4000, adminPortOf("--port", "3040", "--admin-port", "4000"));
    }

    private static int adminPortOf(String... args) {
        StalinKgCmd cmd = new StalinKgCmd();
        new CommandLine(cmd).parseArgs(args);
        return cmd.serve.effectiveAdminPort();
    }

    /**
     * A second instance on another --port starts while the first holds its ports (here: sockets held on them), its
     * admin port being the one after its own; it serves, warms up and stops.
     */
    @Test
    void aSecondInstanceOnAnotherPortStarts() throws IOException {
        // The first instance's two ports, held: a port and its successor (its admin port), both free when bound.
        ServerSocket[] firstPorts = heldPortPair();
        try (ServerSocket first = firstPorts[0]; ServerSocket firstAdmin = firstPorts[1]) {
            int second = freePortPair();
            assertEquals(0, run("serve", "--host", "127.0.0.1", "--port", "" + second, "--exit-after-warm-up"),
                    err.toString());
            assertTrue(out.toString().contains(":" + second + "/sparql"), out.toString());
        }
    }

    /** A port whose successor is free too. */
    private static int freePortPair() throws IOException {
        ServerSocket[] pair = heldPortPair();
        try (ServerSocket a = pair[0]; ServerSocket b = pair[1]) {
            return a.getLocalPort();
        }
    }

    /**
     * Two sockets bound to a port and its successor, on 127.0.0.1, still held: a successor taken by anything else
     * (a test's connection, another server) makes it try another port, rather than fail.
     */
    private static ServerSocket[] heldPortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            ServerSocket a = holdAPort();
            ServerSocket b = new ServerSocket();
            try {
                if (a.getLocalPort() < 65_535) {
                    b.bind(new InetSocketAddress("127.0.0.1", a.getLocalPort() + 1));
                    return new ServerSocket[] {a, b};
                }
            } catch (IOException taken) {
                // try another
            }
            a.close();
            b.close();
        }
        throw new IOException("no two free ports in a row");
    }

    @Test
    void aMistypedOptionGetsAShortUsageWithADidYouMean() {
        assertEquals(2, run("--prot", "3040"));
        String text = err.toString();
        assertTrue(text.contains("Did you mean --port"), text);
        assertTrue(text.contains("--help"), text);
        assertTrue(text.lines().count() <= 4, "short: " + text);
        assertEquals(2, run("serve", "--timeuot", "3"));
        assertTrue(err.toString().contains("Did you mean --timeout"), err.toString());
    }

    /** Every paragraph of every command's description is whole: it ends a sentence or introduces a list. */
    @Test
    void helpTextReadsWhole() {
        CommandLine root = StalinKgCmd.commandLine();
        List<CommandLine> all = new ArrayList<>(List.of(root));
        all.addAll(root.getSubcommands().values());
        for (CommandLine c : all) {
            for (String paragraph : c.getCommandSpec().usageMessage().description()) {
                String p = paragraph.replace("%n", "").strip();
                assertTrue(p.endsWith(".") || p.endsWith(":") || paragraph.startsWith("  /"),
                        c.getCommandName() + ": a paragraph broken mid-sentence: \"" + paragraph + "\"");
            }
        }
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
        assertTrue(text.contains("(default: the port after --port, " + (ServerSettings.DEFAULT_PORT + 1) + " for "
                + ServerSettings.DEFAULT_PORT), text);
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
