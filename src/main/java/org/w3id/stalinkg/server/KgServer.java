package org.w3id.stalinkg.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.w3id.stalinkg.api.ApiServlet;
import org.w3id.stalinkg.api.CannedQueries;
import org.w3id.stalinkg.api.CannedQueryRunner;
import org.w3id.stalinkg.api.SearchServlet;
import org.w3id.stalinkg.graph.FastPathExecutor;
import org.w3id.stalinkg.graph.KnowledgeGraph;
import org.w3id.stalinkg.http.ProblemErrorHandler;
import org.w3id.stalinkg.http.SparqlJsonWriter;
import org.w3id.stalinkg.linkeddata.ContextServlet;
import org.w3id.stalinkg.linkeddata.DescriptionServlet;
import org.w3id.stalinkg.linkeddata.DumpServlet;
import org.w3id.stalinkg.linkeddata.LinkedDataFormat;
import org.w3id.stalinkg.linkeddata.OntologyServlet;
import org.w3id.stalinkg.linkeddata.PublicBase;
import org.w3id.stalinkg.linkeddata.VoidServlet;
import org.w3id.stalinkg.pages.HomeServlet;
import org.w3id.stalinkg.pages.MapServlet;
import org.w3id.stalinkg.pages.PageServlet;
import org.w3id.stalinkg.pages.QueryServlet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Assembles the embedded Fuseki server that publishes a {@link KnowledgeGraph}: a read-only SPARQL 1.1 query
 * endpoint at {@value #SPARQL_PATH}, the canned-query API at {@value #API_PATH}, the WebJars its pages use at
 * {@code /webjars/}, a health check at {@value #PING_PATH} and a readiness check at {@link ServerPaths#READY}
 * ({@link ReadyServlet}); CORS lets any origin read.
 *
 * <pre>
 * FusekiServer server = KgServer.build(kg, queries, ServerSettings.defaults().withPort(0)).start();
 * String endpoint = "http://localhost:" + server.getHttpPort() + KgServer.SPARQL_PATH;
 * </pre>
 *
 * What is switched off, and how:
 * <ul>
 * <li>updates, graph-store writes and uploads: the dataset has exactly one endpoint, for {@link Operation#Query},
 *     so no update or upload handler exists on any path; the dataset itself is a {@link DatasetGraphReadOnly}
 *     as a second guard;</li>
 * <li>{@code SERVICE} to any other endpoint: a query holding one is refused with 422 before it runs
 *     ({@link ActionQueryOwnData}); behind that, {@link ARQ#globalServiceAllowed} is cleared for the whole JVM and
 *     {@link ARQ#httpServiceAllowed} is false in the dataset's context, so no connection is ever made;</li>
 * <li>long queries: {@link ARQ#queryTimeout} is set in the dataset's context, which a client can only shorten;
 *     a regular expression that backtracks for ever stops at that limit too ({@link RunawayExpressions});</li>
 * <li>Fuseki's admin, stats and metrics endpoints: not enabled; no {@code FusekiModule} is loaded.</li>
 * </ul>
 * Fuseki gives every response a 5 MiB output buffer, larger than Jetty pools, so each response allocated and
 * zeroed a fresh one; we set 32 KiB, which Jetty pools.
 * <p>
 * When the served data's store is an external SPARQL endpoint ({@code serve --sparql-endpoint URL}), the same
 * paths answer from it: {@value #SPARQL_PATH} forwards queries after the same checks ({@link ActionQueryRemote}),
 * and every other servlet asks the store ({@link org.w3id.stalinkg.store.SparqlStore}) instead of the graph.
 */
public final class KgServer {

    /** The SPARQL query endpoint: {@link ServerPaths#SPARQL}. */
    public static final String SPARQL_PATH = ServerPaths.SPARQL;

    /** The canned-query API: {@link ServerPaths#API}. */
    public static final String API_PATH = ServerPaths.API;

    /** The search box's search: {@link ServerPaths#SEARCH}. */
    public static final String SEARCH_PATH = ServerPaths.SEARCH;

    /** The health check: {@link ServerPaths#PING}. */
    public static final String PING_PATH = ServerPaths.PING;

    /** The response output buffer: at most 64 KiB so that Jetty's buffer pool reuses it. */
    static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

    private KgServer() {}

    /** A server for {@code kg} and its canned queries with {@code settings}, built but not started. */
    public static FusekiServer build(KnowledgeGraph kg, CannedQueries queries, ServerSettings settings) {
        return build(new DataHolder(new ServedData(kg, queries)), settings, new SimpleMeterRegistry());
    }

    /**
     * A server for the data of {@code holder}, which a reload may swap while it runs, recording its metrics in
     * {@code metrics} (the admin port publishes them).
     */
    public static FusekiServer build(DataHolder holder, ServerSettings settings, MeterRegistry metrics) {
        ARQ.globalServiceAllowed = false;
        // A regular expression stops at the query's time limit, not only between bindings.
        RunawayExpressions.install();
        SparqlJsonWriter.register();
        Limits limits = settings.limits();
        PublicBase publicBase = PublicBase.orCanonical(settings.baseUrl());
        GenerationalServlet descriptions = new GenerationalServlet(holder,
                d -> new DescriptionServlet(d.store(), d.ontology(), publicBase));
        GenerationalServlet map = new GenerationalServlet(holder, d -> new MapServlet(d.store()));
        GenerationalServlet editor = new GenerationalServlet(holder, d -> new QueryServlet(d.store(), d.ontology()));
        GenerationalServlet ontology = new GenerationalServlet(holder,
                d -> new OntologyServlet(d.store(), d.ontologyVersions(), d.ontologyVersion()));
        FusekiServer.Builder builder = FusekiServer.create()
                .fusekiModules(FusekiModules.empty())
                .port(settings.port())
                // Enough threads that cheap requests (pages, the health check) are not queued behind queries;
                // how many queries run at once is the admission filter's business.
                .numServerThreads(8, 128)
                .enablePing(true)
                .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery,
                        queryAction(holder, publicBase, settings))
                .addDataset(SPARQL_PATH, servedDataset(holder, settings))
                .addEndpoint(SPARQL_PATH, "", Operation.Query)
                // First: a reload closes the data it replaced once no request holds them.
                .addFilter("/*", new DataInUseFilter(holder))
                .addFilter("/*", new AccessLogFilter(metrics))
                .addFilter("/*", new BasePathFilter())
                .addFilter("/*", new RequestLimitFilter(limits.maxBodyBytes()))
                .addFilter("/*", new CorsFilter())
                .addFilter("/*", new ReadOnlyFilter())
                .addFilter(SPARQL_PATH, new SparqlProtocolFilter())
                // Before admission: an answer sent again from memory costs no query slot and cannot be shed.
                .addFilter("/*", new AnswerCache(holder, settings.answerCacheBytes(), metrics))
                .addFilter("/*", new AdmissionFilter(limits, metrics))
                .addServlet(API_PATH + "/*", new GenerationalServlet(holder, d -> new ApiServlet(d.queries(),
                        new CannedQueryRunner(d.store(), limits.apiTimeout(), limits.maxRows()))))
                .addServlet(SEARCH_PATH, new GenerationalServlet(holder,
                        d -> new SearchServlet(d.store(), limits.apiTimeout())))
                .addServlet(ServerPaths.READY, new ReadyServlet(holder))
                .addServlet("/webjars/*", new ClasspathServlet(ClasspathServlet.WEBJARS,
                        "public, max-age=31536000, immutable"))
                .addServlet("/static/*", new ClasspathServlet(ClasspathServlet.STATIC, "public, max-age=3600"))
                .addServlet(QueryServlet.PAGE_PATH, editor)
                .addServlet(QueryServlet.PREFIXES_PATH, editor)
                .addServlet(QueryServlet.TERMS_PATH, editor)
                .addServlet("/timeline", new PageServlet("timeline.mustache"))
                .addServlet(MapServlet.PAGE_PATH, map)
                .addServlet(MapServlet.DATA_PATH, map)
                .addServlet("/id/*", descriptions)
                .addServlet("/doc/*", descriptions)
                .addServlet("/context.jsonld", new GenerationalServlet(holder,
                        d -> new ContextServlet(d.ontology(), publicBase)))
                .addServlet(VoidServlet.PATH, new GenerationalServlet(holder,
                        d -> new VoidServlet(d.store(), publicBase)))
                .addServlet("/dumps/*", new GenerationalServlet(holder, d -> new DumpServlet(d.store())))
                .addServlet("", new GenerationalServlet(holder, d -> new HomeServlet(d.store())));
        addOntology(builder, ontology);
        FusekiServer server = builder.build();
        // Our problems instead of Jetty's error pages, for the container's errors and Fuseki's alike.
        ProblemErrorHandler problems = new ProblemErrorHandler();
        server.getJettyServer().setErrorHandler(problems);
        ServletContextHandler context = server.getJettyServer().getDescendant(ServletContextHandler.class);
        if (context != null) {
            context.setErrorHandler(problems);
        }
        configureConnectors(server, settings);
        // Gzip for text, JSON, scripts and RDF, outside the servlets: they and the cache see identity bytes only.
        Compression.install(server.getJettyServer());
        return server;
    }

    /** The ontology at {@code /ontology}, its versions at {@code /ontology/X.Y.Z}, one format at {@code .EXT}. */
    private static void addOntology(FusekiServer.Builder builder, GenerationalServlet ontology) {
        builder.addServlet("/ontology", ontology);
        builder.addServlet("/ontology/*", ontology);
        for (LinkedDataFormat f : LinkedDataFormat.values()) {
            builder.addServlet("/ontology." + f.extension(), ontology);
        }
    }

    /**
     * The interface, the output buffer Jetty pools, the header limit, no version, relative redirects, and the
     * trusted proxies and base path ({@link ProxyCustomizer}).
     */
    private static void configureConnectors(FusekiServer server, ServerSettings settings) {
        Limits limits = settings.limits();
        ProxyCustomizer proxies = new ProxyCustomizer(TrustedProxies.of(settings.trustedProxies()),
                settings.basePath());
        for (Connector connector : server.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(settings.host());
            }
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
                // Fuseki allows 512 KiB of request line and headers; a longer URL is 414, larger headers 431.
                http.getHttpConfiguration().setRequestHeaderSize(limits.maxHeaderBytes());
                http.getHttpConfiguration().setSendServerVersion(false);
                // A Location stays as the servlet wrote it (a path): made absolute, it would name the Host asked.
                http.getHttpConfiguration().setRelativeRedirectAllowed(true);
                // First, so that every later customizer and every filter sees the client and the path under the base.
                http.getHttpConfiguration().getCustomizers().add(0, proxies);
            }
        }
    }

    /**
     * The SPARQL query operation: over the graph loaded here, or forwarding to the external store that holds the
     * data ({@link ActionQueryRemote}), after the same checks.
     */
    private static ActionQueryOwnData queryAction(DataHolder holder, PublicBase publicBase, ServerSettings settings) {
        return isRemote(holder)
                ? new ActionQueryRemote(holder, publicBase, settings.limits(), settings.timeout())
                : new ActionQueryOwnData(holder, publicBase, settings.limits());
    }

    /** True if the data is in an external store ({@code --sparql-endpoint}), not loaded here. */
    private static boolean isRemote(DataHolder holder) {
        return holder.current().isRemote();
    }

    /**
     * Loads and initialises the classes of an embedded Fuseki server (Jetty, the servlets, Fuseki's registries) by
     * building one that is never started: run beside the data load, it takes that work off the start-up's path.
     */
    public static void preload() {
        FusekiServer.create().fusekiModules(FusekiModules.empty()).port(0).enablePing(true)
                .add("/preload", DatasetGraphFactory.empty(), false).build();
    }

    /**
     * The dataset as served: whichever the holder has when a query begins, read-only, with its own context holding
     * the time limits and the SERVICE ban; an empty placeholder when the data is in an external store.
     */
    private static DatasetGraph servedDataset(DataHolder holder, ServerSettings settings) {
        Context context = new Context();
        // "first,overall": the wait for the first result, and the whole run. Jena arms the overall limit only once
        // the first result is out, so the wait for the first result must not exceed it.
        long overall = settings.timeout().toMillis();
        long first = Math.min(settings.limits().firstResultTimeout().toMillis(), overall);
        context.set(ARQ.queryTimeout, first + "," + overall);
        context.set(ARQ.httpServiceAllowed, false);
        if (isRemote(holder)) {
            return new DatasetGraphReadOnly(ActionQueryRemote.placeholder(), context);
        }
        if (FastPathExecutor.isInstalled(holder.current().graph().dataset().getContext())) {
            FastPathExecutor.install(context); // the in-memory data's executor, for every load it serves
        }
        return new DatasetGraphReadOnly(new SwitchingDataset(holder, context), context);
    }
}
