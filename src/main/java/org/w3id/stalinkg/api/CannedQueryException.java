package org.w3id.stalinkg.api;

/** A canned query file is malformed: its header or its SPARQL. The message starts with {@code file:line:}. */
public class CannedQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CannedQueryException(String message) {
        super(message);
    }
}
