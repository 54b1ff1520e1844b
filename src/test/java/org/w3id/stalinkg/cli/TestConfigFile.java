package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code --config FILE} and {@code serve --print-config}: none of these loads the data. */
class TestConfigFile {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = StalinKgCmd.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return StalinKgCmd.execute(cmd, args);
    }

    private Path config(String text) throws IOException {
        return Files.writeString(tmp.resolve("stalin-kg.properties"), text);
    }

    /** The line of --print-config for {@code key}. */
    private String line(String key) {
        return out.toString().lines().filter(l -> l.startsWith(key + " = ") || l.startsWith("# " + key + " ="))
                .findFirst().orElse("(none for " + key + ")\n" + out);
    }

    @Test
    void theFileSetsOptionsAndTheCommandLineOverridesIt() throws IOException {
        Path file = config("# a deployment\nport = 3456\ntimeout: 12\n\n--max-rows = 500\nadmin-port = -1\n");
        assertEquals(0, run("serve", "--config", file.toString(), "--timeout", "7", "--print-config"), err.toString());
        assertTrue(line("port").matches("port = 3456 +# " + java.util.regex.Pattern.quote(file + " line 2")),
                line("port"));
        assertTrue(line("timeout").matches("timeout = 7 +# command line"), line("timeout"));
        assertTrue(line("max-rows").matches("max-rows = 500 +# .* line 5"), line("max-rows"));
        assertTrue(line("admin-port").matches("admin-port = -1 +# .* line 6"), line("admin-port"));
        assertTrue(line("client-errors").matches("client-errors = 30 +# default"), line("client-errors"));
        assertFalse(out.toString().contains("served at"), "nothing is served");
    }

    @Test
    void withNoCommandTheFileIsServesToo() throws IOException {
        Path file = config("port = 3999\n");
        assertEquals(0, run("--config=" + file, "--print-config"), err.toString());
        assertTrue(line("port").startsWith("port = 3999"), line("port"));
    }

    @Test
    void theExampleFileOfTheDocsIsValid() {
        Path example = Path.of("docs/stalin-kg.example.properties");
        assertEquals(0, run("serve", "--config", example.toString(), "--print-config"), err.toString());
        assertTrue(line("host").matches("host = 127.0.0.1 +# .*line \\d+"), line("host"));
    }

    @Test
    void anUnknownKeyIsRefusedNamingItAndItsLine() throws IOException {
        Path file = config("port = 3456\nprot = 3457\n");
        assertEquals(2, run("serve", "--config", file.toString()));
        assertEquals("stalin-kg: " + file + ":2: unknown key 'prot'; did you mean 'port'? (keys are the long option "
                + "names of 'stalin-kg serve', see --help)", err.toString().strip());
    }

    @Test
    void aKeyThatIsNotAnOptionToSetIsUnknown() throws IOException {
        assertEquals(2, run("serve", "--config", config("config = other.properties\n").toString()));
        assertTrue(err.toString().contains(":1: unknown key 'config'"), err.toString());
    }

    @Test
    void aMissingFileIsRefused() {
        Path file = tmp.resolve("missing.properties");
        assertEquals(2, run("serve", "--config", file.toString()));
        assertEquals("stalin-kg: " + file + ": no such file (--config)", err.toString().strip());
    }

    @Test
    void aLineThatIsNotKeyEqualsValueIsRefused() throws IOException {
        assertEquals(2, run("serve", "--config", config("port 3456\n").toString()));
        assertTrue(err.toString().contains(":1: not 'key = value': port 3456"), err.toString());
    }

    @Test
    void aRepeatedKeyIsRefused() throws IOException {
        assertEquals(2, run("serve", "--config", config("port = 1\nport = 2\n").toString()));
        assertTrue(err.toString().contains(":2: 'port' is set again (first on line 1)"), err.toString());
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheOptionAndTheLine() throws IOException {
        Path file = config("timeout = 5\nport = eighty\n");
        assertEquals(2, run("serve", "--config", file.toString()));
        String text = err.toString();
        assertTrue(text.contains("--port") && text.contains("eighty"), text);
        assertTrue(text.contains("(from " + file + " line 2)"), text);
        assertFalse(text.contains("\tat "), text);
    }

    @Test
    void aValueOutOfRangeIsRefusedNamingTheLine() throws IOException {
        Path file = config("port = 70000\n");
        assertEquals(2, run("serve", "--config", file.toString()));
        assertTrue(err.toString().startsWith("Illegal --port=70000 : must be 0 (any free port) to 65535 (from "
                + file + " line 1)"), err.toString());
    }
}
