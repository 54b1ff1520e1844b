package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.http.Versions;

/**
 * The distribution archive of {@code mvn package} as an operator uses it: listed, unpacked in a temporary folder,
 * started through its launcher from another folder, asked, stopped. Needs tar and a POSIX shell, as the launcher does.
 */
class DistributionIT {

    private static final String BASE = "stalin-kg-" + Versions.BUILD.version();
    private static final Path ARCHIVE = Path.of("target", BASE + ".tar.gz");

    @TempDir
    Path tmp;

    /** What a process printed (stdout and stderr together) and its exit status. */
    record Run(int status, String output) {}

    private static Run run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end:\n" + output);
        }
        return new Run(p.exitValue(), output);
    }

    /** The archive unpacked in {@code tmp/unpacked}; its folder. */
    private Path unpack() throws Exception {
        assertTrue(Files.isRegularFile(ARCHIVE), "run mvn package first: no " + ARCHIVE);
        Path into = Files.createDirectories(tmp.resolve("unpacked"));
        Run tar = run(Path.of("."), Map.of(), "tar", "-xzf", ARCHIVE.toAbsolutePath().toString(), "-C",
                into.toString());
        assertEquals(0, tar.status(), tar.output());
        return into.resolve(BASE);
    }

    @Test
    void theArchiveHoldsWhatADeploymentNeeds() throws Exception {
        Run listing = run(Path.of("."), Map.of("LC_ALL", "C"), "tar", "-tvzf", ARCHIVE.toString());
        assertEquals(0, listing.status(), listing.output());
        List<String> lines = listing.output().lines().toList();
        for (String line : lines) {
            assertTrue(line.matches("\\S+ \\S+ +\\d+ \\S+ \\S+ " + Pattern.quote(BASE) + "/.*"),
                    "everything in one folder " + BASE + "/: " + line);
        }
        for (String launcher : new String[] {"bin/stalin-kg", "bin/stalin-kg-cds"}) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("-rwxr-xr-x ") && l.endsWith(BASE + "/" + launcher)),
                    launcher + " is there and executable:\n" + listing.output());
        }
        for (String file : new String[] {"lib/stalin-kg.jar", "stalin-kg.service", "docs/stalin-kg.example.properties",
            "README.md", "CHANGELOG.md", "ontology/stalin-kg.ttl", "ontology/shapes.ttl", "data/seed/"}) {
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(BASE + "/" + file)), file + " is there");
        }
        for (String folder : new String[] {"ontology", "data", "queries"}) {
            assertEquals(filesIn(Path.of(folder)), lines.stream().filter(l -> l.startsWith("-"))
                    .filter(l -> l.matches(".* " + Pattern.quote(BASE + "/" + folder + "/") + "[^/]+")).count(),
                    "every file of " + folder + "/");
        }
    }

    private static long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /**
     * Started from another folder, the launcher serves the files beside it; a class-data archive made elsewhere (the
     * build's, for target/stalin-kg.jar) is passed over without a word; SIGTERM stops the JVM, since the launcher
     * exec'd it.
     */
    @Test
    void theLauncherServesTheFilesBesideItFromAnyFolder() throws Exception {
        Path home = unpack();
        Path build = Path.of("target/stalin-kg.jsa");
        if (Files.isRegularFile(build)) {
            Files.copy(build, home.resolve("lib/stalin-kg.jsa"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = tmp.resolve("serve.log");
        Process p = new ProcessBuilder(home.resolve("bin/stalin-kg").toString(), "--host", "127.0.0.1", "--port", "0",
                "--admin-port", "-1").directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        try {
            int port = portOf(p, log);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ping = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/$/ping")).timeout(Duration.ofSeconds(30)).build(),
                    BodyHandlers.ofString());
            assertEquals(200, ping.statusCode(), ping.body());
            String query = URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", StandardCharsets.UTF_8);
            HttpResponse<String> count = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/sparql?query=" + query)).header("Accept", "text/csv")
                    .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
            assertEquals(200, count.statusCode(), count.body());
            assertTrue(Long.parseLong(count.body().lines().toList().get(1).trim()) > 1000, count.body());
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/goals")).header("Accept", "text/csv").timeout(Duration.ofSeconds(30)).build(),
                    BodyHandlers.ofString());
            assertEquals(200, api.statusCode(), "the canned queries of queries/ beside it: " + api.body());
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops it");
        }
        String output = Files.readString(log);
        assertTrue(output.contains(home.resolve("data").toString()), "the data beside the launcher:\n" + output);
        assertFalse(output.contains("[cds") || output.contains("shared archive"), "no word on the class-data archive:\n"
                + output);
    }

    /** The port the launcher's JVM says it serves at, once it has started. */
    private static int portOf(Process p, Path log) throws Exception {
        Pattern served = Pattern.compile("served at http://127\\.0\\.0\\.1:(\\d+)/sparql");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = served.matcher(text);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!p.isAlive()) {
                throw new AssertionError("the launcher stopped:\n" + text);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not started in 180 s:\n" + Files.readString(log));
    }

    /** JAVA_OPTS replaces the default JVM options; a --root given wins over the launcher's; a link to it works. */
    @Test
    void theLauncherTakesJavaOptsAndTheRootGiven() throws Exception {
        Path home = unpack();
        String launcher = home.resolve("bin/stalin-kg").toString();
        Run plain = run(tmp, Map.of(), launcher, "--version");
        assertEquals(0, plain.status(), plain.output());
        List<String> lines = plain.output().lines().toList();
        assertEquals("stalin-kg " + Versions.BUILD.version(), lines.get(0));
        assertTrue(lines.get(2).endsWith("(ontology/ and data/ of " + home + ")"), lines.get(2));

        Run vm = run(tmp, Map.of("JAVA_OPTS", "-Xmx97m -XshowSettings:vm"), launcher, "validate", "--version");
        assertEquals(0, vm.status(), vm.output());
        assertTrue(vm.output().contains("Max. Heap Size: 97.00M"), vm.output());
        assertTrue(vm.output().contains("(ontology/ and data/ of " + home + ")"), "a command gets the root too");
        Run defaults = run(tmp, Map.of("JAVA_OPTS", ""), launcher, "--version");
        assertEquals(lines, defaults.output().lines().toList(), "an empty JAVA_OPTS is the default");

        Run elsewhere = run(tmp, Map.of(), launcher, "--root", tmp.toString(), "--version");
        assertEquals(0, elsewhere.status(), elsewhere.output());
        assertTrue(elsewhere.output().contains("data unknown: " + tmp.resolve("ontology")), elsewhere.output());

        Path link = Files.createSymbolicLink(tmp.resolve("stalin-kg"), home.resolve("bin/stalin-kg"));
        Run linked = run(Path.of("/"), Map.of(), link.toString(), "--version");
        assertEquals(lines, linked.output().lines().toList(), "started through a link");
    }

    /** bin/stalin-kg-cds makes an archive for this folder and this JVM, which then maps even with -Xshare:on. */
    @Test
    void theClassDataArchiveMadeInPlaceIsUsed() throws Exception {
        Path home = unpack();
        Run cds = run(tmp, Map.of(), home.resolve("bin/stalin-kg-cds").toString());
        assertEquals(0, cds.status(), cds.output());
        assertTrue(Files.size(home.resolve("lib/stalin-kg.jsa")) > 1_000_000, cds.output());
        // -Xshare:on makes a JVM that cannot map the archive stop instead of going on without it.
        Run on = run(tmp, Map.of("JAVA_OPTS", "-Xmx160m -XX:+UseSerialGC -Xshare:on"),
                home.resolve("bin/stalin-kg").toString(), "--version");
        assertEquals(0, on.status(), on.output());
        assertTrue(on.output().startsWith("stalin-kg " + Versions.BUILD.version()), on.output());
    }

    @Test
    void theSystemdUnitIsSandboxedAndValid() throws Exception {
        Path home = unpack();
        String unit = Files.readString(home.resolve("stalin-kg.service"));
        List<String> directives = unit.lines().map(String::strip).filter(l -> !l.startsWith("#") && l.contains("="))
                .toList();
        for (String required : new String[] {"DynamicUser=yes", "ProtectSystem=strict", "ProtectHome=yes",
            "NoNewPrivileges=yes", "PrivateTmp=yes", "PrivateDevices=yes", "CapabilityBoundingSet=",
            "ExecStart=/opt/stalin-kg/bin/stalin-kg serve --config /etc/stalin-kg/stalin-kg.properties"}) {
            assertTrue(directives.contains(required), "the unit says " + required);
        }
        assertFalse(directives.stream().anyMatch(d -> d.startsWith("MemoryDenyWriteExecute")),
                "the JIT writes code it runs: MemoryDenyWriteExecute would stop the JVM");
        Path systemdAnalyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(systemdAnalyze)) {
            System.out.println("DistributionIT: systemd-analyze is absent, the unit's syntax was not verified");
            return;
        }
        Path copy = tmp.resolve("stalin-kg.service");
        Files.writeString(copy, unit.replace("/opt/stalin-kg/", home + "/"));
        Run verify = run(tmp, Map.of(), systemdAnalyze.toString(), "verify", copy.toString());
        assertEquals(0, verify.status(), verify.output());
        assertEquals("", verify.output().strip(), "systemd-analyze verify finds nothing to say");
    }
}
