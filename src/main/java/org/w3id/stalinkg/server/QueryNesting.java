package org.w3id.stalinkg.server;

/**
 * How deeply a SPARQL text nests its groups, expressions and lists ({@code { ( [}), read before parsing so that a
 * query nested beyond {@link #MAX_DEPTH} is refused plainly: Jena's parser and evaluator recurse once per level, and
 * whether thousands of levels overflow a thread's stack depends on how warm the JVM is. Brackets inside string
 * literals, IRIs ({@code <...>} without white space) and comments do not count.
 */
final class QueryNesting {

    /** Far deeper than any query a person writes; far shallower than a stack overflow. */
    static final int MAX_DEPTH = 256;

    private QueryNesting() {}

    /** The greatest depth of open brackets in {@code query}. */
    static int depth(String query) {
        int depth = 0;
        int max = 0;
        int n = query.length();
        for (int i = 0; i < n; i++) {
            char c = query.charAt(i);
            switch (c) {
                case '{', '(', '[' -> max = Math.max(max, ++depth);
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                case '#' -> i = endOfLine(query, i);
                case '"', '\'' -> i = endOfString(query, i);
                case '<' -> i = endOfIri(query, i);
                default -> { }
            }
        }
        return max;
    }

    private static int endOfLine(String q, int i) {
        int end = q.indexOf('\n', i);
        return end < 0 ? q.length() : end;
    }

    /** The index of the closing quote of the literal opened at {@code i} (short or long form, with escapes). */
    private static int endOfString(String q, int i) {
        char quote = q.charAt(i);
        String triple = String.valueOf(quote).repeat(3);
        boolean longForm = q.startsWith(triple, i);
        for (int j = i + (longForm ? 3 : 1); j < q.length(); j++) {
            char c = q.charAt(j);
            if (c == '\\') {
                j++;
            } else if (longForm ? q.startsWith(triple, j) : c == quote) {
                return longForm ? j + 2 : j;
            } else if (!longForm && (c == '\n' || c == '\r')) {
                return j;
            }
        }
        return q.length();
    }

    /** The end of an IRI opened at {@code i}, or {@code i} itself when the {@code <} is a comparison. */
    private static int endOfIri(String q, int i) {
        for (int j = i + 1; j < q.length(); j++) {
            char c = q.charAt(j);
            if (c == '>') {
                return j;
            }
            if (Character.isWhitespace(c) || c == '<' || c == '"' || c == '{' || c == '}') {
                return i;
            }
        }
        return i;
    }
}
