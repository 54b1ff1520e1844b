package org.w3id.stalinkg.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the site's root is, seen from a page: the relative path a page puts before its links ({@code ./},
 * {@code ../}, {@code ../../}), so that every page, script, style sheet and form works wherever the site is published,
 * at a host's root or under a sub-path behind a proxy ({@code https://example.org/kg/}), and the bytes of a page
 * never depend on the request's Host or forwarding headers. Templates say {@code href="{{root}}static/site.css"};
 * scripts read {@code <meta name="site-root" content="{{root}}">} ({@code static/dom.js}, {@code skg.site(path)}).
 *
 * <pre>
 * byte[] html = Templates.render("resource.mustache", model, Site.at(2));   // a page at /doc/KIND/SLUG
 * String href = Site.at(2).link("/doc/person/joseph-stalin");              // "../../doc/person/joseph-stalin"
 * </pre>
 *
 * @param root the way from the page to the site's root, ending in "/"
 */
public record Site(String root) {

    /** A page at the top of the site ({@code /}, {@code /query}, {@code /map}). */
    public static final Site TOP = new Site("./");

    /** A page {@code depth} folders below the top ({@code /api/docs}: 1, {@code /doc/KIND/SLUG}: 2). */
    public static Site at(int depth) {
        return depth <= 0 ? TOP : new Site("../".repeat(depth));
    }

    /** The site as seen from the page {@code req} asked for (its path under the base path). */
    public static Site of(HttpServletRequest req) {
        return ofPath(req.getRequestURI());
    }

    /** The site as seen from the page at {@code path} (a path under the base path, as sent: not decoded). */
    public static Site ofPath(String path) {
        if (path == null) {
            return TOP;
        }
        int slashes = 0;
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes++;
            }
        }
        return at(slashes);
    }

    /**
     * The link from the page to {@code sitePath}, a path of this site ({@code /doc/x}); anything else (a URL of
     * elsewhere, a fragment) as it is.
     */
    public String link(String sitePath) {
        return sitePath != null && sitePath.startsWith("/") && !sitePath.startsWith("//")
                ? root + sitePath.substring(1) : sitePath;
    }
}
