package org.w3id.stalinkg.linkeddata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Graph;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The published JSON-LD context, {@code /context.jsonld}, that every JSON-LD document of ours refers to. */
public final class ContextServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Graph ontology;
    private final transient PublicBase base;

    public ContextServlet(Graph ontology, PublicBase base) {
        this.ontology = ontology;
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = JsonLdLib.contextDocument(ontology, base.of(req)).getBytes(StandardCharsets.UTF_8);
        resp.setContentType("application/ld+json; charset=utf-8");
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
