package org.w3id.stalinkg.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.RDFDataMgr;
import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.http.Problem;
import org.w3id.stalinkg.http.Templates;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Linked data for every thing, in Pubby's three roles: {@code /id/KIND/SLUG} names the thing and answers {@code 303
 * See Other} to {@code /doc/KIND/SLUG}, the document about it, which negotiates HTML (for people) or Turtle, JSON-LD,
 * RDF/XML or N-Triples, and {@code /doc/KIND/SLUG.EXT} gives one format. A document names things with the
 * deployment's IRIs ({@link PublicBase}: the canonical ones unless {@code --base-url} says otherwise), exactly as
 * SPARQL answers do; the request never changes a name. Pages link to things by local path.
 */
public final class DescriptionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Pattern PATH = Pattern.compile("/([a-z]+(?:-[a-z]+)*)/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\\.([a-z]+))?");
    private static final List<String> PAGE_LANGUAGES = List.of("en", "ru", "uk", "kk");

    private final transient SparqlStore store;
    private final transient Graph ontology;
    private final transient PublicBase base;

    /** Describes the things of {@code store} under {@code base}, naming properties and classes from {@code ontology}. */
    public DescriptionServlet(SparqlStore store, Graph ontology, PublicBase base) {
        this.store = store;
        this.ontology = ontology;
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Answer answer;
        try {
            answer = answer(req);
        } catch (StoreException ex) {
            answer = Problem.storeFailed(ex).answer(req);
        } catch (QueryCancelledException ex) {
            answer = Problem.storeTimedOut("did not answer in time; try again later.").answer(req);
        }
        AnswerSender.send(req, resp, answer);
    }

    private Answer answer(HttpServletRequest req) {
        Matcher m = PATH.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
        boolean isId = "/id".equals(req.getServletPath());
        if (!m.matches() || (isId && m.group(3) != null)) {
            return notFound(req, "No such thing: the path is not /id/KIND/SLUG.", null);
        }
        String path = m.group(1) + "/" + m.group(2);
        String iri = base.things() + path;
        if (!store.exists(iri)) {
            // The page offers a search for the slug's words: "great-purg" finds the Great Purge.
            return notFound(req, "Nothing is known about " + iri + ".", m.group(2).replace('-', ' '));
        }
        if (isId) {
            // 303: the IRI names the thing (a policy, a famine), not a document about it. Relative (../../doc/...),
            // so it holds on any host and under any sub-path behind a proxy.
            return Answer.seeOther(ResourcePage.SITE.link("/doc/" + path))
                    .withCacheControl(HttpLib.cacheControl(store.freshness()));
        }
        LinkedDataFormat format;
        if (m.group(3) != null) {
            format = LinkedDataFormat.byExtension(m.group(3));
            if (format == null) {
                return notFound(req, "No such format: ." + m.group(3) + ". Available: "
                        + LinkedDataFormat.describeAll());
            }
        } else {
            format = LinkedDataFormat.negotiate(req.getHeader("Accept"));
            if (format == null) {
                return Problem.of(406, "Not Acceptable", "Cannot answer in " + req.getHeader("Accept")
                        + ". This description is available as " + LinkedDataFormat.describeAll()
                        + ": ask for one of them in Accept, or add its extension to the URL.").answer(req);
            }
        }
        String language = format == LinkedDataFormat.HTML ? language(req) : "";
        Answer answer = Answer.ok(format.contentType(), body(iri, path, format, language))
                .withCacheControl(HttpLib.cacheControl(store.freshness()))
                .withHeader("Link", alternates(m.group(2)));
        // Known without the bytes for the local graph; from the document's bytes for an external store.
        String version = store.version();
        if (version != null) {
            answer = answer.withEtag(HttpLib.etag(version, base.base(), path, format.name(), language));
        }
        if (format == LinkedDataFormat.HTML) {
            answer = answer.withHeader("Content-Language", language);
        }
        return m.group(3) == null ? answer.varyingOn("Accept", "Accept-Language") : answer;
    }

    private byte[] body(String iri, String path, LinkedDataFormat format, String language) {
        Graph description = store.describe(iri);
        if (format == LinkedDataFormat.HTML) {
            ResourcePage.Page model = ResourcePage.model(iri, description, ontology, base, language,
                    JsonLdLib.compact(description, ontology, base.base()), alternateList(path));
            return Templates.render("resource.mustache", org.w3id.stalinkg.http.Versions.BUILD, model,
                    ResourcePage.SITE);
        } else if (format == LinkedDataFormat.JSON_LD) {
            return JsonLdLib.compact(description, ontology, base.base()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, description, format.lang());
        return out.toByteArray();
    }

    /** 404: a page for a browser, a problem document otherwise (an RDF client reads the status). */
    private static Answer notFound(HttpServletRequest req, String message) {
        return notFound(req, message, null);
    }

    /** 404, the page for a browser linking a search for {@code searchText} (null: none). */
    private static Answer notFound(HttpServletRequest req, String message, String searchText) {
        return Problem.of(404, "Not Found", message).type("not-found").answer(req, searchText);
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

    /** The Link header: every variant, relative to the document ({@code SLUG.ttl} beside {@code SLUG}). */
    private static String alternates(String slug) {
        List<String> links = new ArrayList<>();
        for (LinkedDataFormat f : LinkedDataFormat.values()) {
            links.add("<" + slug + "." + f.extension() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\"");
        }
        return String.join(", ", links);
    }

    private static List<ResourcePage.Alternate> alternateList(String path) {
        List<ResourcePage.Alternate> list = new ArrayList<>();
        for (LinkedDataFormat f : LinkedDataFormat.values()) {
            if (f.isRdf()) {
                list.add(new ResourcePage.Alternate(ResourcePage.SITE.link("/doc/" + path + "." + f.extension()),
                        f.mediaType(),
                        f.name().replace('_', '-')));
            }
        }
        return list;
    }
}
