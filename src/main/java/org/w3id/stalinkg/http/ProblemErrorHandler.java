package org.w3id.stalinkg.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages replaced by our {@link Problem}s: every error the container or Fuseki raises with {@code
 * sendError} (an unknown path, a method not allowed, a SPARQL syntax error with its line and column, a body too
 * large) answers {@code application/problem+json}, or HTML to a browser, instead of "Powered by Jetty". The
 * message is the one the servlet gave; no stack trace is ever shown.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String title = HttpStatus.getMessage(code);
        String detail = message == null || message.isBlank() || message.equals(title) ? describe(code) : message;
        Problem problem = Problem.of(code, title, detail);
        boolean html = Problem.prefersHtml(request.getHeaders().get(HttpHeader.ACCEPT));
        byte[] body = (html ? problem.html(Site.ofPath(request.getHttpURI().getPath()), null)
                : problem.json()).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                html ? "text/html; charset=utf-8" : Problem.MEDIA_TYPE + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (code == HttpStatus.METHOD_NOT_ALLOWED_405 && !response.getHeaders().contains(HttpHeader.ALLOW)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, OPTIONS");
        }
        response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body),
                callback);
    }

    private static String describe(int code) {
        return switch (code) {
            case 404 -> "Nothing is here. Try the home page, /api for the canned queries, or /sparql.";
            case 405 -> "This method is not allowed here: this service is read-only.";
            case 413 -> "The request is too large.";
            case 414 -> "The request's URL is too long; send a long query with POST.";
            case 431 -> "The request's headers are too large.";
            default -> HttpStatus.getMessage(code) + ".";
        };
    }
}
