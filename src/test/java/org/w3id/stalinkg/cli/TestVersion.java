package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.stalinkg.graph.ProjectFiles;
import org.w3id.stalinkg.http.Versions;

import picocli.CommandLine;

/** {@code --version}: the version, the commit built from, and the content hashes of what would be served. */
class TestVersion {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    /** The lines {@code --version} prints for {@code args}; the command must exit 0 and say nothing on stderr. */
    private List<String> version(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = StalinKgCmd.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        assertEquals(0, StalinKgCmd.execute(cmd, args), err.toString());
        assertEquals("", err.toString());
        return out.toString().lines().toList();
    }

    @Test
    void versionCommitAndTheContentHashOfTheDataLoaded() throws Exception {
        List<String> lines = version("--version");
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals("stalin-kg " + Versions.BUILD.version(), lines.get(0));
        assertEquals("commit " + gitHead(), lines.get(1));
        // The same hash a load of the files has: the one the ETags, VoID and a TDB2 manifest rest on.
        assertTrue(lines.get(2).startsWith("data sha256:" + ProjectFiles.bundledGraph().contentHash() + " "),
                lines.get(2));
        long queries;
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            queries = files.filter(f -> f.toString().endsWith(".rq")).count();
        }
        assertTrue(lines.get(3).matches("queries sha256:[0-9a-f]{64} \\(" + queries + " files of .*queries\\)"),
                lines.get(3));
    }

    /** The commit as git says, or "unknown" where there is no git or no checkout (a build from a source archive). */
    private static String gitHead() throws Exception {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException noGit) {
            return "unknown";
        }
    }

    @Test
    void eachHashFollowsItsOwnFilesUnderTheRootGiven() throws Exception {
        for (String folder : new String[] {"ontology", "data", "queries"}) {
            copyFiles(Path.of(folder), tmp.resolve(folder));
        }
        List<String> here = version("--version");
        List<String> copy = version("--root", tmp.toString(), "--version");
        assertEquals(hash(here.get(2)), hash(copy.get(2)), "the same files, the same data hash");
        assertEquals(hash(here.get(3)), hash(copy.get(3)), "the same files, the same queries hash");
        assertTrue(copy.get(2).contains(tmp.toAbsolutePath().toString()), copy.get(2));

        Files.writeString(tmp.resolve("queries/goals.rq"), "\n", StandardOpenOption.APPEND);
        List<String> query = version("--root", tmp.toString(), "--version");
        assertEquals(hash(here.get(2)), hash(query.get(2)), "a query is not data");
        assertNotEquals(hash(here.get(3)), hash(query.get(3)), "a changed query changes the queries hash");

        Files.writeString(tmp.resolve("data/goals.ttl"), "\n", StandardOpenOption.APPEND);
        List<String> data = version("--root", tmp.toString(), "--version");
        assertNotEquals(hash(here.get(2)), hash(data.get(2)), "a changed data file changes the data hash");
        assertEquals(version("validate", "--root", tmp.toString(), "--version"), data, "each command says the same");
    }

    @Test
    void aRootWithoutTheFilesSaysWhatIsMissingInALine() {
        List<String> lines = version("serve", "--root", tmp.toString(), "--version");
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).startsWith("data unknown: ") && lines.get(2).contains("no such folder"), lines.get(2));
        assertTrue(lines.get(3).startsWith("queries unknown: ") && lines.get(3).contains("cannot be read"),
                lines.get(3));
        for (String line : lines) {
            assertFalse(line.matches(".*\\b\\w+(Exception|Error)\\b.*"), line);
        }
    }

    @Test
    void aConfigFileGivesTheRootToo() throws Exception {
        Path config = tmp.resolve("c.properties");
        Files.writeString(config, "root = " + tmp.resolve("elsewhere") + "\n");
        List<String> lines = version("--config", config.toString(), "--version");
        assertTrue(lines.get(2).contains("elsewhere"), lines.get(2));
    }

    private static String hash(String line) {
        return line.split(" ")[1];
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }
}
