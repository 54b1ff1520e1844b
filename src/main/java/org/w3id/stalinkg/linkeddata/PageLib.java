package org.w3id.stalinkg.linkeddata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** What every HTML page's template needs from the build: the versions of the WebJars it loads. */
public final class PageLib {

    private static final Map<String, Object> VERSIONS = load();

    private PageLib() {}

    /** {@code yasguiVersion}, {@code cytoscapeVersion}, {@code swaggerUiVersion}, {@code version}. */
    public static Map<String, Object> versions() {
        return VERSIONS;
    }

    private static Map<String, Object> load() {
        Properties p = new Properties();
        try (InputStream in = PageLib.class.getResourceAsStream("/stalin-kg.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Map.of("yasguiVersion", p.getProperty("yasgui.version", ""),
                "cytoscapeVersion", p.getProperty("cytoscape.version", ""),
                "swaggerUiVersion", p.getProperty("swagger-ui.version", ""),
                "version", p.getProperty("version", "dev"));
    }
}
