package org.w3id.stalinkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the files of WebJars on the class path ({@code META-INF/resources/webjars/...}) at {@code /webjars/...}, so
 * that every script and style sheet a page needs comes from this server, never from a CDN. Paths are mapped to
 * class-path resources only: anything but plain segments of letters, digits, dots, dashes and underscores is 404.
 */
public final class WebJarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String ROOT = "META-INF/resources/webjars";
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "map", "application/json; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        String extension = path == null ? "" : path.substring(path.lastIndexOf('.') + 1);
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..") || !TYPES.containsKey(extension)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = WebJarServlet.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            byte[] bytes = in.readAllBytes();
            resp.setContentType(TYPES.get(extension));
            // WebJar paths carry their version: the bytes behind a path never change.
            resp.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        }
    }
}
