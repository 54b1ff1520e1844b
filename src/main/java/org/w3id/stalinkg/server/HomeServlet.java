package org.w3id.stalinkg.server;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The home page, mapped to the root path only: what the graph is and the ways in. */
public final class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] home;

    public HomeServlet(long triples) {
        StringWriter out = new StringWriter();
        new DefaultMustacheFactory("templates").compile("home.mustache")
                .execute(out, Map.of("triples", String.format("%,d", triples)));
        this.home = out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentLength(home.length);
        resp.getOutputStream().write(home);
    }
}
