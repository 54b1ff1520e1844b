package org.w3id.stalinkg.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests that come through a reverse proxy, and the site under a sub-path. Runs on every request before anything
 * else sees it (a Jetty request customizer):
 * <ul>
 * <li>Only when the socket peer is a trusted proxy ({@code --trusted-proxy}) are {@code Forwarded} and
 *     {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port} and {@code -Prefix} believed. Jetty's
 *     {@link ForwardedRequestCustomizer} reads the scheme and authority; the client address is the right-most one of
 *     the chain that is not a trusted proxy ({@link TrustedProxies#client}), not Jetty's left-most, which the client
 *     itself can write. {@code getRemoteAddr()} then answers the client, so budgets and the access log count it.
 *     A header that does not parse is ignored (logged at debug), never an error. From any other peer the headers
 *     change nothing.</li>
 * <li>The base path: {@code X-Forwarded-Prefix} from a trusted proxy, else {@code --base-path}. A request whose path
 *     begins with it is served as if it did not ({@code /kg/doc/x} as {@code /doc/x}), so a proxy may pass the path
 *     through or strip it; the base itself without its slash ({@code /kg}) is marked {@link #BARE_BASE} and
 *     redirected to {@code /kg/} by {@link BasePathFilter}. Pages link relatively, so they need nothing more.</li>
 * </ul>
 * The names of things in RDF never change with any of this: they are decided once, at load ({@code --base-url}).
 */
final class ProxyCustomizer implements HttpConfiguration.Customizer {

    /** The header by which a proxy says under which path it publishes this server. */
    static final String PREFIX_HEADER = "X-Forwarded-Prefix";

    /** A request attribute, set when the path was the base path without its final slash: the base to redirect to. */
    static final String BARE_BASE = "org.w3id.stalinkg.bareBase";

    private static final Logger LOG = LoggerFactory.getLogger(ProxyCustomizer.class);

    private final TrustedProxies trusted;
    private final String basePath;
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer() {
        @Override
        protected void onError(HttpField field, Throwable t) {
            LOG.debug("Ignored a forwarding header that does not parse: {}", field.getName(), t);
        }
    };

    /**
     * @param trusted  the proxies whose headers are believed
     * @param basePath the path the site is published under, {@code /} or {@code /a/b/} (see
     *                 {@link ServerSettings#isBasePath})
     */
    ProxyCustomizer(TrustedProxies trusted, String basePath) {
        this.trusted = trusted;
        this.basePath = withoutSlash(basePath);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        String base = basePath;
        Request customized = request;
        InetAddress peer = addressOf(request.getConnectionMetaData().getRemoteSocketAddress());
        if (!trusted.isEmpty() && trusted.contains(peer)) {
            try {
                InetAddress client = trusted.client(request.getHeaders(), peer);
                customized = forwarded.customize(request, responseHeaders);
                if (!client.equals(peer)) {
                    customized = withRemote(customized, client);
                }
            } catch (RuntimeException ex) {
                LOG.debug("Ignored forwarding headers that do not parse", ex);
                customized = request;
            }
            String prefix = request.getHeaders().get(PREFIX_HEADER);
            if (prefix != null && ServerSettings.isBasePath(slashed(prefix))) {
                base = withoutSlash(slashed(prefix));
            }
        }
        return underBase(customized, base);
    }

    /** {@code request} as if its path did not begin with {@code base} ("" or "/a/b"). */
    private static Request underBase(Request request, String base) {
        if (base.isEmpty()) {
            return request;
        }
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        String canonical = uri.getCanonicalPath();
        // Both as sent and as resolved (dot segments removed) under the base: /kg/../x is not.
        if (path == null || !path.startsWith(base) || canonical == null
                || !(canonical.equals(base) || canonical.startsWith(base + "/"))) {
            return request;
        }
        String rest = path.substring(base.length());
        if (rest.isEmpty()) {
            request.setAttribute(BARE_BASE, base + "/");
            rest = "/";
        } else if (!rest.startsWith("/")) {
            return request;
        }
        HttpURI stripped = HttpURI.build(uri).path(rest).asImmutable();
        if (stripped.getCanonicalPath() == null) {
            return request;
        }
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return stripped;
            }
        };
    }

    /** {@code request} as if it came from {@code client} (on the peer's port). */
    private static Request withRemote(Request request, InetAddress client) {
        SocketAddress socket = request.getConnectionMetaData().getRemoteSocketAddress();
        int port = socket instanceof InetSocketAddress inet ? inet.getPort() : 0;
        InetSocketAddress remote = new InetSocketAddress(client, port);
        ConnectionMetaData meta = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return meta;
            }
        };
    }

    private static InetAddress addressOf(SocketAddress socket) {
        return socket instanceof InetSocketAddress inet && !inet.isUnresolved() ? inet.getAddress() : null;
    }

    private static String slashed(String path) {
        String p = path.strip();
        return p.endsWith("/") ? p : p + "/";
    }

    private static String withoutSlash(String base) {
        return base.substring(0, base.length() - 1);
    }
}
