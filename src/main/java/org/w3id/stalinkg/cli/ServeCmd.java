package org.w3id.stalinkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sys.JenaSystem;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.api.CannedQueryException;
import org.w3id.stalinkg.graph.GraphLoadException;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.graph.OntologyReleasesLib;
import org.w3id.stalinkg.store.LocalStore;
import org.w3id.stalinkg.vocab.SKG;
import org.w3id.stalinkg.server.AdminServer;
import org.w3id.stalinkg.server.DataHolder;
import org.w3id.stalinkg.server.KgServer;
import org.w3id.stalinkg.server.ServedData;
import org.w3id.stalinkg.server.ServerPaths;
import org.w3id.stalinkg.server.ServerSettings;
import org.w3id.stalinkg.store.RemoteStore;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code serve}: load and validate the graph, then answer SPARQL over HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {
            "Load ontology/ and data/, validate them against ontology/shapes.ttl, and serve the graph read-only:",
            "  /sparql   SPARQL 1.1 query endpoint (GET or POST; JSON, XML, CSV, TSV, Turtle, ...)",
            "  /api      the canned queries of queries/*.rq, one endpoint each; /api/docs to try them",
            "  /$/ping   health check",
            "A file that does not parse, a graph that breaks a shape or a malformed query file stops the start "
                + "(exit status 1), as does a port in use, before anything is loaded.",
            "With --tdb2 DIR, serves the database that load wrote there instead of the files.",
            "With --sparql-endpoint URL, data/ is not loaded: every query goes to that SPARQL 1.1 store."})
final class ServeCmd implements Callable<Integer> {

