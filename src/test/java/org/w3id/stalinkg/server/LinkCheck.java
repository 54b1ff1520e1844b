package org.w3id.stalinkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of a site published under a sub-path, checked as a browser would follow them: every {@code href},
 * {@code src}, form {@code action} and asset named in a {@code data-} attribute, resolved against the page's URL,
 * stays under the sub-path and answers 200 (a form's action is only checked to stay under it); links to elsewhere
 * ({@code https://w3id.org/...}, Wikidata) are not followed.
 */
final class LinkCheck {

    private static final Pattern LINK = Pattern.compile(
            "\\s(href|src|action|data-(?:cytoscape|leaflet|leaflet-css|topojson|base-map)|content)=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String prefix;
    private final Set<URI> checked = new LinkedHashSet<>();

    /** @param prefix the sub-path every link must stay under, such as {@code /kg/} */
    LinkCheck(String prefix) {
        this.prefix = prefix;
    }

    /** Fetches the HTML page at {@code page} (expected {@code status}) and checks each of its links; returns it. */
    String page(URI page, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), page + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.toString());
        for (String[] link : links(r.body())) {
            check(page, link[0], link[1]);
        }
        return r.body();
    }

    /** The links of {@code html}: each its attribute and its value, entities decoded. */
    static List<String[]> links(String html) {
        List<String[]> out = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            String value = m.group(2).replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=");
            if (m.group(1).equals("content") && !html.substring(Math.max(0, m.start() - 40), m.start())
                    .contains("site-root")) {
                continue;
            }
            out.add(new String[] {m.group(1), value});
        }
        return out;
    }

    private void check(URI page, String attribute, String value) throws Exception {
        if (value.startsWith("#") || value.startsWith("data:") || value.isEmpty() && attribute.equals("href")) {
            return;
        }
        URI target = page.resolve(value.replace(" ", "%20"));
        if (!target.getAuthority().equals(page.getAuthority())) {
            assertTrue(value.startsWith("http://") || value.startsWith("https://"), page + ": " + value);
            return;
        }
        assertTrue(target.getRawPath().startsWith(prefix), page + ": " + attribute + "=\"" + value + "\" leads to "
                + target.getRawPath() + ", outside " + prefix);
        if (attribute.equals("action") || attribute.equals("content") || !checked.add(target)) {
            return;
        }
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, r.statusCode(), page + ": " + attribute + "=\"" + value + "\" -> " + target);
    }

    /** How many distinct links were followed. */
    int followed() {
        return checked.size();
    }
}
