import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.rdf4j.query.BooleanQuery;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.Query;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.resultio.sparqljson.SPARQLResultsJSONWriter;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.sail.memory.MemoryStore;

/**
 * Eclipse RDF4J's MemoryStore behind the JDK's HTTP server, for bench/compare.sh only (RDF4J=1): the third engine
 * beside ours and stock Fuseki, as issue 15 asks ("geometric mean reported beside RDF4J's MemoryStore measured in
 * the same run"). Not part of stalin-kg's jar or its tests; its classpath comes from bench/rdf4j/pom.xml.
 *
 * Loads FILE (Turtle, or N-Triples for *.nt: the same file stock Fuseki is given) into a MemoryStore SailRepository
 * with default settings, in one transaction, then listens on 127.0.0.1:PORT (so the first answer means the data is
 * loaded) and answers GET /sparql?query=... : SELECT and ASK as application/sparql-results+json, written by RDF4J's
 * SPARQLResultsJSONWriter without indentation into a buffer and sent with Content-Length (keep-alive is the JDK
 * server's default); a malformed query, a CONSTRUCT or DESCRIBE, or no query parameter answers 400 with one line of
 * text, any other method 405, any other path 404, an evaluation error 500. Each request opens its own connection
 * to the repository (connections are not shared between threads). THREADS worker threads (default 16) take the
 * requests; TCP_NODELAY is set, as Jetty sets it, so a response is not held back by Nagle's algorithm.
 *
 * <pre>
 *   mvn -q -f bench/rdf4j/pom.xml dependency:build-classpath -Dmdep.outputFile=target/bench/rdf4j.classpath
 *   java -cp "$(cat target/bench/rdf4j.classpath)" bench/lib/Rdf4jServer.java PORT FILE [THREADS]
 * </pre>
 */
public final class Rdf4jServer {
    private static final String JSON = "application/sparql-results+json; charset=utf-8";

    private final SailRepository repository;

    private Rdf4jServer(SailRepository repository) {
        this.repository = repository;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java -cp CLASSPATH bench/lib/Rdf4jServer.java PORT FILE [THREADS]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        File file = new File(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        // Read by the JDK server's configuration when its classes load, so before HttpServer.create.
        System.setProperty("sun.net.httpserver.nodelay", "true");

        long start = System.nanoTime();
        SailRepository repository = new SailRepository(new MemoryStore());
        repository.init();
        RDFFormat format = Rio.getParserFormatForFileName(file.getName()).orElse(RDFFormat.TURTLE);
        long triples;
        try (RepositoryConnection conn = repository.getConnection()) {
            conn.begin();
            conn.add(file, null, format);
            conn.commit();
            triples = conn.size();
        }
        System.err.printf("rdf4j: %d triples from %s in %d ms%n", triples, file, (System.nanoTime() - start) / 1_000_000);

        Rdf4jServer server = new Rdf4jServer(repository);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        http.setExecutor(pool);
        http.createContext("/", server::handle);
        http.start();
        System.err.printf("rdf4j: http://127.0.0.1:%d/sparql, %d threads%n", port, threads);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            pool.shutdownNow();
            repository.shutDown();
        }));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/sparql".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found: only /sparql is served\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET /sparql?query=... is served\n");
            } else {
                String text = parameter(exchange.getRequestURI().getRawQuery(), "query");
                if (text == null) {
                    send(exchange, 400, "text/plain; charset=utf-8", "no query parameter\n");
                } else {
                    answer(exchange, text);
                }
            }
        }
    }

    private void answer(HttpExchange exchange, String text) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        try (RepositoryConnection conn = repository.getConnection()) {
            Query query = conn.prepareQuery(QueryLanguage.SPARQL, text);
            SPARQLResultsJSONWriter writer = new SPARQLResultsJSONWriter(body);
            writer.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, false);
            if (query instanceof TupleQuery tuple) {
                tuple.evaluate(writer);
            } else if (query instanceof BooleanQuery ask) {
                writer.handleBoolean(ask.evaluate());
            } else {
                send(exchange, 400, "text/plain; charset=utf-8", "only SELECT and ASK are answered\n");
                return;
            }
        } catch (MalformedQueryException e) {
            send(exchange, 400, "text/plain; charset=utf-8", "malformed query: " + oneLine(e.getMessage()) + "\n");
            return;
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", "query failed: " + oneLine(e.getMessage()) + "\n");
            return;
        }
        send(exchange, 200, JSON, body.toByteArray());
    }

    private static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        send(exchange, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Always a non-empty body, so Content-Length is its length (0 would mean chunked to the JDK server). */
    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
