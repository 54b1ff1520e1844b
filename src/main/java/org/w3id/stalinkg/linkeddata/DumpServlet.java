package org.w3id.stalinkg.linkeddata;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3id.stalinkg.http.Answer;
import org.w3id.stalinkg.store.DumpFile;
import org.w3id.stalinkg.store.SparqlStore;
import org.w3id.stalinkg.store.StoreMemo;
import org.w3id.stalinkg.http.AnswerSender;
import org.w3id.stalinkg.http.HttpLib;
import org.w3id.stalinkg.http.Problem;
import org.w3id.stalinkg.http.Site;
import org.w3id.stalinkg.http.Templates;

import com.github.mustachejava.DefaultMustacheFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The dumps of the store ({@link SparqlStore#dumps()}), mapped at {@code /dumps/*}: each file by its exact name, and a page listing them.
 * The files are made once, on the first request, and kept in memory; a name is looked up in that map and nothing
 * else, so no request reaches the file system.
 *
 * <pre>
 * curl -O http://localhost:3030/dumps/stalin-kg.nt.gz
 * curl -O http://localhost:3030/dumps/stalin-kg.nt.gz.sha256 &amp;&amp; sha256sum -c stalin-kg.nt.gz.sha256
 * curl http://localhost:3030/dumps/                       # the list, with sizes and checksums (HTML)
 * </pre>
 *
 * Every file's ETag is its SHA-256; {@code If-None-Match} gets 304. A file is sent with its {@code Content-Length}
 * and in parts on request, so that a download that stopped goes on from where it stopped ({@code curl -C -}):
 * {@code Accept-Ranges: bytes}, one {@code Range} gets 206 with {@code Content-Range}, one past the end 416, several
 * the whole file, {@code If-Range} with the ETag honoured ({@link org.w3id.stalinkg.http.ByteRanges}). The files are
 * gzip already and are sent as they are, never compressed again ({@code server.Compression}). Any other name is 404.
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

    private final transient SparqlStore store;
    private final transient StoreMemo<Served> served;

    /** The files, each with its ETag, and the listing page; made once. */
    private record Served(Map<String, Answer> files, Answer listing) {}

    /** Serves the dumps of {@code store}'s data: none when the data is in an external store. */
    public DumpServlet(SparqlStore store) {
        this.store = store;
        this.served = new StoreMemo<>(this::made, null);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AnswerSender.send(req, resp, answer(req));
    }

    private Answer answer(HttpServletRequest req) {
        if (store.dumpFiles().isEmpty()) {
            return Problem.of(404, "Not Found", NONE_HERE).answer(req);
        }
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Served s = served.get();
        if (path.equals("/")) {
            // The listing links relatively from /dumps/; /dumps without its slash is sent there.
            return req.getPathInfo() == null ? Answer.text(301, "See dumps/").withHeader("Location", "dumps/")
                    : s.listing();
        }
        String name = path.substring(1);
        Answer file = s.files().get(name);
        return file != null ? file
                : Problem.of(404, "Not Found", "no dump '" + name + "'; GET /dumps/ lists them").answer(req);
    }

    /** The dumps, made on the first request for one; later requests, from any thread, get the same ones. */
    private Served made() {
        Map<String, byte[]> files = store.dumps();
        Map<String, Answer> answers = new LinkedHashMap<>();
        files.forEach((name, bytes) -> answers.put(name, file(name, bytes, files)));
        return new Served(answers, Answer.ok("text/html; charset=utf-8", render(files)).withContentEtag());
    }

    /** A file, its ETag its SHA-256: for a dump, the checksum its .sha256 file already states. */
    private static Answer file(String name, byte[] bytes, Map<String, byte[]> files) {
        if (!name.endsWith(".gz")) {
            return Answer.ok("text/plain; charset=us-ascii", bytes).withEtag("\"" + HttpLib.sha256(bytes, 64) + "\"")
                    .withByteRanges();
        }
        return Answer.ok("application/gzip", bytes).withEtag("\"" + DumpFile.checksum(files, name) + "\"")
                .withHeader("Content-Disposition", "attachment; filename=\"" + name + "\"").withByteRanges();
    }

    /** The model of {@code dumps.mustache}. */
    private record Listing(List<Row> dumps) {}

    /** One dump in the listing. */
    private record Row(String name, String mediaType, String holds, String size, String sha256) {}

    private byte[] render(Map<String, byte[]> files) {
        List<Row> rows = new ArrayList<>();
        for (DumpFile file : store.dumpFiles()) {
            String name = file.name();
            rows.add(new Row(name, file.mediaType(), file.namedGraphs() ? "the dataset: default and named graphs"
                    : "the default graph", String.format("%,d", files.get(name).length),
                    DumpFile.checksum(files, name)));
        }
        return Templates.render("dumps.mustache", new Listing(rows), Site.at(1));
    }
}
