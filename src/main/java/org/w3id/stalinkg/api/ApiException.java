package org.w3id.stalinkg.api;

import org.w3id.stalinkg.http.Problem;

/**
 * A request the API refuses: the HTTP status, a short message naming what was wrong, and the offending request
 * parameter where there is one. {@link #problem()} is the answer a client gets.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How long a client should wait before asking again after a time-out (503), in seconds. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final int status;
    private final String parameter;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    /** A refusal caused by the request parameter {@code parameter} (null when no one parameter is to blame). */
    public ApiException(int status, String message, String parameter) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    public int status() {
        return status;
    }

    /** The request parameter that caused the refusal, or null. */
    public String parameter() {
        return parameter;
    }

    /** The refusal as an RFC 9457 problem, with Retry-After on a time-out and Allow on a method not allowed. */
    public Problem problem() {
        Problem p = Problem.of(status, reason(status), getMessage());
        if (parameter != null) {
            p = p.parameter(parameter);
        }
        return switch (status) {
            case 503 -> p.header("Retry-After", RETRY_AFTER_SECONDS);
            case 405 -> p.header("Allow", "GET, HEAD, OPTIONS");
            default -> p;
        };
    }

    /** The reason phrase of {@code status}: the problem's title. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
