package org.w3id.stalinkg.linkeddata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Graph;

import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The published JSON-LD context, {@code /context.jsonld}, that every JSON-LD document of ours refers to. */
public final class ContextServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Answer context;

    public ContextServlet(Graph ontology, PublicBase base) {
        this.context = Answer.ok("application/ld+json; charset=utf-8",
                JsonLdLib.contextDocument(ontology, base.base()).getBytes(StandardCharsets.UTF_8)).withContentEtag();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AnswerSender.send(req, resp, context);
    }
}
