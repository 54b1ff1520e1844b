package org.w3id.stalinkg.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What every page's template needs from the build: the versions of the WebJars it loads and of the service, and
 * the git commit it was built from ({@code unknown} when built outside a git checkout), read once from
 * {@code stalin-kg.properties} (filled in by Maven).
 */
public record Versions(String yasguiVersion, String cytoscapeVersion, String swaggerUiVersion, String leafletVersion,
                       String version, String commit) {

    /** The versions of this build. */
    public static final Versions BUILD = load();

    /** The commit as built; {@code unknown} for none, or for a resource that Maven did not fill in. */
    static String commit(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    private static Versions load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/stalin-kg.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Versions(p.getProperty("yasgui.version", ""), p.getProperty("cytoscape.version", ""),
                p.getProperty("swagger-ui.version", ""), p.getProperty("leaflet.version", ""),
                p.getProperty("version", "dev"), commit(p.getProperty("commit")));
    }
}
