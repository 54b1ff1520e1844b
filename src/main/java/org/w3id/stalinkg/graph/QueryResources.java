package org.w3id.stalinkg.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * The SPARQL the code runs, read from {@code src/main/resources/sparql/NAME.rq} and parsed once: no query text is
 * built in Java. Values go in as bindings ({@link SparqlStore#query}), never as text.
 */
public final class QueryResources {

    private static final Map<String, Query> PARSED = new ConcurrentHashMap<>();

    private QueryResources() {}

    /** The query {@code sparql/NAME.rq}, parsed as SPARQL 1.1. */
    public static Query get(String name) {
        return PARSED.computeIfAbsent(name, QueryResources::parse);
    }

    /** The text of {@code sparql/NAME.rq}, as a client would send it. */
    public static String text(String name) {
        String path = "/sparql/" + name + ".rq";
        try (InputStream in = QueryResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No query resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Query parse(String name) {
        return QueryFactory.create(text(name), Syntax.syntaxSPARQL_11);
    }
}
