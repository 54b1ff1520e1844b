package org.w3id.stalinkg.server;

import java.io.IOException;
import java.util.function.Function;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A servlet built from the served data, rebuilt when a reload swaps the data: each request reads the current data
 * once, and is answered by the servlet built from exactly that data (built on the first request that needs it).
 * The servlets keep what they compute from the data (statistics, dumps, caches), so a reload costs one rebuild.
 */
final class GenerationalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient DataHolder holder;
    private final transient Function<ServedData, HttpServlet> factory;
    private transient volatile Generation generation;
    private transient ServletConfig config;

    /** The servlet built from one version of the data. */
    private record Generation(ServedData data, HttpServlet servlet) {}

    GenerationalServlet(DataHolder holder, Function<ServedData, HttpServlet> factory) {
        this.holder = holder;
        this.factory = factory;
    }

    @Override
    public void init(ServletConfig servletConfig) throws ServletException {
        super.init(servletConfig);
        this.config = servletConfig;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        servletFor(holder.current()).service(req, resp);
    }

    private HttpServlet servletFor(ServedData data) throws ServletException {
        Generation g = generation;
        if (g != null && g.data() == data) {
            return g.servlet();
        }
        synchronized (this) {
            g = generation;
            if (g == null || g.data() != data) {
                // Requests still running on the old servlet finish there; it is simply no longer used.
                HttpServlet fresh = factory.apply(data);
                if (config != null) {
                    fresh.init(config);
                }
                g = new Generation(data, fresh);
                generation = g;
            }
            return g.servlet();
        }
    }
}
