package org.w3id.stalinkg.linkeddata;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.RDFDataMgr;
import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.Problem;
import org.w3id.stalinkg.http.Site;
import org.w3id.stalinkg.http.Templates;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreException;
import org.w3id.stalinkg.store.StoreMemo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The ontology at its own IRI and at each of its version IRIs. {@code /ontology} negotiates; {@code
 * /ontology.ttl}, {@code .rdf}, {@code .jsonld}, {@code .nt}, {@code .html} give one format each; {@code
 * /ontology/X.Y.Z} (each {@code owl:versionIRI} and {@code owl:priorVersion}) serves that release, negotiated too, and
 * {@code /ontology/X.Y.Z.ttl} etc. The RDF is the ontology exactly as written: its IRIs never depend on the request
 * or the deployment. The HTML documents every term with its usage in the data, so {@code /ontology#Policy} lands on
 * its section.
 *
 * <pre>
 * curl http://localhost:3030/ontology                                   # Turtle
 * curl http://localhost:3030/ontology -H 'Accept: application/rdf+xml'  # what Protégé asks for
 * curl http://localhost:3030/ontology/0.2.0.ttl                         # a release
 * </pre>
 */
public final class OntologyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** {@code /ontology}, {@code /ontology.EXT}, {@code /ontology/X.Y.Z}, {@code /ontology/X.Y.Z.EXT}. */
    private static final Pattern PATH = Pattern.compile("/ontology(?:/(\\d+\\.\\d+\\.\\d+))?(?:\\.([a-z]+))?");

    private final transient Map<String, Graph> versions;
    private final transient String current;
    private final transient StoreMemo<Map<String, Long>> usage;

    /**
     * @param versions the ontology's releases by version ("0.3.0"), the current one included
     * @param current  the current version, a key of {@code versions}
     */
    public OntologyServlet(SparqlStore store, Map<String, Graph> versions, String current) {
        this.versions = Map.copyOf(versions);
        this.current = requireNonNull(current, "current");
        if (!versions.containsKey(current)) {
            throw new IllegalArgumentException("No ontology for the current version " + current);
        }
        this.usage = new StoreMemo<>(() -> store.termUsage(versions.get(current)), store.freshness());

    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AnswerSender.send(req, resp, answer(req));
    }

    private Answer answer(HttpServletRequest req) {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        Matcher m = PATH.matcher(path);
        String version = m.matches() && m.group(1) != null ? m.group(1) : current;
        if (!m.matches() || !versions.containsKey(version)) {
            return Problem.of(404, "Not Found", "No such version of the ontology. Versions: "
                    + String.join(", ", versions.keySet().stream().sorted().toList()) + ".").answer(req);
        }
        boolean negotiated = m.group(2) == null;
        LinkedDataFormat format = negotiated ? LinkedDataFormat.negotiate(req.getHeader("Accept"))
                : LinkedDataFormat.byExtension(m.group(2));
        if (format == null) {
            return Problem.of(negotiated ? 406 : 404, negotiated ? "Not Acceptable" : "Not Found",
                    "The ontology is available as " + LinkedDataFormat.describeAll()
                            + ": ask for one with Accept, or add its extension to the URL.").answer(req);
        }
        String base = m.group(1) == null ? "ontology" : version;
        Answer answer;
        try {
            // Made for each request that reaches here: the response cache in front keeps the answers.
            answer = make(version, format, base);
        } catch (StoreException ex) {
            return Problem.storeFailed(ex).answer(req);
        } catch (QueryCancelledException ex) {
            return Problem.storeTimedOut("did not count the uses of the terms in time; the RDF formats of "
                    + "/ontology need no count.").answer(req);
        }
        answer = answer.withHeader("Link", alternates(base));
        if (negotiated) {
            answer = answer.varyingOn("Accept").withHeader("Content-Location", base + "." + format.extension());
        }
        return answer;
    }

    /** The name its variants are linked by, from the page: {@code ontology.ttl}, or {@code 0.3.0.ttl} for a version. */
    private record Variants(String self) {}

    private Answer make(String version, LinkedDataFormat format, String base) {
        Graph ontology = versions.get(version);
        if (format.isRdf()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, ontology, format.lang());
            return Answer.ok(format.contentType(), out.toByteArray());
        }
        Map<String, Long> counts = version.equals(current) ? usage.get() : Map.of();
        return Answer.ok(format.contentType(), Templates.render("ontology.mustache",
                OntologyPage.documentation(ontology, counts), new Variants(base),
                base.equals("ontology") ? Site.TOP : Site.at(1)));
    }

    /** The Link header naming every variant; relative, so it holds behind any proxy. */
    private static String alternates(String base) {
        return Arrays.stream(LinkedDataFormat.values())
                .map(f -> "<" + base + "." + f.extension() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\"")
                .collect(Collectors.joining(", "));
    }
}
