package org.w3id.stalinkg.server;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.Problem;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes refused plainly, on every path, before anything else runs: a method other than GET, HEAD, OPTIONS or (on
 * the paths that take one) POST, and every form of SPARQL Update ({@code ?update=}, a form with {@code update=}, a
 * body of type {@code application/sparql-update}) answer 405 "this endpoint is read-only" with an {@code Allow}
 * header, as a {@link Problem}. The dataset is read-only besides; this makes the refusal say so.
 */
final class ReadOnlyFilter implements Filter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");


    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI();
        boolean takesPost = path.equals(ServerPaths.SPARQL) || path.startsWith(ServerPaths.API + "/");
        String method = req.getMethod();
        String allow = takesPost ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS";
        if (!READS.contains(method) && !(takesPost && "POST".equals(method))) {
            refuse(req, resp, allow, "This service is read-only: " + method + " is not allowed here.");
            return;
        }
        if (path.equals(ServerPaths.SPARQL) && isUpdate(req)) {
            refuse(req, resp, allow, "This endpoint is read-only: SPARQL Update is not accepted. "
                    + "Send a query (query=...) instead.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * An update by body type, URL parameter or form field. A form's fields come from the body the limit filter
     * read and held ({@link RequestLimitFilter.BufferedBody}), so nothing is read here.
     */
    private static boolean isUpdate(HttpServletRequest req) {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        return type.startsWith("application/sparql-update") || req.getParameter("update") != null;
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse resp, String allow, String detail)
            throws IOException {
        AnswerSender.send(req, resp, Problem.of(405, "Method Not Allowed", detail).type("read-only")
                .header("Allow", allow).answer(req));
    }
}
