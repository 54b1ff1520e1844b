package org.w3id.stalinkg.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.atlas.web.AcceptList;
import org.eclipse.jetty.http.HttpStatus;
import org.apache.jena.atlas.web.MediaType;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.Problem;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * What the SPARQL protocol endpoint answers that Fuseki does not: {@code HEAD} (the headers a GET would get, no
 * body; CORS advertises it), and 406 with the offered types for an {@code Accept} that names none of them (Fuseki
 * falls back to XML for a SELECT asked for {@code image/png}).
 */
final class SparqlProtocolFilter implements Filter {

    /** Every type a query's answer can take: results (SELECT, ASK) and graphs (CONSTRUCT, DESCRIBE). */
    static final List<String> OFFERED = List.of("application/sparql-results+json", "application/sparql-results+xml",
            "text/csv", "text/tab-separated-values", "application/json", "application/xml", "text/turtle",
            "application/n-triples", "application/ld+json", "application/rdf+xml", "text/plain");

    private static final AcceptList OFFERS = AcceptList.create(OFFERED.toArray(String[]::new));

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String accept = req.getHeader("Accept");
        if (accept != null && !accept.isBlank() && !acceptable(accept)) {
            AnswerSender.send(req, resp, Problem.of(406, "Not Acceptable", "Cannot answer in " + accept
                    + ". A query's answer is offered as: " + String.join(", ", OFFERED) + ".").answer(req));
            return;
        }
        boolean head = "HEAD".equals(req.getMethod());
        ErrorCapture capture = new ErrorCapture(head ? new NoBody(resp) : resp);
        chain.doFilter(head ? asGet(req) : req, capture);
        if (capture.status >= 400 && !resp.isCommitted()) {
            // Fuseki writes its errors as plain text; they leave here as problems, its message (with the line and
            // column of a syntax error) as the detail.
            String message = capture.buffer.toString(StandardCharsets.UTF_8).strip();
            Problem problem = Problem.of(capture.status, HttpStatus.getMessage(capture.status),
                    message.isEmpty() ? HttpStatus.getMessage(capture.status) : message);
            if (capture.status == 400 && req.getParameter("query") != null) {
                problem = problem.parameter("query");
            }
            for (String h : new String[] {"Retry-After", "Allow"}) {
                if (capture.getHeader(h) != null) {
                    problem = problem.header(h, capture.getHeader(h));
                }
            }
            AnswerSender.send(req, head ? new NoBody(resp) : resp, problem.answer(req));
        }
    }

    /** A response that, once an error status is set, keeps the error's body to be rewritten as a problem. */
    private static final class ErrorCapture extends HttpServletResponseWrapper {

        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        private int status = 200;

        ErrorCapture(HttpServletResponse resp) {
            super(resp);
        }

        private boolean capturing() {
            return status >= 400;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void setStatus(int sc) {
            if (!isCommitted()) {
                status = sc;
            }
            if (!capturing()) {
                super.setStatus(sc);
            }
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            buffer.writeBytes((msg == null ? "" : msg).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void setContentType(String type) {
            if (!capturing()) {
                super.setContentType(type);
            }
        }

        @Override
        public void setContentLength(int len) {
            if (!capturing()) {
                super.setContentLength(len);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!capturing()) {
                return super.getOutputStream();
            }
            return new BlockingStream(buffer);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!capturing()) {
                return super.getWriter();
            }
            return new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
        }
    }

    private static boolean acceptable(String accept) {
        try {
            MediaType chosen = AcceptList.match(new AcceptList(accept), OFFERS);
            return chosen != null;
        } catch (RuntimeException ex) {
            return true;  // an Accept that does not parse is Fuseki's to judge, as before
        }
    }

    private static HttpServletRequest asGet(HttpServletRequest req) {
        return new HttpServletRequestWrapper(req) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
    }

    /** A response whose body is dropped: the answer to HEAD. */
    private static final class NoBody extends HttpServletResponseWrapper {

        private final ServletOutputStream sink = new BlockingStream(java.io.OutputStream.nullOutputStream());

        NoBody(HttpServletResponse resp) {
            super(resp);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return sink;
        }

        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(new java.io.OutputStreamWriter(sink, StandardCharsets.UTF_8));
        }

        @Override
        public void setContentLength(int len) {
            super.setContentLength(len);
        }
    }
}
