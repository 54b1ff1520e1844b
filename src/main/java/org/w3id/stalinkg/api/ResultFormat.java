package org.w3id.stalinkg.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * The formats the API answers in, chosen by {@code ?format=} or by {@code Accept}. SELECT and ASK results go out
 * as SPARQL results (JSON, XML, CSV, TSV) or as plain JSON for application developers; CONSTRUCT and DESCRIBE
 * results as RDF. The order of the constants is the order of preference for {@code Accept: *}{@code /*} (curl,
 * browsers' fetch): SPARQL JSON for results, Turtle for graphs.
 */
public enum ResultFormat {

    SPARQL_JSON("application/sparql-results+json", false, "sparql-json", "srj"),
    SPARQL_XML("application/sparql-results+xml", false, "sparql-xml", "xml", "srx"),
    CSV("text/csv", false, "csv"),
    TSV("text/tab-separated-values", false, "tsv"),
    /** A plain JSON array with one object per row, its keys the variable names. */
    JSON("application/json", false, "json"),
    /** A table for people, with links to the things' pages: what a browser gets. */
    HTML("text/html", false, "html"),
    TURTLE("text/turtle", true, "turtle", "ttl"),
    JSON_LD("application/ld+json", true, "jsonld", "json-ld"),
    N_TRIPLES("application/n-triples", true, "ntriples", "nt"),
    RDF_XML("application/rdf+xml", true, "rdfxml", "rdf");

    private final String mediaType;
    private final boolean graph;
    private final List<String> names;

    ResultFormat(String mediaType, boolean graph, String... names) {
        this.mediaType = mediaType;
        this.graph = graph;
        this.names = List.of(names);
    }

    /** The media type, without parameters. */
    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type header value. */
    public String contentType() {
        return mediaType.startsWith("text/") || mediaType.endsWith("json") || mediaType.endsWith("xml")
                || mediaType.equals("application/n-triples")
                ? mediaType + "; charset=utf-8" : mediaType;
    }

    /** The {@code ?format=} names, the first being the one documented. */
    public List<String> names() {
        return names;
    }

    /** True for RDF graph formats (CONSTRUCT, DESCRIBE), false for result-set formats (SELECT, ASK). */
    public boolean isGraph() {
        return graph;
    }

    /** The formats for a query that yields a graph ({@code graph}) or a result set. */
    public static List<ResultFormat> offered(boolean graph) {
        return Arrays.stream(values()).filter(f -> f.graph == graph).toList();
    }

    /**
     * Chooses the format: by {@code formatParam} when given, else by {@code accept}.
     *
     * @throws ApiException 400 for a format name we do not know; 406 for one this query cannot produce, or when
     *         nothing in {@code accept} can be produced
     */
    public static ResultFormat choose(String formatParam, String accept, boolean graph) {
        List<ResultFormat> offered = offered(graph);
        if (formatParam != null) {
            for (ResultFormat f : values()) {
                if (f.names.contains(formatParam)) {
                    if (f.graph != graph) {
                        throw new ApiException(406, "format '" + formatParam + "' cannot be produced by this query; "
                                + "it answers in " + describe(offered));
                    }
                    return f;
                }
            }
            throw new ApiException(400, "parameter 'format': unknown format '" + formatParam + "'; known: "
                    + Arrays.stream(values()).map(f -> f.names.get(0)).collect(Collectors.joining(", ")));
        }
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        AcceptList proposal;
        try {
            proposal = new AcceptList(accept);
        } catch (RuntimeException ex) {
            throw new ApiException(400, "malformed Accept header");
        }
        MediaType chosen = AcceptList.match(proposal,
                AcceptList.create(offered.stream().map(ResultFormat::mediaType).toArray(String[]::new)));
        if (chosen == null) {
            throw new ApiException(406, "cannot answer in " + accept + "; this query answers in "
                    + describe(offered) + " (or use ?format=)");
        }
        for (ResultFormat f : offered) {
            if (f.mediaType.equals(chosen.getContentTypeStr())) {
                return f;
            }
        }
        throw new IllegalStateException(chosen.toString());
    }

    private static String describe(List<ResultFormat> formats) {
        return formats.stream().map(f -> f.mediaType + " (format=" + f.names.get(0) + ")")
                .collect(Collectors.joining(", "));
    }
}
