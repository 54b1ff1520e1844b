package org.w3id.stalinkg.linkeddata;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.http.HttpLib;

import com.github.mustachejava.DefaultMustacheFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The dumps of {@link DumpLib}, mapped at {@code /dumps/*}: each file by its exact name, and a page listing them.
 * The files are made once, on the first request, and kept in memory; a name is looked up in that map and nothing
 * else, so no request reaches the file system.
 *
 * <pre>
 * curl -O http://localhost:3030/dumps/stalin-kg.nt.gz
 * curl -O http://localhost:3030/dumps/stalin-kg.nt.gz.sha256 &amp;&amp; sha256sum -c stalin-kg.nt.gz.sha256
 * curl http://localhost:3030/dumps/                       # the list, with sizes and checksums (HTML)
 * </pre>
 *
 * Every file's ETag is its SHA-256; {@code If-None-Match} gets 304. Any other name is 404.
 * <p>
 * When the data is in an external store ({@code --sparql-endpoint}) there are no dumps here: every path is 404
 * with a message saying where to get them. Dumping a store of any size into this server's memory is not its job;
 * the store's own tools, or {@code dump} on the source files, make them.
 */
public final class DumpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The data never changes while the server runs; a client may reuse a file this long, then revalidate. */
    static final String CACHE_CONTROL = HttpLib.CACHE_CONTROL;

    /** Why there are no dumps when the data is in an external store. */
    static final String NONE_HERE = "No dumps here: this server answers from an external SPARQL store "
            + "(--sparql-endpoint) and does not hold the data. Get a dump from that store, or run "
            + "'java -jar stalin-kg.jar dump' on the source files.";

    /** The graph loaded here; null when the data is in an external store. */
    private final transient KnowledgeGraph kg;
    private transient volatile Served served;

    /** The files, each with its ETag, and the listing page; made once. */
    private record Served(Map<String, byte[]> files, Map<String, String> etags, byte[] listing, String listingEtag) {}

    public DumpServlet(KnowledgeGraph kg) {
        this.kg = kg;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (kg == null) {
            byte[] body = (NONE_HERE + "\n").getBytes(StandardCharsets.UTF_8);
            resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
            resp.setContentType("text/plain; charset=utf-8");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
            return;
        }
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Served s = served();
        if (path.equals("/")) {
            send(req, resp, s.listing(), s.listingEtag(), "text/html; charset=utf-8", null);
            return;
        }
        String name = path.substring(1);
        byte[] body = s.files().get(name);
        if (body == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no dump '" + name + "'; GET /dumps/ lists them");
            return;
        }
        String etag = s.etags().get(name);
        if (name.endsWith(".gz")) {
            send(req, resp, body, etag, "application/gzip", "attachment; filename=\"" + name + "\"");
        } else {
            send(req, resp, body, etag, "text/plain; charset=us-ascii", null);
        }
    }

    /** The dumps, made on the first call; later calls, from any thread, get the same ones. */
    private Served served() {
        Served s = served;
        if (s == null) {
            synchronized (this) {
                s = served;
                if (s == null) {
                    Map<String, byte[]> files = DumpLib.dumps(kg);
                    Map<String, String> etags = new LinkedHashMap<>();
                    files.forEach((name, bytes) -> etags.put(name, etag(bytes)));
                    byte[] listing = render(files);
                    s = new Served(files, etags, listing, etag(listing));
                    served = s;
                }
            }
        }
        return s;
    }

    private static String etag(byte[] bytes) {
        return "\"" + DumpLib.sha256(bytes) + "\"";
    }

    private static byte[] render(Map<String, byte[]> files) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DumpLib.Format format : DumpLib.FORMATS) {
            String name = format.fileName();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("mediaType", format.mediaType());
            row.put("size", String.format("%,d", files.get(name).length));
            row.put("sha256", DumpLib.checksumOf(files, name));
            rows.add(row);
        }
        StringWriter out = new StringWriter();
        new DefaultMustacheFactory("templates").compile("dumps.mustache").execute(out, Map.of("dumps", rows));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, byte[] body, String etag,
            String contentType, String disposition) throws IOException {
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        if (HttpLib.notModified(req, etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(contentType);
        if (disposition != null) {
            resp.setHeader("Content-Disposition", disposition);
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

}
