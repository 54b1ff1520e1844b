package org.w3id.stalinkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.api.CannedQueryException;
import org.w3id.stalinkg.graph.GraphLoadException;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.server.KgServer;
import org.w3id.stalinkg.server.ServerSettings;

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
            "(exit status 1)."})
final class ServeCmd implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ServeOptions serve = new ServeOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(data, serve.settings(spec.commandLine()), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Loads, starts and blocks until the server stops; returns 1 if the graph cannot be loaded. */
    static int run(DataOptions data, ServerSettings settings, PrintWriter out, PrintWriter err) {
        long started = System.nanoTime();
        KnowledgeGraph kg;
        CannedQueries queries;
        try {
            queries = data.queries();
            kg = data.loader().load();
        } catch (GraphLoadException | CannedQueryException ex) {
            err.println("stalin-kg: not started: " + ex.getMessage());
            err.flush();
            return 1;
        }
        FusekiServer server = KgServer.build(kg, queries, settings).start();
        out.printf("stalin-kg: %,d triples served at http://%s:%d%s (started in %d ms)%n", kg.size(),
                displayHost(settings.host()), server.getHttpPort(), KgServer.SPARQL_PATH,
                (System.nanoTime() - started) / 1_000_000);
        out.flush();
        server.join();
        return 0;
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    }
}
