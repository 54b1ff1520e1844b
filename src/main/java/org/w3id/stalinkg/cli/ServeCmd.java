package org.w3id.stalinkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.api.CannedQueryException;
import org.w3id.stalinkg.graph.GraphLoadException;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.server.AdminServer;
import org.w3id.stalinkg.server.DataHolder;
import org.w3id.stalinkg.server.KgServer;
import org.w3id.stalinkg.server.ServedData;
import org.w3id.stalinkg.server.ServerSettings;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code serve}: load and validate the graph, then answer SPARQL over HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Load ontology/ and data/, validate them against ontology/shapes.ttl, and serve the graph read-only:",
            "  /sparql   SPARQL 1.1 query endpoint (GET or POST; JSON, XML, CSV, TSV, Turtle, ...)",
            "  /api      the canned queries of queries/*.rq, one endpoint each; /api/docs to try them",
            "  /$/ping   health check",
            "A file that does not parse, a graph that breaks a shape or a malformed query file stops the start",
            "(exit status 1). With --tdb2 DIR, serves the database that load wrote there instead of the files."})
final class ServeCmd implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ServeOptions serve = new ServeOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(data, serve.settings(spec.commandLine()), serve.adminPort, serve.exitAfterWarmUp,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /**
     * Loads, starts the public server and the loopback admin port (unless {@code adminPort} is negative), and
     * blocks until the server stops; returns 1 if the data cannot be loaded.
     */
    static int run(DataOptions data, ServerSettings settings, int adminPort, boolean exitAfterWarmUp, PrintWriter out,
            PrintWriter err) {
        long started = System.nanoTime();
        ServedData served;
        try {
            served = load(data);
        } catch (GraphLoadException | CannedQueryException ex) {
            err.println("stalin-kg: not started: " + ex.getMessage());
            err.flush();
            return 1;
        }
        DataHolder holder = new DataHolder(served);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FusekiServer server = KgServer.build(holder, settings, metrics).start();
        // The full-text index is not needed for the first answer: built in the background once the server is up.
        CompletableFuture.runAsync(served.graph()::labelIndex);
        out.printf("stalin-kg: %,d triples served at http://%s:%d%s (started in %d ms)%n", served.graph().size(),
                displayHost(settings.host()), server.getHttpPort(), KgServer.SPARQL_PATH,
                (System.nanoTime() - started) / 1_000_000);
        if (exitAfterWarmUp) {
            try {
                int failed = WarmUp.run(server.getHttpPort());
                out.printf("stalin-kg: warm-up done (%d request(s) failed), stopping%n", failed);
                return failed == 0 ? 0 : 1;
            } catch (IOException ex) {
                err.println("stalin-kg: warm-up failed: " + ex.getMessage());
                return 1;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return 1;
            } finally {
                out.flush();
                server.stop();
            }
        }
        if (adminPort >= 0) {
            AdminServer admin = new AdminServer(adminPort, holder, () -> load(data), metrics).start();
            out.printf("stalin-kg: admin port http://127.0.0.1:%d/ (POST /reload, GET /metrics)%n", admin.port());
        }
        out.flush();
        server.join();
        return 0;
    }

    /** The data and queries of the project folder, read and checked. */
    static ServedData load(DataOptions data) {
        CannedQueries queries = data.queries();
        KnowledgeGraph kg = data.graph();
        return new ServedData(kg, queries);
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    }
}