    /** How long after start-up the full-text index is built, unless a search needs it sooner. */
    static final int INDEX_DELAY_SECONDS = 5;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ServeOptions serve = new ServeOptions();

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (serve.printConfig) {
            return ConfigFile.print(spec.commandLine());
        }
        return run(data, remote, serve.settings(), serve.effectiveAdminPort(), serve.exitAfterWarmUp,
                spec.commandLine());
    }

    /**
     * Loads (or, with {@code --sparql-endpoint}, reads the ontology and the queries and points at the store), starts
     * the public server and the loopback admin port (unless {@code adminPort} is negative), and blocks until the
     * server stops; returns 1 if the files cannot be loaded.
     */
    static int run(DataOptions data, RemoteOptions remote, ServerSettings settings, int adminPort,
                   boolean exitAfterWarmUp, CommandLine commandLine) {
        remote.check(commandLine);
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        long started = System.nanoTime();
        // Jena (with Fuseki's, TDB2's and jena-text's parts) initialised on this thread before any other starts:
        // threads that first touch Jena at the same time can deadlock in class initialisation.
        JenaSystem.init();
        if (!remote.enabled()) {
            // While the data loads: Jetty's and Fuseki's classes, which the server needs next.
            CompletableFuture.runAsync(KgServer::preload);
        }
        String refusal = baseUrlRefusal(data, remote, settings);
        if (refusal != null) {
            err.println("stalin-kg: not started: " + refusal);
            err.flush();
            return 2;
        }
        String portInUse = portsRefusal(settings, adminPort);
        if (portInUse != null) {
            err.println("stalin-kg: not started: " + portInUse);
            err.flush();
            return 1;
        }
        Supplier<ServedData> loader = remote.enabled() ? () -> remote.load(data, settings)
                : () -> load(data, settings.baseUrl());
        ServedData served;
        try {
            served = loader.get();
        } catch (GraphLoadException | CannedQueryException ex) {
            err.println("stalin-kg: not started: " + ex.getMessage());
            err.flush();
            return 1;
        }
        DataHolder holder = new DataHolder(served);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FusekiServer server;
        try {
            server = KgServer.build(holder, settings, metrics).start();
        } catch (RuntimeException ex) {
            // Taken between the check and now: said as the check says it.
            err.println("stalin-kg: not started: " + CliErrors.messageOf(ex));
            err.flush();
            return 1;
        }
        if (served.graph() != null) {
            // The full-text index is not needed for the first answers: built in the background a few seconds after
            // the server is up, so that it does not take a core from them (or at once, by the first search); a
            // database's is on disk, opened already.
            inBackground(holder, KnowledgeGraph::labelIndex);
            // So are the dumps, which /dumps/ serves and the VoID description states the sizes and checksums of (if
            // the store offers them: not for a graph too large to dump in memory).
            if (!served.store().dumpFiles().isEmpty()) {
                inBackground(holder, KnowledgeGraph::dumps);
            }
        }
        String what = served.graph() != null ? String.format("%,d triples", served.graph().size())
                : "the data of " + remote.endpoint;
        out.printf("stalin-kg: %s served at http://%s:%d%s (started in %d ms)%n", what,
                displayHost(settings.host()), server.getHttpPort(), ServerPaths.SPARQL,
                (System.nanoTime() - started) / 1_000_000);
        if (served.store() instanceof RemoteStore store) {
            String down = store.probe(Duration.ofSeconds(2));
            out.println(down == null ? "stalin-kg: the SPARQL store answers"
                    : "stalin-kg: the SPARQL store does not answer yet (" + down + "); queries get 502 until it does");
        }
        if (exitAfterWarmUp) {
            try {
                return warmUpAndStop(server, out, err);
            } finally {
                holder.close();
            }
        }
        if (adminPort >= 0) {
            try {
                AdminServer admin = new AdminServer(adminPort, holder, loader, metrics).start();
                out.printf("stalin-kg: admin port http://127.0.0.1:%d/ (POST /reload, GET /metrics)%n",
                        admin.port());
            } catch (RuntimeException ex) {
                err.println("stalin-kg: not started: the admin port: " + CliErrors.messageOf(ex)
                        + "; choose another with --admin-port N, or turn it off with --admin-port -1");
                err.flush();
                server.stop();
                holder.close();
                return 1;
            }
        }
        out.flush();
        server.join();
        holder.close();
        return 0;
    }

    /**
     * Makes what {@code make} makes of the graph served a few seconds from now, holding the data in use meanwhile (a
     * reload then closes them only after).
     */
    private static void inBackground(DataHolder holder, Consumer<KnowledgeGraph> make) {
        CompletableFuture.runAsync(() -> {
            try (DataHolder.Use use = holder.use()) {
                KnowledgeGraph graph = holder.current().graph();
                if (graph != null) {
                    make.accept(graph);
                }
            }
        }, CompletableFuture.delayedExecutor(INDEX_DELAY_SECONDS, TimeUnit.SECONDS));
    }

    /**
     * Why {@code --base-url} cannot be honoured, or null: the base is applied as the files are loaded, so data
     * loaded elsewhere (a TDB2 database, an external store) names things as it was loaded, under the canonical base.
     */
    private static String baseUrlRefusal(DataOptions data, RemoteOptions remote, ServerSettings settings) {
        boolean elsewhere = remote.enabled() || data.tdb2 != null;
        if (settings.baseUrl() == null || settings.baseUrl().equals(SKG.BASE) || !elsewhere) {
            return null;
        }
        return "--base-url names things as the files are loaded; with " + (remote.enabled() ? "--sparql-endpoint"
                : "--tdb2") + " the data were loaded elsewhere, under the canonical base " + SKG.BASE;
    }

    /**
     * Why the ports cannot be listened on, or null: checked before the data are loaded, so that a port in use is said
     * at once, not after the load. The admin port is on the loopback interface only.
     */
    private static String portsRefusal(ServerSettings settings, int adminPort) {
        String publicPort = CliErrors.portInUse(settings.host(), settings.port(), "--port",
                "choose another with --port N (0 picks a free one)");
        if (publicPort != null || adminPort < 0) {
            return publicPort;
        }
        return CliErrors.portInUse("127.0.0.1", adminPort, "--admin-port, by default the one after --port",
                "choose another with --admin-port N, or turn it off with --admin-port -1");
    }

    /** The training run of the class-data sharing archive: one request of each kind, then stop. */
    private static int warmUpAndStop(FusekiServer server, PrintWriter out, PrintWriter err) {
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

    /** The data and queries of the project folder, read and checked, under the canonical base. */
    static ServedData load(DataOptions data) {
        return load(data, null);
    }

    /**
     * The data and queries of the project folder, read and checked; things named under {@code base} (null: the
     * canonical base), in the data and in the canned queries alike.
     */
    static ServedData load(DataOptions data, String base) {
        String things = (base == null ? SKG.BASE : base) + SKG.ID_PATH;
        // The canned queries are read and checked while the graph loads.
        CompletableFuture<CannedQueries> queries = CompletableFuture.supplyAsync(
                () -> CannedQueries.load(data.root.resolve("queries"), things));
        KnowledgeGraph kg = data.tdb2 != null ? data.graph() : data.loader().base(base).load();
        try {
            return new ServedData(new LocalStore(kg), kg.ontology(),
                    OntologyReleasesLib.load(data.root.resolve("ontology").resolve("releases"), kg.ontology()),
                    queries.join());
        } catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    }
}
