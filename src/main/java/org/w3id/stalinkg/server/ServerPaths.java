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

    /** The readiness check: 200 when the server answers from its data, 503 while a reload loads new data. */
    public static final String READY = "/$/ready";

    /**
     * What a path is, in a few words, for the metrics: {@code sparql}; {@code api} (the canned queries, the search
     * box's search); {@code linkeddata} ({@code /id/}, {@code /doc/}, the ontology, VoID, the JSON-LD context);
     * {@code pages} (the home page, timeline, map, query editor); {@code static} (scripts, styles, WebJars);
     * {@code dumps}; {@code other} (the health checks, and any path that names nothing).
     */
    public static String endpointOf(String path) {
        if (path == null) {
            return "other";
        }
        if (path.equals(SPARQL)) {
            return "sparql";
        }
        if (isUnder(path, API) || path.equals(SEARCH)) {
            return "api";
        }
        if (path.startsWith("/id/") || path.startsWith("/doc/") || isUnder(path, "/ontology")
                || path.startsWith("/ontology.") || path.equals("/context.jsonld")
                || path.equals("/.well-known/void")) {
            return "linkeddata";
        }
        if (path.equals("/") || path.isEmpty() || path.equals("/timeline") || isUnder(path, "/map")
                || isUnder(path, "/query")) {
            return "pages";
        }
        if (path.startsWith("/static/") || path.startsWith("/webjars/")) {
            return "static";
        }
        return isUnder(path, "/dumps") ? "dumps" : "other";
    }

    /** {@code path} is {@code base} or below it. */
    private static boolean isUnder(String path, String base) {
        return path.equals(base) || path.startsWith(base + "/");
    }

    private ServerPaths() {}
}
