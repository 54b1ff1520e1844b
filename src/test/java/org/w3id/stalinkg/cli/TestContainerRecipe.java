package org.w3id.stalinkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3id.stalinkg.http.Versions;

/**
 * The Dockerfile, read as Docker reads it (there is no container engine here to build it): instructions joined over
 * their continued lines, comments dropped, grouped by stage. What is checked is what a deployment relies on.
 */
class TestContainerRecipe {

    /** One instruction: its keyword in upper case and the rest of it. */
    record Instruction(String keyword, String args) {}

    /** The instructions of each stage, in order; stage 0 starts with the first FROM. */
    static List<List<Instruction>> stages(String dockerfile) {
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && logical.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            String[] parts = logical.toString().strip().split("\\s+", 2);
            logical.setLength(0);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            assertFalse(stages.isEmpty(), "an instruction before FROM: " + instruction);
            stages.get(stages.size() - 1).add(instruction);
        }
        return stages;
    }

    private static List<List<Instruction>> dockerfile() throws IOException {
        return stages(Files.readString(Path.of("Dockerfile")));
    }

    private static List<String> all(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
    }

    private static String last(List<Instruction> stage, String keyword) {
        List<String> found = all(stage, keyword);
        assertFalse(found.isEmpty(), "no " + keyword + " in the final stage");
        return found.get(found.size() - 1);
    }

    @Test
    void everyStageIsOnTheJre17BaseImage() throws IOException {
        for (List<Instruction> stage : dockerfile()) {
            assertTrue(stage.get(0).args().matches("eclipse-temurin:17-jre(\\s+AS\\s+\\w+)?"), stage.get(0).args());
        }
    }

    @Test
    void itIsBuiltOnTheDistributionArchiveOfThisVersion() throws IOException {
        List<List<Instruction>> stages = dockerfile();
        for (List<Instruction> stage : stages) {
            assertTrue(all(stage, "ARG").contains("VERSION=" + Versions.BUILD.version()),
                    "ARG VERSION is the pom's version, " + Versions.BUILD.version());
        }
        List<Instruction> unpack = stages.get(0);
        assertTrue(all(unpack, "COPY").stream().anyMatch(c -> c.startsWith("target/stalin-kg-${VERSION}.tar.gz ")),
                "the archive is copied in: " + all(unpack, "COPY"));
        assertTrue(all(unpack, "RUN").stream().anyMatch(r -> r.contains("tar -xzf")), "and unpacked");
        List<Instruction> image = stages.get(stages.size() - 1);
        assertTrue(all(image, "COPY").stream().anyMatch(c -> c.matches("--from=\\w+ /opt/stalin-kg /opt/stalin-kg")),
                "the final image takes the unpacked folder: " + all(image, "COPY"));
        assertTrue(all(image, "RUN").contains("/opt/stalin-kg/bin/stalin-kg-cds"),
                "the class-data archive is made for the image's JVM and path");
    }

    @Test
    void itRunsAsAUserThatIsNotRoot() throws IOException {
        List<List<Instruction>> stages = dockerfile();
        List<Instruction> image = stages.get(stages.size() - 1);
        String user = last(image, "USER");
        Matcher m = Pattern.compile("(\\d+)(?::(\\d+))?").matcher(user);
        assertTrue(m.matches(), "USER by number, so that an orchestrator can check it is not root: " + user);
        assertFalse(m.group(1).equals("0") || "0".equals(m.group(2)), user);
        assertTrue(all(image, "RUN").stream().anyMatch(r -> r.contains("useradd") && r.contains("--uid " + m.group(1))),
                "the user is created");
        int userAt = image.indexOf(new Instruction("USER", user));
        int entryAt = image.indexOf(new Instruction("ENTRYPOINT", last(image, "ENTRYPOINT")));
        assertTrue(userAt >= 0 && userAt < entryAt, "USER comes before the ENTRYPOINT");
    }

    @Test
    void itServesPort3030WithAHealthCheckOnPing() throws IOException {
        List<List<Instruction>> stages = dockerfile();
        List<Instruction> image = stages.get(stages.size() - 1);
        assertEquals("3030", last(image, "EXPOSE"));
        String health = last(image, "HEALTHCHECK");
        assertTrue(health.matches("(--\\S+\\s+)*CMD .*"), health);
        assertTrue(health.contains("\"curl\"") && health.contains("\"--fail\""), health);
        assertTrue(health.contains("\"http://127.0.0.1:3030/$/ping\""), health);
        assertEquals("[\"/opt/stalin-kg/bin/stalin-kg\"]", last(image, "ENTRYPOINT"));
        String cmd = last(image, "CMD");
        assertTrue(cmd.contains("\"--host\", \"0.0.0.0\"") && cmd.contains("\"--port\", \"3030\""), cmd);
    }

    @Test
    void theBuildContextIsTheArchiveAlone() throws IOException {
        List<String> patterns = Files.readString(Path.of(".dockerignore")).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        String archive = "target/stalin-kg-" + Versions.BUILD.version() + ".tar.gz";
        assertFalse(ignored(patterns, archive), archive + " must reach the builder");
        for (String other : new String[] {".git", "src/main/java/x.java", "target/stalin-kg.jar", "data/goals.ttl"}) {
            assertTrue(ignored(patterns, other), other + " need not reach the builder");
        }
    }

    /** Whether {@code path} is left out: the last pattern that matches decides, a leading ! lets it in. */
    private static boolean ignored(List<String> patterns, String path) {
        boolean ignored = false;
        for (String pattern : patterns) {
            boolean keep = pattern.startsWith("!");
            String glob = keep ? pattern.substring(1) : pattern;
            if (FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(path))
                    || (glob.equals("*"))) {
                ignored = !keep;
            }
        }
        return ignored;
    }

    @Test
    void theReadmeSaysHowToBuildAndRunIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("docker build -t stalin-kg ."), "README: docker build");
        assertTrue(readme.contains("docker run") && readme.contains(":/opt/stalin-kg/data:ro"),
                "README: docker run with a mounted data folder");
    }
}
