package org.w3id.stalinkg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.w3id.stalinkg.graph.DigestLib;
import org.w3id.stalinkg.graph.GraphLoadException;
import org.w3id.stalinkg.graph.KnowledgeGraphLoader;
import org.w3id.stalinkg.http.Versions;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code --version} prints: the version (from the pom), the git commit the jar was built from ({@code unknown}
 * for a build outside a git checkout), and the content hashes of what the command would serve from its
 * {@code --root}: the data (ontology/ and data/; the hash a load of them has, on which the ETags rest) and the
 * canned queries (queries/).
 *
 * <pre>
 * stalin-kg 0.1.0
 * commit 5af3cfa1e58cc8ac288e9ce32ab36f3484b7b796
 * data sha256:3f0c... (ontology/ and data/ of /opt/stalin-kg)
 * queries sha256:91ab... (25 files of /opt/stalin-kg/queries)
 * </pre>
 */
final class VersionInfo implements CommandLine.IVersionProvider {

    @Spec
    CommandSpec spec;

    @Override
    public String[] getVersion() {
        Versions build = Versions.BUILD;
        Path root = rootOf(spec);
        return new String[] {
            "stalin-kg " + build.version(),
            "commit " + build.commit(),
            dataLine(root),
            queriesLine(root.resolve("queries")),
        };
    }

    /** The {@code --root} of the command asked (with a value from {@code --config} or the default). */
    private static Path rootOf(CommandSpec spec) {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof DataOptions data && data.root != null) {
                return data.root;
            }
        }
        return Path.of(DataOptions.DEFAULT_ROOT);
    }

    private static String dataLine(Path root) {
        try {
            String hash = KnowledgeGraphLoader.forProject(root).contentHashOfFiles();
            return "data sha256:" + hash + " (ontology/ and data/ of " + shown(root) + ")";
        } catch (GraphLoadException ex) {
            return "data unknown: " + String.join("; ", ex.problems());
        }
    }

    /** The hash of every {@code *.rq} of {@code folder}: name, a zero byte, bytes, a zero byte, sorted by name. */
    static String queriesLine(Path folder) {
        MessageDigest digest = DigestLib.sha256();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".rq")).filter(Files::isRegularFile)
                    .sorted().toList();
            for (Path file : files) {
                digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
        } catch (IOException ex) {
            return "queries unknown: " + shown(folder) + ": cannot be read";
        }
        return "queries sha256:" + HexFormat.of().formatHex(digest.digest()) + " (" + files.size() + " files of "
                + shown(folder) + ")";
    }

    private static Path shown(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
