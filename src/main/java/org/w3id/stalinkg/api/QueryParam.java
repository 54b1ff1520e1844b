package org.w3id.stalinkg.api;

import java.util.Objects;

import org.apache.jena.graph.Node;
import org.w3id.stalinkg.vocab.SKG;

/**
 * One parameter of a canned query, as its header declares it:
 * <pre>
 * #+ param: NAME TYPE[:KIND] required|optional [default VALUE] [e.g. EXAMPLE] [-- DESCRIPTION]
 * </pre>
 * The parameter binds the query variable of the same name.
 *
 * @param name        the request parameter and the query variable ({@code goal} binds {@code ?goal})
 * @param type        how values are checked and turned into RDF terms
 * @param kind        for IRI parameters, the kind a bare short name resolves in ({@code goal}), or null
 * @param required    whether a request must give it
 * @param defaultValue the value used when an optional parameter is not given, or null to leave it unbound
 * @param example     a value that works, for documentation and the expected-result tests, or null
 * @param description what the parameter means, or ""
 */
public record QueryParam(String name, ParamType type, String kind, boolean required, String defaultValue,
                         String example, String description) {

    public QueryParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** The RDF term for a request value; IllegalArgumentException naming this parameter if it is not valid. */
    public Node bind(String value) {
        return bind(value, SKG.ID_BASE);
    }

    /** As {@link #bind(String)}, short names of things read under {@code things}. */
    public Node bind(String value, String things) {
        try {
            return type.parse(value, kind, things);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("parameter '" + name + "': " + ex.getMessage());
        }
    }
}
