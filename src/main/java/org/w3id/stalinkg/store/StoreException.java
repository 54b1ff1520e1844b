package org.w3id.stalinkg.store;

/**
 * An external SPARQL store could not be reached, answered with an error, or answered what could not be read. The
 * message says which in one line, fit for a client (it never names the store's address); the server answers it
 * with 502 Bad Gateway.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status a request answers when the store behind it fails. */
    public static final int STATUS = 502;

    public StoreException(String message) {
        super(message);
    }
}
