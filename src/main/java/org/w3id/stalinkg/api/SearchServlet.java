package org.w3id.stalinkg.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryCancelledException;
import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.http.Problem;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;

import com.google.gson.Gson;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /search?text=...[&lang=ru]}: the things whose names hold words beginning with each word of the text,
 * as the same JSON array as {@code /api/search?format=json} (thing, name, language, most specific type), shortest
 * names first, at most 100. The search box asks here as the reader types. The store decides how: the graph loaded
 * here through its full-text index ("голод" finds "Голодомор", "лодомор" does not), an external store by scanning
 * the names. Refusals are problems (400) naming the parameter; answers carry an ETag (304 on a match).
 */
public final class SearchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Pattern LANG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private static final int MAX_TEXT = 100;

    private static final int MAX_ROWS = 100;

    private static final Gson GSON = new Gson();

    private final transient SparqlStore store;
    private final Duration timeout;

    /** Searches {@code store}, each search cut off after {@code timeout}. */
    public SearchServlet(SparqlStore store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AnswerSender.send(req, resp, answer(req));
    }

    private Answer answer(HttpServletRequest req) {
        String text = req.getParameter("text");
        String lang = req.getParameter("lang");
        if (text == null || text.strip().length() < 2) {
            return refuse(req, "text", "'text' is required: at least 2 characters to look for");
        }
        if (text.length() > MAX_TEXT) {
            return refuse(req, "text", "'text' is too long: at most " + MAX_TEXT + " characters");
        }
        if (lang != null && !lang.isEmpty() && !LANG.matcher(lang).matches()) {
            return refuse(req, "lang", "'lang' is not a language tag (en, ru, uk, kk, ...)");
        }
        if (!text.codePoints().anyMatch(Character::isLetterOrDigit)) {
            return refuse(req, "text", "'text' holds no word to look for");
        }
        String language = lang == null || lang.isEmpty() ? null : lang;
        String version = store.version();
        try {
            List<Map<String, String>> rows = store.searchNames(text, language, MAX_ROWS, timeout);
            Answer answer = Answer.ok("application/json; charset=utf-8", GSON.toJson(rows))
                    .withCacheControl(HttpLib.cacheControl(store.freshness()));
            return version == null ? answer
                    : answer.withEtag(HttpLib.etag(version, "search", text.strip(), language == null ? "" : language));
        } catch (QueryCancelledException ex) {
            return Problem.of(503, "Service Unavailable", "the search timed out").header("Retry-After", "5")
                    .answer(req);
        } catch (StoreException ex) {
            return Problem.storeFailed(ex).answer(req);
        }
    }

    private static Answer refuse(HttpServletRequest req, String parameter, String message) {
        return Problem.of(400, "Bad Request", message).parameter(parameter).answer(req);
    }
}
