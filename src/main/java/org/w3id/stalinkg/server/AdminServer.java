package org.w3id.stalinkg.server;

import java.io.IOException;
import java.util.function.Supplier;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.stalinkg.api.CannedQueryException;
import org.w3id.stalinkg.graph.GraphLoadException;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The admin port, bound to the loopback interface only (never the public port):
 * <pre>
 * curl -X POST http://127.0.0.1:3031/reload    # load the files again; swap them in if they parse and conform
 * curl http://127.0.0.1:3031/metrics           # Prometheus metrics: requests, queries, the answer cache, the JVM
 * </pre>
 * A reload reads, validates and infers into new data while the old stays served, then swaps atomically; a reload
 * with broken files is refused with 400 and each problem ({@code file:line:col}), and the old data stays served.
 */
public final class AdminServer {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    private final Server jetty;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    /**
     * @param port   0 for any free port
     * @param loader reads and checks the data afresh (throws GraphLoadException or CannedQueryException)
     */
    public AdminServer(int port, DataHolder holder, Supplier<ServedData> loader, PrometheusMeterRegistry metrics) {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new Reload(holder, loader)), "/reload");
        context.addServlet(new ServletHolder(new Metrics(metrics)), "/metrics");
        jetty.setHandler(context);
        bindProcessMetrics(metrics);
    }

    /**
     * The JVM's and the process's figures beside the server's own: heap and other memory pools, garbage collection,
     * threads, classes, CPU, uptime and open files (Micrometer's binders, each metric with its HELP text).
     */
    private void bindProcessMetrics(PrometheusMeterRegistry metrics) {
        new JvmInfoMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        gcMetrics.bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ClassLoaderMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        new FileDescriptorMetrics().bindTo(metrics);
    }

    public AdminServer start() {
        try {
            jetty.start();
        } catch (Exception ex) {
            throw new IllegalStateException("Cannot start the admin port: " + ex.getMessage(), ex);
        }
        return this;
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public void stop() {
        gcMetrics.close();
        try {
            jetty.stop();
        } catch (Exception ex) {
            LOG.warn("Admin port did not stop cleanly: {}", ex.getMessage());
        }
    }

    /** POST /reload. */
    private static final class Reload extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient DataHolder holder;
        private final transient Supplier<ServedData> loader;

        Reload(DataHolder holder, Supplier<ServedData> loader) {
            this.holder = holder;
            this.loader = loader;
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain; charset=utf-8");
            long started = System.nanoTime();
            try {
                ServedData fresh = holder.reload(loader);
                String message = "Reloaded: " + (fresh.graph() == null ? "the ontology (the data is in an external "
                        + "store), " : fresh.graph().size() + " triples, ") + fresh.queries().all().size()
                        + " canned queries, in " + (System.nanoTime() - started) / 1_000_000 + " ms.";
                LOG.info(message);
                resp.getWriter().write(message + "\n");
            } catch (GraphLoadException | CannedQueryException ex) {
                LOG.warn("Reload refused; the old data is still served: {}", ex.getMessage());
                resp.setStatus(400);
                resp.getWriter().write("Reload refused; the old data is still served.\n" + ex.getMessage() + "\n");
            }
        }
    }

    /** GET /metrics. */
    private static final class Metrics extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient PrometheusMeterRegistry registry;

        Metrics(PrometheusMeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
            resp.getWriter().write(registry.scrape());
        }
    }
}
