package org.w3id.stalinkg.server;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.w3id.stalinkg.linkeddata.PageLib;

import com.github.mustachejava.DefaultMustacheFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page whose content is fixed for the life of the server (the query editor, the timeline: their data comes from
 * the API in the browser), rendered once from its template. The model holds the versions of the WebJars the page
 * loads ({@code yasguiVersion}, {@code cytoscapeVersion}, {@code swaggerUiVersion}) plus what the caller adds.
 */
public final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] page;

    public PageServlet(String template) {
        this(template, Map.of());
    }

    public PageServlet(String template, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(PageLib.versions());
        all.putAll(model);
        StringWriter out = new StringWriter();
        new DefaultMustacheFactory("templates").compile(template).execute(out, all);
        this.page = out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentLength(page.length);
        resp.getOutputStream().write(page);
    }
}
