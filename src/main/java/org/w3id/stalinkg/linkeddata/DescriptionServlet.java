package org.w3id.stalinkg.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.RDFDataMgr;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Dereferencing, by the W3C "Cool URIs" 303 recipe, mapped at {@code /id/*} and {@code /doc/*}:
 * <pre>
 * GET /id/policy/great-purge        303 See Other, Location: /doc/policy/great-purge (404 for an unknown thing)
 * GET /doc/policy/great-purge       the description, by Accept: Turtle (also for *&#47;*), JSON-LD, RDF/XML,
 *                                   N-Triples or HTML; Vary: Accept; 406 with a readable body if nothing fits
 * GET /doc/policy/great-purge.jsonld  one format by extension (.ttl .jsonld .rdf .nt .html), for sharing
 * </pre>
 * Paths map to IRIs only ({@code /id/KIND/SLUG}, lower-case letters, digits and dashes), never to files. IRIs in
 * every document are moved to the deployment's public base ({@link PublicBase}), so each one dereferences here.
 * With an external store ({@code --sparql-endpoint}) the ETag is the document's hash, and a store that fails is 502
 * (503 if it does not answer in time), in plain text.
 */
public final class DescriptionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** /KIND/SLUG with an optional .EXT */
    private static final Pattern PATH = Pattern.compile("/([a-z]+(?:-[a-z]+)*)/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\\.([a-z]+))?");
    private static final List<String> PAGE_LANGUAGES = List.of("en", "ru", "uk", "kk");

    private final transient SparqlStore store;
    private final transient Graph ontology;
    private final transient Describer describer;
    private final transient PublicBase base;
    private final transient Mustache page;

    /** Describes the things of the graph loaded here. */
    public DescriptionServlet(KnowledgeGraph kg, PublicBase base) {
        this(new LocalStore(kg), kg.ontology(), base, null);
    }

    /**
     * Describes the things of {@code store}, naming properties and classes from {@code ontology}.
     *
     * @param timeout the longest a query of an external store may run
     */
    public DescriptionServlet(SparqlStore store, Graph ontology, PublicBase base, Duration timeout) {
        this.store = store;
        this.ontology = ontology;
        this.describer = Describer.of(store, ontology.getPrefixMapping().getNsPrefixMap(), timeout);
        this.base = base;
        this.page = new DefaultMustacheFactory("templates").compile("resource.mustache");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            answer(req, resp);
        } catch (StoreException ex) {
            HttpLib.sendText(resp, StoreException.STATUS, ex.getMessage());
        } catch (QueryCancelledException ex) {
            resp.setHeader("Retry-After", "5");
            HttpLib.sendText(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The SPARQL store behind this service did not answer in time; try again later.");
        }
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String publicBase = base.of(req);
        Matcher m = PATH.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
        boolean isId = "/id".equals(req.getServletPath());
        if (!m.matches() || (isId && m.group(3) != null)) {
            notFound(req, resp, "No such thing: the path is not /id/KIND/SLUG.");
            return;
        }
        String path = m.group(1) + "/" + m.group(2);
        String iri = PublicBase.CANONICAL + "id/" + path;
        if (!describer.exists(iri)) {
            notFound(req, resp, "Nothing is known about " + PublicBase.toPublic(iri, publicBase) + ".");
            return;
        }
        if (isId) {
            // 303: the IRI names the thing (a policy, a famine), not a document about it.
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", publicBase + "doc/" + path);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getWriter().write("See " + publicBase + "doc/" + path + "\n");
            return;
        }
        LinkedDataFormat format;
        if (m.group(3) != null) {
            format = LinkedDataFormat.byExtension(m.group(3));
            if (format == null) {
                notFound(req, resp, "No such format: ." + m.group(3) + ". Available: " + LinkedDataFormat.describeAll());
                return;
            }
        } else {
            resp.setHeader("Vary", "Accept, Accept-Language");
            format = LinkedDataFormat.negotiate(req.getHeader("Accept"));
            if (format == null) {
                resp.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
                resp.setContentType("text/plain; charset=utf-8");
                resp.getWriter().write("Cannot answer in " + req.getHeader("Accept") + ". This description is "
                        + "available as " + LinkedDataFormat.describeAll() + ": ask for one of them in Accept, "
                        + "or add its extension to the URL.\n");
                return;
            }
        }
        String language = format == LinkedDataFormat.HTML ? language(req) : "";
        // Known without describing for the local graph; from the document's bytes for an external store.
        String version = store.version();
        String etag = version == null ? null : HttpLib.etag(version, publicBase, path, format.name(), language);
        resp.setHeader("Cache-Control", HttpLib.cacheControl(store.freshness()));
        resp.setHeader("Link", alternates(publicBase, path));
        if (etag != null) {
            resp.setHeader("ETag", etag);
            if (HttpLib.notModified(req, etag)) {
                resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        Graph description = describer.describe(iri);
        Graph published = PublicBase.toPublic(description, publicBase);
        byte[] body;
        if (format == LinkedDataFormat.HTML) {
            Map<String, Object> model = ResourcePage.model(iri, description, ontology, publicBase, language,
                    JsonLdLib.compact(published, ontology, publicBase));
            model.put("alternates", alternateList(publicBase, path));
            model.putAll(PageLib.versions());
            StringWriter html = new StringWriter();
            page.execute(html, model);
            body = html.toString().getBytes(StandardCharsets.UTF_8);
            resp.setHeader("Content-Language", language);
        } else if (format == LinkedDataFormat.JSON_LD) {
            body = JsonLdLib.compact(published, ontology, publicBase).getBytes(StandardCharsets.UTF_8);
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, published, format.lang());
            body = out.toByteArray();
        }
        if (etag == null) {
            etag = HttpLib.etag(body);
            resp.setHeader("ETag", etag);
            if (HttpLib.notModified(req, etag)) {
                resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        resp.setContentType(format.contentType());
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** 404 as a page for a browser, as a short text otherwise (an RDF client reads the status). */
    private void notFound(HttpServletRequest req, HttpServletResponse resp, String message) throws IOException {
        resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
        resp.setHeader("Vary", "Accept");
        LinkedDataFormat wanted = LinkedDataFormat.negotiate(req.getHeader("Accept"));
        if (wanted == LinkedDataFormat.HTML) {
            resp.setContentType("text/html; charset=utf-8");
            resp.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found"
                    + " · stalin-kg</title></head><body><h1>Not found</h1><p>" + escape(message) + "</p><p>"
                    + "<a href=\"/api/search?text=&amp;format=json\">Search</a> or <a href=\"/api\">browse the canned"
                    + " queries</a>.</p></body></html>\n");
        } else if (wanted != null && wanted.isRdf() && wanted != LinkedDataFormat.JSON_LD
                && wanted != LinkedDataFormat.RDF_XML) {
            resp.setContentType(wanted.contentType());
            resp.getWriter().write("# " + message + "\n");
        } else {
            resp.setContentType("text/plain; charset=utf-8");
            resp.getWriter().write(message + "\n");
        }
    }

    /** The reader's language among the page languages, from Accept-Language; English by default. */
    static String language(HttpServletRequest req) {
        String header = req.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return "en";
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), PAGE_LANGUAGES);
            return tag == null ? "en" : tag;
        } catch (IllegalArgumentException ex) {
            return "en";
        }
    }

    private static String alternates(String publicBase, String path) {
        List<String> links = new ArrayList<>();
        for (LinkedDataFormat f : LinkedDataFormat.values()) {
            links.add("<" + publicBase + "doc/" + path + "." + f.extension() + ">; rel=\"alternate\"; type=\""
                    + f.mediaType() + "\"");
        }
        return String.join(", ", links);
    }

    private static List<Map<String, String>> alternateList(String publicBase, String path) {
        List<Map<String, String>> list = new ArrayList<>();
        for (LinkedDataFormat f : LinkedDataFormat.values()) {
            if (f.isRdf()) {
                list.add(Map.of("href", publicBase + "doc/" + path + "." + f.extension(), "type", f.mediaType(),
                        "label", f.name().replace('_', '-')));
            }
        }
        return list;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
