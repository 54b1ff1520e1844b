package org.w3id.stalinkg.server;

/**
 * The public paths that the server's parts agree on: {@link KgServer} mounts its servlets there and the filters
 * ({@link AdmissionFilter}) recognise the requests by them. A class of its own so that a filter need not know the
 * class that assembles it.
 */
public final class ServerPaths {

    /** The SPARQL query endpoint. */
    public static final String SPARQL = "/sparql";

    /** The canned-query API: {@code /api}, {@code /api/NAME}, {@code /api/openapi.json}, {@code /api/docs}. */
    public static final String API = "/api";

    /** The search box's search, through the full-text index. */
    public static final String SEARCH = "/search";

    /** The health check: answers 200 while the server is up. */
    public static final String PING = "/$/ping";

    private ServerPaths() {}
}
