package org.w3id.stalinkg.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The formats the API answers in, chosen by {@code ?format=} or by {@code Accept}. SELECT and ASK results go out
 * as SPARQL results (JSON, XML, CSV, TSV) or as plain JSON for application developers; CONSTRUCT and DESCRIBE
 * results as RDF. The order of the constants is the order of preference for {@code Accept: *}{@code /*} (curl,
 * browsers' fetch): SPARQL JSON for results, Turtle for graphs.
 */
public enum ResultFormat {

    SPARQL_JSON("application/sparql-results+json", ResultSetLang.RS_JSON, false, "sparql-json", "srj"),
    SPARQL_XML("application/sparql-results+xml", ResultSetLang.RS_XML, false, "sparql-xml", "xml", "srx"),
    CSV("text/csv", ResultSetLang.RS_CSV, false, "csv"),
    TSV("text/tab-separated-values", ResultSetLang.RS_TSV, false, "tsv"),
    /** A plain JSON array with one object per row, its keys the variable names. */
    JSON("application/json", null, false, "json"),
    /** A table for people, with links to the things' pages: what a browser gets. */
    HTML("text/html", null, false, "html"),
    TURTLE("text/turtle", Lang.TURTLE, true, "turtle", "ttl"),
    JSON_LD("application/ld+json", Lang.JSONLD, true, "jsonld", "json-ld"),
    N_TRIPLES("application/n-triples", Lang.NTRIPLES, true, "ntriples", "nt"),
    RDF_XML("application/rdf+xml", Lang.RDFXML, true, "rdfxml", "rdf");

    private final String mediaType;
    private final Lang lang;
    private final boolean graph;
    private final List<String> names;

    ResultFormat(String mediaType, Lang lang, boolean graph, String... names) {
        this.mediaType = mediaType;
        this.lang = lang;
        this.graph = graph;
        this.names = List.of(names);
    }

    /** Jena's writer language for the format; null for the two of our own (plain JSON, HTML). */
    public Lang lang() {
        return lang;
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
     * @throws ApiException 400 naming {@code format} for a format name we do not know; 406 for one this query cannot
     *         produce, or when nothing in {@code accept} can be produced, naming the formats it answers in
     */
    public static ResultFormat choose(String formatParam, String accept, boolean graph) {
        List<ResultFormat> offered = offered(graph);
        if (formatParam == null) {
            String type = Negotiation.choose(accept, offered.stream().map(ResultFormat::mediaType).toList(),
                    "this query answers in " + describe(offered) + " (or use ?format=)");
            return offered.stream().filter(f -> f.mediaType.equals(type)).findFirst().orElseThrow();
        }
        for (ResultFormat f : values()) {
            if (f.names.contains(formatParam)) {
                if (f.graph != graph) {
                    throw new ApiException(406, "format '" + formatParam + "' cannot be produced by this query; "
                            + "it answers in " + describe(offered), CannedQuery.FORMAT_PARAM);
                }
                return f;
            }
        }
        throw new ApiException(400, "parameter 'format': unknown format '" + formatParam + "'; known: "
                + Arrays.stream(values()).map(f -> f.names.get(0)).collect(Collectors.joining(", ")),
                CannedQuery.FORMAT_PARAM);
    }

    private static String describe(List<ResultFormat> formats) {
        return formats.stream().map(f -> f.mediaType + " (format=" + f.names.get(0) + ")")
                .collect(Collectors.joining(", "));
    }
}
