package org.w3id.stalinkg.api;

/** A request the API refuses: the HTTP status and a short message naming what was wrong. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
