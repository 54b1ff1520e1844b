package org.w3id.stalinkg.api;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.StableGraphLib;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Runs canned queries against the store ({@link SparqlStore}: the graph loaded here, or an external SPARQL
 * endpoint): binds request values to the query's variables as RDF terms, executes with a time limit, writes the
 * chosen format, and keeps the bytes in a bounded cache.
 * <p>
 * The local graph never changes while the server runs, so an answer is a function of (data, query, parameters,
 * format): that is the cache key, and its hash with the data's hash is the ETag, known before the query runs. An
 * external store's data may change at any time and has no hash: its answers are kept for the store's
 * {@linkplain SparqlStore#freshness() freshness} only, and each one's ETag is the hash of its bytes.
 */
public final class CannedQueryRunner {

    /**
     * An answer ready to send.
     *
     * @param capped true if the result was cut at the row limit
     * @param rows   the rows of a SELECT's answer, -1 for other queries
     * @param etag   its strong ETag, quoted
     */
    public record Answer(byte[] body, String contentType, boolean capped, int rows, String etag) {}

    private static final Mustache RESULTS_PAGE =
            new DefaultMustacheFactory("templates").compile("api-results.mustache");

    private final SparqlStore store;
    private final Duration timeout;
    private final int maxRows;
    private final Cache<String, Answer> cache;

    /** A runner over the graph loaded here ({@link LocalStore}). */
    public CannedQueryRunner(KnowledgeGraph kg, Duration timeout, long cacheBytes, int maxRows) {
        this(new LocalStore(kg), timeout, cacheBytes, maxRows);
    }

    /**
     * @param store      where the queries run
     * @param timeout    the longest a canned query may run
     * @param cacheBytes the most answer bytes kept in memory (0 switches the cache off)
     * @param maxRows    the most rows of an answer; more are cut and the answer says so
     */
    public CannedQueryRunner(SparqlStore store, Duration timeout, long cacheBytes, int maxRows) {
        this.store = store;
        this.timeout = timeout;
        this.maxRows = maxRows;
        Caffeine<String, Answer> builder = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher((String key, Answer a) -> key.length() + a.body().length)
                .recordStats();
        if (store.freshness() != null) {
            builder.expireAfterWrite(store.freshness());
        }
        this.cache = builder.build();
    }

    /** The Cache-Control of the answers: how long a client may reuse one. */
    public String cacheControl() {
        return HttpLib.cacheControl(store.freshness());
    }

    /** The most rows of an answer. */
    public int maxRows() {
        return maxRows;
    }

    /** How many answers came from the cache, and how many had to be computed: {@code [hits, misses]}. */
    public long[] cacheCounts() {
        var stats = cache.stats();
        return new long[] {stats.hitCount(), stats.missCount()};
    }

    /**
     * Checks a request's parameters against the query's declaration and turns them into RDF terms.
     *
     * @param request every request parameter with its values, except {@code format}
     * @throws ApiException 400 naming the parameter: unknown, repeated, missing, or of the wrong type
     */
    public static Map<String, Node> bind(CannedQuery query, Map<String, String[]> request) {
        Map<String, Node> bindings = new TreeMap<>();
        for (Map.Entry<String, String[]> e : request.entrySet()) {
            QueryParam p = query.param(e.getKey());
            if (p == null) {
                throw new ApiException(400, "unknown parameter '" + e.getKey() + "'; " + query.name()
                        + (query.params().isEmpty() ? " takes none"
                                : " takes " + String.join(", ", query.params().stream().map(QueryParam::name).toList())));
            }
            if (e.getValue().length != 1) {
                throw new ApiException(400, "parameter '" + p.name() + "' given " + e.getValue().length + " times");
            }
            String value = e.getValue()[0];
            if (value.isEmpty() && !p.required()) {
                continue;
            }
            try {
                bindings.put(p.name(), p.bind(value));
            } catch (IllegalArgumentException ex) {
                throw new ApiException(400, ex.getMessage());
            }
        }
        for (QueryParam p : query.params()) {
            if (!bindings.containsKey(p.name())) {
                if (p.required()) {
                    throw new ApiException(400, "missing parameter '" + p.name() + "': " + p.type().expected()
                            + (p.example() == null ? "" : ", e.g. " + p.example()));
                }
                if (p.defaultValue() != null) {
                    bindings.put(p.name(), p.bind(p.defaultValue()));
                }
            }
        }
        return bindings;
    }

    /**
     * The strong ETag of the answer to {@code query} with {@code bindings} in {@code format}, quoted, known without
     * running the query; null when only the answer can tell (an external store's data has no known version): then
     * it is the answer's {@link Answer#etag()}.
     */
    public String etag(CannedQuery query, Map<String, Node> bindings, ResultFormat format) {
        String version = store.version();
        if (version == null) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(version.getBytes(StandardCharsets.UTF_8));
            sha.update(key(query, bindings, format).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The answer, from the cache or by running the query.
     *
     * @throws ApiException 503 when the query runs past the time limit, 502 when an external store fails
     */
    public Answer answer(CannedQuery query, Map<String, Node> bindings, ResultFormat format) {
        return cache.get(key(query, bindings, format), k -> run(query, bindings, format));
    }

    private static String key(CannedQuery query, Map<String, Node> bindings, ResultFormat format) {
        StringBuilder sb = new StringBuilder(query.name()).append('?');
        bindings.forEach((name, value) -> sb.append(name).append('=').append(NodeFmtLib.strNT(value)).append('&'));
        return sb.append('#').append(format.name()).toString();
    }

    private Answer run(CannedQuery query, Map<String, Node> bindings, ResultFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] capped = {false};
        int[] rowCount = {-1};
        Query limited = query.query();
        if (!limited.isAskType() && (!limited.hasLimit() || limited.getLimit() > maxRows)) {
            // Ask for one row more than the limit: if it comes, the answer is cut and says so.
            limited = limited.cloneQuery();
            limited.setLimit(maxRows + 1L);
        }
        Query toRun = limited;
        try {
            store.query(toRun, bindings, timeout, exec -> {
                if (query.query().isSelectType()) {
                    RowSet selected = exec.select();
                    List<Binding> kept = capped(selected, capped);
                    rowCount[0] = kept.size();
                    RowSet rows = RowSetStream.create(selected.getResultVars(), kept.iterator());
                    if (format == ResultFormat.HTML) {
                        writeHtml(query, bindings, rows, out);
                    } else {
                        write(rows, format, out);
                    }
                } else if (query.query().isAskType()) {
                    write(exec.ask(), format, out);
                } else {
                    Graph graph = query.query().isConstructType() ? exec.construct() : exec.describe();
                    graph.getPrefixMapping().setNsPrefixes(query.query().getPrefixMapping());
                    if (store.version() == null) {
                        // An external store's blank nodes get fresh labels on every read: relabelled by what they
                        // say, the same answer is the same bytes, and so the same ETag, every time.
                        graph = StableGraphLib.copy(graph);
                    }
                    RDFDataMgr.write(out, graph, graphLang(format));
                }
                return null;
            });
        } catch (QueryCancelledException ex) {
            throw new ApiException(503, "query '" + query.name() + "' timed out after "
                    + timeout.toMillis() / 1000.0 + " s");
        } catch (StoreException ex) {
            throw new ApiException(StoreException.STATUS, ex.getMessage());
        }
        byte[] body = out.toByteArray();
        String etag = etag(query, bindings, format);
        return new Answer(body, format.contentType(), capped[0], rowCount[0], etag != null ? etag : HttpLib.etag(body));
    }

    /** The first {@code maxRows} rows; sets {@code capped[0]} if there were more. */
    private List<Binding> capped(RowSet rows, boolean[] capped) {
        List<Binding> kept = new ArrayList<>();
        while (rows.hasNext()) {
            Binding b = rows.next();
            if (kept.size() == maxRows) {
                capped[0] = true;
                break;
            }
            kept.add(b);
        }
        return kept;
    }

    private static void write(RowSet rows, ResultFormat format, ByteArrayOutputStream out) {
        if (format == ResultFormat.JSON) {
            JsonArray array = new JsonArray();
            List<Var> vars = rows.getResultVars();
            rows.forEachRemaining(row -> {
                JsonObject object = new JsonObject();
                for (Var v : vars) {
                    Node n = row.get(v);
                    if (n != null) {
                        object.add(v.getVarName(), json(n));
                    }
                }
                array.add(object);
            });
            out.writeBytes(array.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            ResultsWriter.create().lang(resultLang(format)).build().write(out, rows);
        }
    }

    /** The rows as an HTML table; our things link to their pages on this server. */
    private static void writeHtml(CannedQuery query, Map<String, Node> bindings, RowSet rows,
                                  ByteArrayOutputStream out) {
        List<Var> vars = rows.getResultVars();
        List<Map<String, Object>> table = new ArrayList<>();
        rows.forEachRemaining(row -> {
            List<Map<String, String>> cells = new ArrayList<>();
            for (Var v : vars) {
                Node n = row.get(v);
                Map<String, String> cell = new HashMap<>();
                if (n == null) {
                    cell.put("text", "");
                } else if (n.isURI()) {
                    String iri = n.getURI();
                    int id = iri.indexOf("https://w3id.org/stalin-kg/id/");
                    cell.put("href", id == 0 ? "/doc/" + iri.substring("https://w3id.org/stalin-kg/id/".length()) : iri);
                    cell.put("text", iri);
                } else if (n.isLiteral()) {
                    cell.put("text", n.getLiteralLexicalForm());
                } else {
                    cell.put("text", "_:" + n.getBlankNodeLabel());
                }
                cells.add(cell);
            }
            table.add(Map.of("cells", cells));
        });
        String params = bindings.isEmpty() ? "" : "&" + String.join("&", bindings.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(
                        e.getValue().isURI() ? e.getValue().getURI() : e.getValue().getLiteralLexicalForm(),
                        StandardCharsets.UTF_8)).toList());
        Map<String, Object> model = new HashMap<>();
        model.put("summary", query.summary());
        model.put("name", query.name());
        model.put("columns", vars.stream().map(Var::getVarName).toList());
        model.put("rows", table);
        model.put("rowCount", table.size());
        model.put("csv", "/api/" + query.name() + "?format=csv" + params);
        model.put("json", "/api/" + query.name() + "?format=json" + params);
        StringWriter html = new StringWriter();
        RESULTS_PAGE.execute(html, model);
        out.writeBytes(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(boolean answer, ResultFormat format, ByteArrayOutputStream out) {
        if (format == ResultFormat.JSON || format == ResultFormat.HTML) {
            out.writeBytes(Boolean.toString(answer).getBytes(StandardCharsets.UTF_8));
        } else {
            ResultsWriter.create().lang(resultLang(format)).build().write(out, answer);
        }
    }

    /** IRIs and strings as JSON strings, numbers as numbers, booleans as booleans. */
    private static JsonElement json(Node n) {
        if (n.isLiteral()) {
            Object value;
            try {
                value = n.getLiteralValue();
            } catch (RuntimeException ex) {
                value = null;
            }
            if (value instanceof Number number && !(value instanceof Float || value instanceof Double)) {
                return new JsonPrimitive(number);
            }
            if (value instanceof Boolean b) {
                return new JsonPrimitive(b);
            }
            return new JsonPrimitive(n.getLiteralLexicalForm());
        }
        if (n.isURI()) {
            return new JsonPrimitive(n.getURI());
        }
        return new JsonPrimitive("_:" + n.getBlankNodeLabel());
    }

    private static Lang resultLang(ResultFormat format) {
        return switch (format) {
            case SPARQL_JSON -> ResultSetLang.RS_JSON;
            case SPARQL_XML -> ResultSetLang.RS_XML;
            case CSV -> ResultSetLang.RS_CSV;
            case TSV -> ResultSetLang.RS_TSV;
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    private static Lang graphLang(ResultFormat format) {
        return switch (format) {
            case TURTLE -> Lang.TURTLE;
            case JSON_LD -> Lang.JSONLD;
            case N_TRIPLES -> Lang.NTRIPLES;
            case RDF_XML -> Lang.RDFXML;
            default -> throw new IllegalArgumentException(format.name());
        };
    }
}
