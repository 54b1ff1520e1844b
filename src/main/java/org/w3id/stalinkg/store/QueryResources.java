package org.w3id.stalinkg.store;

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

    private static Query parse(String name) {
        String path = "/sparql/" + name + ".rq";
        try (InputStream in = QueryResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No query resource " + path);
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8), Syntax.syntaxSPARQL_11);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
