package org.w3id.stalinkg.http;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import jakarta.servlet.http.HttpServletRequest;

import org.w3id.stalinkg.store.StoreException;

/**
 * An error that is ours, in the one shape every path answers with: RFC 9457 {@code application/problem+json}
 * ({@code type}, {@code title}, {@code status}, {@code detail}, and the offending {@code parameter} where there is
 * one), or a small HTML page when the client asked for HTML (a browser).
 *
 * <pre>
 * AnswerSender.send(req, resp, Problem.of(400, "Bad parameter", "year: not a year such as 1937").parameter("year")
 *         .answer(req));
 * </pre>
 *
 * The {@code type} is a relative IRI under {@code /problems/}, one per kind of problem (e.g. {@code
 * /problems/not-found}), derived from the status when none is given.
 */
public record Problem(int status, String title, String detail, String type, String parameter,
                      Map<String, String> headers) {

    /** The media type of RFC 9457's JSON problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    public Problem {
        requireNonNull(title, "title");
        requireNonNull(detail, "detail");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A problem with this status, short title and a detail saying what was wrong and what to do instead. */
    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail, null, null, Map.of());
    }

    /** The SPARQL store behind this service failed: 502, with what it said. */
    public static Problem storeFailed(StoreException ex) {
        return of(StoreException.STATUS, "Bad Gateway", ex.getMessage());
    }

    /**
     * The SPARQL store behind this service did not answer in time: 503 with {@code Retry-After}. {@code what} says
     * what it did not do, as "did not count the graph in time; try again later."
     */
    public static Problem storeTimedOut(String what) {
        return of(503, "Service Unavailable", "The SPARQL store behind this service " + what)
                .header("Retry-After", "5");
    }

    /** The same problem, naming the request parameter that caused it. */
    public Problem parameter(String name) {
        return new Problem(status, title, detail, type, name, headers);
    }

    /** The same problem with a {@code type} of its own ({@code /problems/NAME}). */
    public Problem type(String name) {
        return new Problem(status, title, detail, "/problems/" + name, parameter, headers);
    }

    /** The same problem with a response header (Allow, Retry-After...). */
    public Problem header(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Problem(status, title, detail, type, parameter, all);
    }

    /** The problem's {@code type}: its own, or one named after its status. */
    public String effectiveType() {
        return type != null ? type : "/problems/" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    /** The members of the JSON document, in order; a null parameter is left out. */
    private record Document(String type, String title, int status, String detail, String parameter) {}

    /** The JSON document (RFC 9457). */
    public String json() {
        return GSON.toJson(new Document(effectiveType(), title, status, detail, parameter)) + "\n";
    }


    /**
     * A page for a person, with a link that searches the names for {@code searchText} (the words of a missing
     * thing's name, say) when it is not null or blank; its links lead from where {@code site} says the page is.
     */
    public String html(Site site, String searchText) {
        String search = searchText == null || searchText.isBlank() ? ""
                : "<p><a href=\"" + site.root() + "api/search?text=" + escape(java.net.URLEncoder.encode(searchText.strip(),
                        java.nio.charset.StandardCharsets.UTF_8)) + "\">Search the names for “" + escape(
                        searchText.strip()) + "”</a></p>\n";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · stalin-kg</title></head>\n<body><main><h1>" + status + " "
                + escape(title) + "</h1>\n<p>" + escape(detail) + "</p>\n" + search
                + "<p><a href=\"" + site.root() + "\">Home</a> · "
                + "<a href=\"" + site.root() + "api\">Canned queries</a> · <a href=\"" + site.root()
                + "query\">Query editor</a></p>"
                + "</main></body></html>\n";
    }

    /**
     * The answer to {@code req}: HTML if the client prefers it to JSON (a browser), else problem+json. Never
     * cached; varies with Accept.
     */
    public Answer answer(HttpServletRequest req) {
        return answer(req, null);
    }

    /** As {@link #answer(HttpServletRequest)}, the HTML page linking a search for {@code searchText}. */
    public Answer answer(HttpServletRequest req, String searchText) {
        boolean html = prefersHtml(req.getHeader("Accept"));
        Answer a = new Answer(status, html ? "text/html; charset=utf-8" : MEDIA_TYPE + "; charset=utf-8",
                (html ? html(Site.of(req), searchText) : json()).getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                List.of("Accept"), "no-store", headers);
        return a;
    }

    /** True if {@code accept} names text/html before (or with a higher q than) any JSON type. */
    static boolean prefersHtml(String accept) {
        if (accept == null) {
            return false;
        }
        double html = -1;
        double json = -1;
        for (String part : accept.split(",")) {
            String[] bits = part.strip().split(";");
            String type = bits[0].strip().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < bits.length; i++) {
                String b = bits[i].strip();
                if (b.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException ex) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.endsWith("json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html > json;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
