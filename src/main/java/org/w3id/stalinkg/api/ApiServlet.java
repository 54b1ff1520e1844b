package org.w3id.stalinkg.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.stalinkg.http.HttpLib;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The canned-query API, mapped at {@code /api/*}.
 *
 * <pre>
 * curl 'http://localhost:3030/api/policies-for-goal?goal=industrialization' -H 'Accept: text/csv'
 * curl 'http://localhost:3030/api/in-effect-in-year?year=1937&amp;format=json'
 * curl -d goal=industrialization http://localhost:3030/api/policies-for-goal
 * curl http://localhost:3030/api                        # every query (JSON; HTML for a browser)
 * curl http://localhost:3030/api/openapi.json           # OpenAPI 3; /api/docs tries it in Swagger UI
 * </pre>
 *
 * Every answer carries an ETag (data, query, parameters, format; with an external store, the answer's bytes) and
 * Cache-Control; If-None-Match gets 304. An external store that fails is 502, with the reason.
 * Refusals are a status and a small JSON body: {@code {"status":400,"error":"Bad Request","message":"..."}}.
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The data never changes while the server runs; a client may reuse an answer this long, then revalidate. */
    static final String CACHE_CONTROL = HttpLib.CACHE_CONTROL;

    private final transient CannedQueries queries;
    private final transient CannedQueryRunner runner;
    private final String listingJson;
    private final String listingHtml;
    private final String openApi;
    private final String docsHtml;

    public ApiServlet(CannedQueries queries, CannedQueryRunner runner) {
        this.queries = queries;
        this.runner = runner;
        Properties build = buildProperties();
        this.listingJson = listingJson(queries);
        DefaultMustacheFactory templates = new DefaultMustacheFactory("templates");
        this.listingHtml = render(templates.compile("api-index.mustache"), Map.of("queries", listingModel(queries)));
        this.openApi = OpenApiLib.document(queries, build.getProperty("version", "dev"));
        this.docsHtml = render(templates.compile("api-docs.mustache"),
                Map.of("swaggerUiVersion", build.getProperty("swagger-ui.version")));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, false);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, true);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp, boolean post) throws IOException {
        try {
            String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
            switch (path) {
                case "/", "" -> {
                    requireGet(post);
                    boolean html = wantsHtml(req);
                    sendStatic(req, resp, html ? listingHtml : listingJson,
                            html ? "text/html; charset=utf-8" : "application/json; charset=utf-8");
                }
                case "/openapi.json" -> {
                    requireGet(post);
                    sendStatic(req, resp, openApi, "application/json; charset=utf-8");
                }
                case "/docs" -> {
                    requireGet(post);
                    sendStatic(req, resp, docsHtml, "text/html; charset=utf-8");
                }
                default -> answer(req, resp, path.substring(1), post);
            }
        } catch (ApiException ex) {
            sendError(resp, ex.status(), ex.getMessage());
        } catch (RuntimeException ex) {
            LOG.error("Canned query request {} failed", req.getRequestURI(), ex);
            sendError(resp, 500, "internal error; the server log has the details");
        }
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, String name, boolean post) throws IOException {
        CannedQuery query = NAME.matcher(name).matches() ? queries.get(name) : null;
        if (query == null) {
            throw new ApiException(404, "no canned query '" + name + "'; GET /api lists them");
        }
        if (post && !isForm(req)) {
            throw new ApiException(415, "POST a form (application/x-www-form-urlencoded), or use GET");
        }
        Map<String, String[]> params = new LinkedHashMap<>(req.getParameterMap());
        String[] format = params.remove(CannedQuery.FORMAT_PARAM);
        if (format != null && format.length != 1) {
            throw new ApiException(400, "parameter 'format' given " + format.length + " times");
        }
        Map<String, Node> bindings = CannedQueryRunner.bind(query, params);
        boolean graph = !query.query().isSelectType() && !query.query().isAskType();
        ResultFormat chosen = ResultFormat.choose(format == null ? null : format[0], req.getHeader("Accept"), graph);
        // Known before the query runs for the local graph; from the answer's bytes for an external store.
        String etag = runner.etag(query, bindings, chosen);
        resp.setHeader("Cache-Control", runner.cacheControl());
        resp.setHeader("Vary", "Accept");
        if (etag != null) {
            resp.setHeader("ETag", etag);
            if (HttpLib.notModified(req, etag)) {
                resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        CannedQueryRunner.Answer answer = runner.answer(query, bindings, chosen);
        if (etag == null) {
            resp.setHeader("ETag", answer.etag());
            if (HttpLib.notModified(req, answer.etag())) {
                resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        resp.setStatus(200);
        if (answer.rows() >= 0) {
            req.setAttribute("org.w3id.stalinkg.rows", answer.rows());
        }
        if (answer.capped()) {
            resp.setHeader("X-Result-Capped", "at most " + runner.maxRows() + " rows");
        }
        resp.setContentType(answer.contentType());
        resp.setContentLength(answer.body().length);
        resp.getOutputStream().write(answer.body());
    }

    private static void requireGet(boolean post) {
        if (post) {
            throw new ApiException(405, "only GET here");
        }
    }

    private static boolean isForm(HttpServletRequest req) {
        String type = req.getContentType();
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    private static boolean wantsHtml(HttpServletRequest req) {
        String format = req.getParameter(CannedQuery.FORMAT_PARAM);
        if (format != null) {
            return format.equals("html");
        }
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static void sendStatic(HttpServletRequest req, HttpServletResponse resp, String body, String contentType)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String etag = HttpLib.etag(bytes);
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        resp.setHeader("Vary", "Accept");
        if (HttpLib.notModified(req, etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentType(contentType);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** Writes a refusal as a status and a small JSON body. */
    public static void sendError(HttpServletResponse resp, int status, String message) throws IOException {
        if (resp.isCommitted()) {
            LOG.warn("Cannot send {} after the response started: {}", status, message);
            return;
        }
        resp.reset();
        JsonObject body = new JsonObject();
        body.addProperty("status", status);
        body.addProperty("error", reason(status));
        body.addProperty("message", message);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(bytes.length);
        if (status == 405) {
            resp.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
        }
        resp.getOutputStream().write(bytes);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    private static String listingJson(CannedQueries queries) {
        JsonArray list = new JsonArray();
        for (CannedQuery q : queries.all()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", q.name());
            o.addProperty("path", "/api/" + q.name());
            o.addProperty("summary", q.summary());
            o.addProperty("description", q.description());
            JsonArray tags = new JsonArray();
            q.tags().forEach(tags::add);
            o.add("tags", tags);
            JsonArray params = new JsonArray();
            for (QueryParam p : q.params()) {
                JsonObject po = new JsonObject();
                po.addProperty("name", p.name());
                po.addProperty("type", p.type().keyword() + (p.kind() == null ? "" : ":" + p.kind()));
                po.addProperty("required", p.required());
                po.addProperty("default", p.defaultValue());
                po.addProperty("example", p.example());
                po.addProperty("description", p.description());
                params.add(po);
            }
            o.add("parameters", params);
            JsonArray formats = new JsonArray();
            formats(q).forEach(f -> formats.add(f.names().get(0)));
            o.add("formats", formats);
            o.addProperty("example", exampleUrl(q));
            o.addProperty("sparql", q.text());
            list.add(o);
        }
        JsonObject doc = new JsonObject();
        doc.add("queries", list);
        doc.addProperty("openapi", "/api/openapi.json");
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(doc);
    }

    private static List<Map<String, Object>> listingModel(CannedQueries queries) {
        List<Map<String, Object>> model = new ArrayList<>();
        for (CannedQuery q : queries.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", q.name());
            m.put("summary", q.summary());
            m.put("description", q.description());
            m.put("exampleUrl", exampleUrl(q));
            m.put("hasParams", !q.params().isEmpty());
            List<Map<String, Object>> params = new ArrayList<>();
            for (QueryParam p : q.params()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("name", p.name());
                pm.put("type", p.type().keyword() + (p.kind() == null ? "" : ":" + p.kind()));
                pm.put("use", p.required() ? "required" : "optional");
                pm.put("defaultValue", p.defaultValue() == null ? "" : p.defaultValue());
                pm.put("example", p.example() == null ? "" : p.example());
                pm.put("description", p.description());
                params.add(pm);
            }
            m.put("params", params);
            m.put("formats", formats(q).stream().map(f -> f.names().get(0)).collect(Collectors.joining(", ")));
            model.add(m);
        }
        return model;
    }

    private static List<ResultFormat> formats(CannedQuery q) {
        return ResultFormat.offered(!q.query().isSelectType() && !q.query().isAskType());
    }

    /** The query's URL with the example value of each parameter that has one. */
    static String exampleUrl(CannedQuery q) {
        String params = q.params().stream().filter(p -> p.example() != null)
                .map(p -> p.name() + "=" + URLEncoder.encode(p.example(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/api/" + q.name() + (params.isEmpty() ? "" : "?" + params);
    }

    private static String render(Mustache template, Object model) {
        StringWriter out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = ApiServlet.class.getResourceAsStream("/stalin-kg.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return p;
    }

}
