package org.w3id.stalinkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.http.Problem;
import org.w3id.stalinkg.http.Versions;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves files from one folder of the class path: the WebJars ({@code META-INF/resources/webjars/...} at
 * {@code /webjars/...}) and our own scripts and style sheets ({@code static/...} at {@code /static/...}), so that
 * everything a page needs comes from this server, never from a CDN. Paths are mapped to class-path resources only:
 * anything but plain segments of letters, digits, dots, dashes and underscores is 404.
 */
public final class ClasspathServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The WebJars' folder. */
    public static final String WEBJARS = "META-INF/resources/webjars";

    /** Our own static files. */
    public static final String STATIC = "static";
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

    private final String root;
    private final String cacheControl;

    /**
     * @param root         the class-path folder
     * @param cacheControl the Cache-Control of every answer: WebJar paths carry their version, so their bytes never
     *                     change; ours change with a release
     */
    public ClasspathServlet(String root, String cacheControl) {
        this.root = root;
        this.cacheControl = cacheControl;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        String extension = path == null ? "" : path.substring(path.lastIndexOf('.') + 1);
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..") || !TYPES.containsKey(extension)) {
            AnswerSender.send(req, resp, Problem.of(404, "Not Found", "No such file.").answer(req));
            return;
        }
        try (InputStream in = ClasspathServlet.class.getClassLoader().getResourceAsStream(root + path)) {
            if (in == null) {
                AnswerSender.send(req, resp, Problem.of(404, "Not Found", "No such file.").answer(req));
                return;
            }
            // The files are part of the build: the build's version and the path name their bytes.
            AnswerSender.send(req, resp, Answer.ok(TYPES.get(extension), in.readAllBytes())
                    .withCacheControl(cacheControl).withEtag(HttpLib.etag(Versions.BUILD.version(), root, path)));
        }
    }
}
