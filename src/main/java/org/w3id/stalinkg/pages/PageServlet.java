package org.w3id.stalinkg.pages;

import java.io.IOException;

import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.Site;
import org.w3id.stalinkg.http.Templates;
import org.w3id.stalinkg.http.Versions;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page whose content is fixed for the life of the server (the query editor, the timeline: their data comes from
 * the API in the browser), rendered once from its template with the build's {@link Versions}.
 */
public final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Answer page;

    public PageServlet(String template) {
        this.page = Answer.ok("text/html; charset=utf-8", Templates.render(template, Versions.BUILD, Site.TOP))
                .withContentEtag();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AnswerSender.send(req, resp, page);
    }
}
