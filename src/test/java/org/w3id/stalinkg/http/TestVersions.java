package org.w3id.stalinkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TestVersions {

    @Test
    void theVersionIsThePomsVersion() throws Exception {
        Matcher m = Pattern.compile("</modelVersion>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>[^<]+</artifactId>"
                + "\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "no project version in pom.xml");
        assertEquals(m.group(1), Versions.BUILD.version());
    }

    @Test
    void theCommitIsAFullHashOrUnknown() {
        String commit = Versions.BUILD.commit();
        assertTrue(commit.matches("[0-9a-f]{40}") || commit.equals("unknown"), commit);
    }

    /** A build outside a git checkout, or a resource Maven did not filter, says "unknown", never "${buildNumber}". */
    @Test
    void aCommitThatWasNotFilledInIsUnknown() {
        assertEquals("unknown", Versions.commit(null));
        assertEquals("unknown", Versions.commit(""));
        assertEquals("unknown", Versions.commit("${buildNumber}"));
        assertEquals("unknown", Versions.commit("unknown"));
        assertEquals("5af3cfa1e58cc8ac288e9ce32ab36f3484b7b796",
                Versions.commit("5af3cfa1e58cc8ac288e9ce32ab36f3484b7b796"));
    }
}
