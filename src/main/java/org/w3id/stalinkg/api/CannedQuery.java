package org.w3id.stalinkg.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.w3id.stalinkg.vocab.SKG;

/**
 * One question the API answers: a {@code queries/NAME.rq} file, served at {@code /api/NAME}. Its header comments
 * declare what it is for and its parameters, in the spirit of grlc's decorators:
 *
 * <pre>
 * # Policies that served a goal                       (title)
 * #+ summary: Policies that served a given goal       (required, one line)
 * #+ description: Longer text, which may go on       (optional)
 * #+   on lines that start with "#+" and two spaces
 * #+ param: goal iri:goal required e.g. industrialization -- the goal
 * #+ param: from year optional default 1922 e.g. 1930 -- the first year
 * #+ tags: goals, policies
 * </pre>
 *
 * The query is plain SPARQL 1.1, parsed once; each parameter binds the variable of its name. {@code text} is the
 * file as written, for people who want to read or adapt it.
 */
public record CannedQuery(String name, Path file, String title, String summary, String description,
                          List<String> tags, List<QueryParam> params, Query query, String text) {

    /** The parameter that chooses a result format; no query may declare it. */
    public static final String FORMAT_PARAM = "format";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KEY_LINE = Pattern.compile("#\\+ ([a-z-]+):\\s*(.*)");
    private static final Pattern CONTINUATION = Pattern.compile("#\\+ {2,}(\\S.*)");
    private static final Pattern PARAM_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    public CannedQuery {
        Objects.requireNonNull(name, "name");
        tags = List.copyOf(tags);
        params = List.copyOf(params);
    }

    /** True if the query yields a graph (CONSTRUCT, DESCRIBE), false for a result set (SELECT, ASK). */
    public boolean answersWithGraph() {
        return !query.isSelectType() && !query.isAskType();
    }

    /** The parameter called {@code paramName}, or null. */
    public QueryParam param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst().orElse(null);
    }

    /**
     * Reads and checks one query file.
     *
     * @throws CannedQueryException naming the file and line of the first problem
     */
    public static CannedQuery read(Path file) {
        return read(file, SKG.ID_BASE);
    }

    /**
     * Reads and checks one query file, its text (header examples included) with the things' canonical namespace
     * moved to {@code things}: a deployment under another base ({@code --base-url}) asks of its own IRIs.
     *
     * @throws CannedQueryException naming the file and line of the first problem
     */
    public static CannedQuery read(Path file, String things) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".rq") ? fileName.substring(0, fileName.length() - 3) : fileName;
        if (!NAME.matcher(name).matches()) {
            throw new CannedQueryException(file + ":1: the file name must be kebab-case NAME.rq (a-z, 0-9, -)");
        }
        String text;
        try {
            text = Files.readString(file).replace(SKG.ID_BASE, things);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Header header = Header.parse(file, text);
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException ex) {
            throw new CannedQueryException(file + ":" + position(ex) + ": " + ex.getMessage());
        }
        String body = text.lines().filter(l -> !l.strip().startsWith("#")).reduce("", (a, b) -> a + "\n" + b);
        for (QueryParam p : header.params) {
            if (!Pattern.compile("[?$]" + Pattern.quote(p.name()) + "\\b").matcher(body).find()) {
                throw new CannedQueryException(file + ":" + header.lineOf.get(p.name())
                        + ": parameter '" + p.name() + "' binds ?" + p.name() + ", which the query does not use");
            }
        }
        return new CannedQuery(name, file, header.title, header.summary, header.description, header.tags,
                header.params, query, text);
    }

    /**
     * {@code line:column} of a parse error. A lexical error (JavaCC's TokenMgrError) reaches us with line 0 and
     * column 0 and the position only in its message ("Lexical error at line 2, column 6"): take it from there.
     */
    private static String position(QueryParseException ex) {
        if (ex.getLine() > 0) {
            return ex.getLine() + ":" + ex.getColumn();
        }
        Matcher m = LEXICAL_POSITION.matcher(String.valueOf(ex.getMessage()));
        return m.find() ? m.group(1) + ":" + m.group(2) : "1";
    }

    /** The parsed header; built line by line. */
    private static final class Header {
        String title = "";
        String summary;
        String description = "";
        List<String> tags = List.of();
        final List<QueryParam> params = new ArrayList<>();
        final Map<String, Integer> lineOf = new LinkedHashMap<>();

        static Header parse(Path file, String text) {
            Header h = new Header();
            String lastKey = null;
            int lineNo = 0;
            for (String line : text.lines().toList()) {
                lineNo++;
                String where = file + ":" + lineNo + ": ";
                if (line.startsWith("#+")) {
                    Matcher cont = CONTINUATION.matcher(line);
                    if (cont.matches()) {
                        if (!"description".equals(lastKey)) {
                            throw new CannedQueryException(where + "a continuation line must follow #+ description:");
                        }
                        h.description = h.description + " " + cont.group(1).strip();
                        continue;
                    }
                    Matcher m = KEY_LINE.matcher(line);
                    if (!m.matches()) {
                        throw new CannedQueryException(where + "expected '#+ key: value', found: " + line);
                    }
                    lastKey = m.group(1);
                    String value = m.group(2).strip();
                    switch (lastKey) {
                        case "summary" -> {
                            if (h.summary != null) {
                                throw new CannedQueryException(where + "a second #+ summary:");
                            }
                            h.summary = value;
                        }
                        case "description" -> h.description = value;
                        case "tags" -> h.tags = List.of(value.split("\\s*,\\s*"));
                        case "param" -> {
                            QueryParam p = param(where, value);
                            if (h.lineOf.containsKey(p.name())) {
                                throw new CannedQueryException(where + "parameter '" + p.name() + "' declared twice");
                            }
                            h.params.add(p);
                            h.lineOf.put(p.name(), lineNo);
                        }
                        default -> throw new CannedQueryException(where + "unknown header key '" + lastKey
                                + "' (known: summary, description, tags, param)");
                    }
                } else if (line.startsWith("# ") && h.title.isEmpty() && h.summary == null) {
                    h.title = line.substring(2).strip();
                } else if (!line.startsWith("#")) {
                    lastKey = null;
                }
            }
            if (h.summary == null || h.summary.isEmpty()) {
                throw new CannedQueryException(file + ":1: no '#+ summary:' line");
            }
            return h;
        }

        /** {@code NAME TYPE[:KIND] required|optional [default V] [e.g. V] [-- DESCRIPTION]} */
        static QueryParam param(String where, String spec) {
            String description = "";
            int dashes = spec.indexOf(" -- ");
            if (dashes >= 0) {
                description = spec.substring(dashes + 4).strip();
                spec = spec.substring(0, dashes);
            }
            String[] tokens = spec.strip().split("\\s+");
            if (tokens.length < 3) {
                throw new CannedQueryException(where + "expected '#+ param: NAME TYPE required|optional ...'");
            }
            String name = tokens[0];
            if (!PARAM_NAME.matcher(name).matches() || name.equals(FORMAT_PARAM)) {
                throw new CannedQueryException(where + "bad parameter name '" + name + "'"
                        + (name.equals(FORMAT_PARAM) ? " (reserved for the result format)" : ""));
            }
            String[] typeAndKind = tokens[1].split(":", 2);
            ParamType type = ParamType.byKeyword(typeAndKind[0]);
            if (type == null) {
                throw new CannedQueryException(where + "unknown type '" + typeAndKind[0]
                        + "' (known: iri, iri:KIND, string, lang, integer, year, date)");
            }
            String kind = typeAndKind.length > 1 ? typeAndKind[1] : null;
            if (kind != null && (type != ParamType.IRI || !NAME.matcher(kind).matches())) {
                throw new CannedQueryException(where + "only an iri parameter has a kind, written iri:KIND");
            }
            boolean required = required(where, tokens[2]);
            String defaultValue = null;
            String example = null;
            for (int i = 3; i < tokens.length; i += 2) {
                if (i + 1 >= tokens.length) {
                    throw new CannedQueryException(where + "'" + tokens[i] + "' needs a value");
                }
                switch (tokens[i]) {
                    case "default" -> defaultValue = tokens[i + 1];
                    case "e.g." -> example = tokens[i + 1];
                    default -> throw new CannedQueryException(where + "unexpected '" + tokens[i]
                            + "' (expected 'default VALUE', 'e.g. VALUE' or '-- description')");
                }
            }
            if (required && defaultValue != null) {
                throw new CannedQueryException(where + "a required parameter has no default");
            }
            if (required && example == null) {
                throw new CannedQueryException(where + "a required parameter needs an example ('e.g. VALUE')");
            }
            QueryParam p = new QueryParam(name, type, kind, required, defaultValue, example, description);
            for (String value : new String[] {defaultValue, example}) {
                checkValue(where, p, value);
            }
            return p;
        }

        private static boolean required(String where, String token) {
            return switch (token) {
                case "required" -> true;
                case "optional" -> false;
                default -> throw new CannedQueryException(where + "expected 'required' or 'optional', found '"
                        + token + "'");
            };
        }

        /** A default or an example must be a value the parameter accepts. */
        private static void checkValue(String where, QueryParam p, String value) {
            if (value == null) {
                return;
            }
            try {
                p.bind(value);
            } catch (IllegalArgumentException ex) {
                throw new CannedQueryException(where + ex.getMessage());
            }
        }
    }
}
