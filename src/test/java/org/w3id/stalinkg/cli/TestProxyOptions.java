package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** {@code --trusted-proxy} and {@code --base-path}, on the command line and in a --config file; nothing is loaded. */
class TestProxyOptions {

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

    private String line(String key) {
        return out.toString().lines().filter(l -> l.startsWith(key + " = ") || l.startsWith("# " + key + " ="))
                .findFirst().orElse("(none for " + key + ")\n" + out);
    }

    @Test
    void trustedProxiesAreRepeatableAndCommaSeparated() {
        assertEquals(0, run("serve", "--trusted-proxy", "127.0.0.1/32", "--trusted-proxy", "10.0.0.0/8,::1/128",
                "--base-path", "/kg/", "--print-config"), err.toString());
        assertTrue(line("trusted-proxy").matches("trusted-proxy = 127\\.0\\.0\\.1/32,10\\.0\\.0\\.0/8,::1/128 +# command line"),
                line("trusted-proxy"));
        assertTrue(line("base-path").matches("base-path = /kg/ +# command line"), line("base-path"));
    }

    @Test
    void noProxyIsTrustedByDefaultAndTheSiteIsAtTheRoot() {
        assertEquals(0, run("serve", "--print-config"), err.toString());
        assertTrue(line("trusted-proxy").startsWith("# trusted-proxy ="), line("trusted-proxy"));
        assertTrue(line("base-path").matches("base-path = / +# default"), line("base-path"));
    }

    @Test
    void aConfigFileSetsThemToo() throws IOException {
        Path file = Files.writeString(tmp.resolve("c.properties"),
                "trusted-proxy = 127.0.0.1, 192.168.0.0/16\nbase-path = /a/kg/\n");
        assertEquals(0, run("serve", "--config", file.toString(), "--print-config"), err.toString());
        assertTrue(line("trusted-proxy").matches("trusted-proxy = 127\\.0\\.0\\.1, 192\\.168\\.0\\.0/16 +# .* line 1"),
                line("trusted-proxy"));
        assertTrue(line("base-path").matches("base-path = /a/kg/ +# .* line 2"), line("base-path"));
    }

    @Test
    void theFilesListBecomesTheSettingsList() throws IOException {
        Path file = Files.writeString(tmp.resolve("c.properties"), "trusted-proxy = 127.0.0.1, 192.168.0.0/16\n");
        CommandLine cmd = StalinKgCmd.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        assertEquals(0, StalinKgCmd.execute(cmd, new String[] {"serve", "--config", file.toString(), "--print-config"}));
        ServeCmd serve = cmd.getSubcommands().get("serve").getCommand();
        assertEquals(java.util.List.of("127.0.0.1", "192.168.0.0/16"), serve.serve.settings().trustedProxies());
    }

    @ParameterizedTest
    @ValueSource(strings = {"300.1.1.1", "10.0.0.0/33", "::1/129", "localhost", "10.0.0.0/x", "1.2.3", ""})
    void aTrustedProxyThatIsNotAnAddressIsRefused(String value) {
        assertEquals(2, run("serve", "--trusted-proxy", value, "--print-config"));
        assertTrue(err.toString().startsWith("Illegal --trusted-proxy=" + value + " : "), err.toString());
        assertEquals(2, err.toString().strip().lines().count(), "one line and the pointer to --help: " + err);
    }

    @Test
    void aBasePathMayLeaveOutItsFinalSlash() {
        assertEquals(0, run("serve", "--base-path", "/kg", "--print-config"), err.toString());
        assertTrue(line("base-path").matches("base-path = /kg +# command line"), line("base-path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kg", "kg/", "/kg/../", "/kg/..", "/./", "/k g/", "//", "/kg?x/", "/%2e%2e/"})
    void aBasePathThatIsNotOneIsRefused(String value) {
        assertEquals(2, run("serve", "--base-path", value, "--print-config"));
        assertTrue(err.toString().startsWith("Illegal --base-path=" + value + " : must be / or a path"),
                err.toString());
    }
}
