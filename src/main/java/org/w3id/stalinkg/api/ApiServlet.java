package org.w3id.stalinkg.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.http.Problem;
import org.w3id.stalinkg.http.Site;
import org.w3id.stalinkg.http.Templates;
import org.w3id.stalinkg.http.Versions;

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
 * curl -I http://localhost:3030/api/goals               # the headers a GET would get, no body
 * curl http://localhost:3030/api                        # every query (JSON; HTML for a browser)
 * curl http://localhost:3030/api/openapi.json           # OpenAPI 3; /api/docs tries it in Swagger UI
 * </pre>
 *
 * A servlet that decides only what the answer is: {@link AnswerSender} adds the ETag (data, query, parameters,
 * format; with an external store, the answer's bytes), Cache-Control and {@code Vary: Accept}, answers 304 to a
 * matching If-None-Match and HEAD without a body. Refusals are RFC 9457 problems ({@link ApiException#problem()}):
 * 400 naming the parameter, 404 for an unknown query, 406 naming the formats offered, 415, 502 when an external
 * store fails, 503 with Retry-After when a query runs past its time limit.
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The request attribute in which the access log finds the rows of an answer (server's AccessLogFilter). */
    static final String ROWS_ATTRIBUTE = "org.w3id.stalinkg.rows";

    private static final String JSON = "application/json";
    private static final String HTML = "text/html";

    private final transient CannedQueries queries;
    private final transient CannedQueryRunner runner;
    private final transient Answer listingJson;
    private final transient Answer listingHtml;
    /** The listing at {@code /api/}, whose links start one folder further down. */
    private final transient Answer listingHtmlBelow;
    private final transient Answer openApi;
    private final transient Answer docsHtml;

    public ApiServlet(CannedQueries queries, CannedQueryRunner runner) {
        this.queries = queries;
        this.runner = runner;
        this.listingJson = fixed(JSON, ApiListing.json(queries));
        this.listingHtml = fixed(HTML, ApiListing.html(queries, Site.TOP));
        this.listingHtmlBelow = fixed(HTML, ApiListing.html(queries, ResultsPage.SITE));
        this.openApi = fixed(JSON, OpenApiLib.document(queries, Versions.BUILD.version())
                .getBytes(StandardCharsets.UTF_8));
        this.docsHtml = fixed(HTML, Templates.render("api-docs.mustache", Versions.BUILD, ResultsPage.SITE));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AnswerSender.send(req, resp, answer(req, false));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AnswerSender.send(req, resp, answer(req, true));
    }

    private Answer answer(HttpServletRequest req, boolean post) {
        try {
            String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
            return switch (path) {
                case "/", "" -> fixedPage(post, req, listingJson,
                        req.getPathInfo() == null ? listingHtml : listingHtmlBelow);
                case "/openapi.json" -> fixedPage(post, req, openApi);
                case "/docs" -> fixedPage(post, req, docsHtml);
                default -> query(req, path.substring(1), post);
            };
        } catch (ApiException ex) {
            return ex.problem().answer(req);
        } catch (RuntimeException ex) {
            LOG.error("Canned query request {} failed", req.getRequestURI(), ex);
            return Problem.of(500, "Internal Server Error", "internal error; the server log has the details")
                    .answer(req);
        }
    }

    /** The answer to {@code /api/NAME}: the query run with the request's parameters, in the format negotiated. */
    private Answer query(HttpServletRequest req, String name, boolean post) {
        CannedQuery query = NAME.matcher(name).matches() ? queries.get(name) : null;
        if (query == null) {
            throw new ApiException(404, "no canned query '" + name + "'; GET /api lists them");
        }
        if (post && !isForm(req)) {
            throw new ApiException(415, "POST a form (application/x-www-form-urlencoded), or use GET");
        }
        Map<String, String[]> params = new LinkedHashMap<>(req.getParameterMap());
        String[] format = params.remove(CannedQuery.FORMAT_PARAM);
        String formatName = format == null ? null : CannedQueryRunner.single(CannedQuery.FORMAT_PARAM, format);
        Map<String, Node> bindings = CannedQueryRunner.bind(query, params, runner.things());
        ResultFormat chosen = ResultFormat.choose(formatName, req.getHeader("Accept"), query.answersWithGraph());
        CannedQueryRunner.Result result = runner.answer(query, bindings, chosen);
        if (result.rows() >= 0) {
            req.setAttribute(ROWS_ATTRIBUTE, result.rows());
        }
        Answer answer = Answer.ok(result.contentType(), result.body())
                .withEtag(runner.etag(query, bindings, chosen))
                .withCacheControl(runner.cacheControl())
                .varyingOn("Accept");
        return result.capped() ? answer.withHeader("X-Result-Capped", "at most " + runner.maxRows() + " rows")
                : answer;
    }

    /**
     * One of the pages made at start-up ({@code variants}, each of its own media type, the default first), chosen by
     * {@code ?format=} (its subtype: json, html) or by Accept.
     */
    private static Answer fixedPage(boolean post, HttpServletRequest req, Answer... variants) {
        if (post) {
            throw new ApiException(405, "only GET here");
        }
        List<String> offered = Arrays.stream(variants).map(ApiServlet::mediaType).toList();
        String format = req.getParameter(CannedQuery.FORMAT_PARAM);
        String chosen;
        if (format != null) {
            chosen = offered.stream().filter(t -> t.endsWith("/" + format)).findFirst()
                    .orElseThrow(() -> new ApiException(400, "parameter 'format': this page is offered as "
                            + String.join(", ", offered.stream().map(t -> t.substring(t.indexOf('/') + 1)).toList()),
                            CannedQuery.FORMAT_PARAM));
        } else {
            chosen = Negotiation.choose(req.getHeader("Accept"), offered,
                    "this page is offered as " + String.join(", ", offered));
        }
        return variants[offered.indexOf(chosen)];
    }

    /** A page made once: its ETag too. */
    private static Answer fixed(String mediaType, byte[] body) {
        return Answer.ok(mediaType + "; charset=utf-8", body).withEtag(HttpLib.etag(body))
                .withCacheControl(HttpLib.CACHE_CONTROL).varyingOn("Accept");
    }

    private static String mediaType(Answer a) {
        return a.contentType().substring(0, a.contentType().indexOf(';'));
    }

    private static boolean isForm(HttpServletRequest req) {
        String type = req.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
