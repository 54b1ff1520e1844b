package org.w3id.stalinkg.graph;

import java.util.List;

/**
 * The knowledge graph could not be loaded: a file did not parse or the graph broke a shape. Each problem is one
 * line a curator can act on ({@code data/policies.ttl:57:12: Triples not terminated by DOT}, or a SHACL result's
 * focus node, path and message). Nothing is served when this is thrown.
 */
public class GraphLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public GraphLoadException(String summary, List<String> problems) {
        super(summary + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** A problem that one line says whole. */
    public GraphLoadException(String problem) {
        super(problem);
        this.problems = List.of(problem);
    }

    /** One line per problem found. */
    public List<String> problems() {
        return problems;
    }
}
