package org.w3id.stalinkg.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Virtuoso Open Source ({@code virtuoso-t} of Debian's {@code virtuoso-opensource}) run as a process of its own for a
 * test: its own {@code virtuoso.ini}, database and free ports in {@code dir}, never the system's service; loaded with
 * our N-Quads dataset as docs/scaling.md says (the named graphs only, readable by the SPARQL endpoint's anonymous
 * user, every other graph hidden from it, so that its default graph is their union as ours is).
 */
final class Virtuoso implements AutoCloseable {

    /** The statements docs/scaling.md gives, for a dataset file in {@code dir}. */
    static final String LOAD = """
            ld_dir('%1$s', '%2$s', 'urn:stalin-kg:default-graph');
            rdf_loader_run();
            SPARQL DROP SILENT GRAPH <urn:stalin-kg:default-graph>;
            DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 0);
            DB.DBA.RDF_GRAPH_USER_PERMS_SET('https://w3id.org/stalin-kg/graph/asserted', 'nobody', 1);
            DB.DBA.RDF_GRAPH_USER_PERMS_SET('https://w3id.org/stalin-kg/graph/inferred', 'nobody', 1);
            checkpoint;
            SELECT ll_state, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;
            """;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;
    private final int httpPort;
    private final int sqlPort;
    private final Process process;

    private Virtuoso(Path dir, int httpPort, int sqlPort, Process process) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.sqlPort = sqlPort;
        this.process = process;
    }

    /** The {@code virtuoso-t} on the PATH, or null if there is none. */
    static Path executable() {
        return which("virtuoso-t");
    }

    /**
     * Starts Virtuoso with its database in {@code dir}, waits until its SPARQL endpoint answers, loads
     * {@code dataset} (a file in {@code dir}) and returns it.
     */
    static Virtuoso start(Path dir, Path dataset) throws IOException, InterruptedException {
        int httpPort = freePort();
        int sqlPort = freePort();
        Files.writeString(dir.resolve("virtuoso.ini"), ini(dir, httpPort, sqlPort));
        Virtuoso loading = launch(dir, httpPort, sqlPort);
        try {
            loading.load(dataset);
        } finally {
            loading.close();
        }
        // Started again on the loaded database: just after a bulk load, Virtuoso 7.2.5 answers a group joining two
        // property paths with * (in-region's partOf* and subClassOf*) with no rows, and after a restart with the
        // right ones (seen by hand with the same ini, load and query; a checkpoint alone does not do it).
        return launch(dir, httpPort, sqlPort);
    }

    /** virtuoso-t started on the ini in {@code dir}, its SPARQL endpoint answering. */
    private static Virtuoso launch(Path dir, int httpPort, int sqlPort) throws IOException, InterruptedException {
        Path log = dir.resolve("virtuoso-t.log");
        Process process = new ProcessBuilder(executable().toString(), "+configfile",
                dir.resolve("virtuoso.ini").toString(), "+foreground")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        Virtuoso virtuoso = new Virtuoso(dir, httpPort, sqlPort, process);
        try {
            virtuoso.awaitEndpoint(log);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError ex) {
            virtuoso.close();
            throw ex;
        }
        return virtuoso;
    }

    /** The SPARQL endpoint: what {@code serve --sparql-endpoint} is given. */
    String endpoint() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    /** The configuration docs/scaling.md gives, with this test's folder and ports. */
    static String ini(Path dir, int httpPort, int sqlPort) {
        String d = dir.toAbsolutePath().toString();
        return """
                [Database]
                DatabaseFile       = %1$s/virtuoso.db
                ErrorLogFile       = %1$s/virtuoso.log
                LockFile           = %1$s/virtuoso.lck
                TransactionFile    = %1$s/virtuoso.trx
                xa_persistent_file = %1$s/virtuoso.pxa
                [TempDatabase]
                DatabaseFile       = %1$s/virtuoso-temp.db
                TransactionFile    = %1$s/virtuoso-temp.trx
                [Parameters]
                ServerPort         = 127.0.0.1:%3$d
                DisableUnixSocket  = 1
                DirsAllowed        = ., %1$s
                NumberOfBuffers    = 10000
                MaxDirtyBuffers    = 6000
                MaxSortedTopRows   = 1000000
                [HTTPServer]
                ServerPort         = 127.0.0.1:%2$d
                ServerRoot         = %1$s
                ServerThreads      = 10
                MaxClientConnections = 10
                [SPARQL]
                ResultSetMaxRows   = 1000000
                MaxQueryExecutionTime = 60
                """.formatted(d, httpPort, sqlPort);
    }

    private void awaitEndpoint(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        URI ask = URI.create(endpoint() + "?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8));
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("virtuoso-t did not start:\n" + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(ask).timeout(Duration.ofSeconds(2)).build(),
                        BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException ex) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("virtuoso-t did not answer SPARQL within 120 s:\n" + Files.readString(log));
    }

    private void load(Path dataset) throws IOException, InterruptedException {
        String statements = LOAD.formatted(dataset.getParent().toAbsolutePath(), dataset.getFileName());
        Path isql = which("isql-vt");
        if (isql == null) {
            throw new AssertionError("isql-vt (package virtuoso-opensource-7-bin) is not on the PATH");
        }
        Path out = dir.resolve("isql.log");
        Process p = new ProcessBuilder(isql.toString(), "127.0.0.1:" + sqlPort, "dba", "dba",
                "exec=" + statements.replace('\n', ' '))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("isql-vt could not load the dataset:\n" + Files.readString(out));
        }
        String said = Files.readString(out);
        if (!said.contains("0 Rows.") || said.contains("*** Error")) {
            throw new AssertionError("the dataset did not load:\n" + said);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path which(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        try (Stream<String> dirs = Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)),
                List.of("/usr/bin", "/usr/local/bin").stream())) {
            return dirs.filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable)
                    .findFirst().orElse(null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
